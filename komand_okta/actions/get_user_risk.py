"""Get User Risk: resolve the user, return their Identity Threat Protection risk level and reason.

A user Okta never rated is `NONE` without a reason. Needs ITP; without it the error says so.
No such user is `found: false` and a message.
"""

from komand_okta.okta import risk, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.read_for(client, params["user"], lambda user_id: (user_id, risk.get_risk(client, user_id)))
        if not found:
            return not_found(found, self.log, "found")
        user_id, answer = found.item
        return {
            "found": True,
            "user_id": user_id,
            "risk_level": answer.get("riskLevel"),
            "reason": answer.get("reason"),
        }
