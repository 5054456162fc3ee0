"""Push MFA Challenge: send an Okta Verify push and wait for the user to answer it.

The factor is checked first (one GET): verifying a non-push factor would not push at all (an
SMS factor texts a code), and a factor that is not ACTIVE cannot be challenged, so both fail
before anything reaches the user's device. The result (SUCCESS, REJECTED, TIMEOUT, …) is the
output; a rejection is an answer, not a failure.
"""
from komand_okta.okta import push
from komand_okta.okta.users import require_user
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user = require_user(client, params["user_id"])
        factor_id = (params.get("factor_id") or "").strip()
        factor = push.get_factor(client, user["id"], factor_id) if factor_id else push.find_push_factor(client, user["id"])
        push.check_push_factor(factor, user["id"])
        result = push.verify_push(client, user["id"], factor.get("id") or factor_id, self.clock, self.log)
        return {"factor_status": result}
