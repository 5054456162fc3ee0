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
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log, "found")
        answer = risk.get_risk(client, found.item["id"])
        return {"found": True, "user_id": found.item["id"], "risk_level": answer.get("riskLevel"),
                "reason": answer.get("reason")}
