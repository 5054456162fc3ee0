"""Start Push: send an Okta Verify push with number matching and return at once with the number
the user must pick, so the analyst can tell the user that number out of band (a call, a chat)
before they answer. Wait for the verdict with Wait for Push.

This proves more than Push MFA Challenge: a user who approves pushes by habit, or an attacker
holding the phone, does not know the number. The factor is checked first (one GET), as in Push
MFA Challenge: only an ACTIVE push factor can take the challenge, and without a factor ID the
user's active push factor is used. `lifetime` (30 s to an hour, default 300, Okta's own) is how
long the challenge can be answered. A user that does not exist gives `success: false` and a
message, and nothing is pushed.
"""

from komand_okta import inputs
from komand_okta.okta import factors, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["user"], then="no push was sent")
        if not found:
            return not_found(found, self.log)
        user_id = found.item["id"]
        factor_id = inputs.text(params, "factor_id")
        if factor_id:
            factor = factors.get_factor(client, user_id, factor_id)
        else:
            factor = factors.find_push_factor(client, user_id)
        factors.check_push_factor(factor, user_id)
        factor_id = factor.get("id") or factor_id
        challenge = factors.challenge_push(client, user_id, factor_id, params["lifetime"], self.log)
        return dict(challenge, success=True, user_id=user_id, factor_id=factor_id)
