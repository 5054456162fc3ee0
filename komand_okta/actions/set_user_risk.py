"""Set User Risk: resolve the user, upsert their Identity Threat Protection risk (HIGH or LOW).

HIGH is the SOC's verdict pushed into Okta: its entity risk policy can then step the user up or
sign them out by itself. The reason is checked here against what Okta accepts (at most 500
letters, digits, spaces, hyphens, commas and periods), so a bad one reaches no endpoint.
Setting the level it already has is a success (Okta answers 200 and logs no change).
"""

import re

from komand_okta import inputs
from komand_okta.okta import risk, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError

REASON_MAX = 500
REASON_CHARACTERS = re.compile(r"^[A-Za-z0-9\s\-,.]*$")


class Action(Base):
    def run(self, params):
        reason = checked_reason(inputs.text(params, "reason"))
        client = self.connection.client
        found = users.resolve(client, params["user"], "no risk level was set")
        if not found:
            return not_found(found, self.log)
        answer = risk.set_risk(client, found.item["id"], params["risk_level"], reason)
        self.log.info("Set the risk level of user %s to %s.", found.item["id"], answer.get("riskLevel"))
        return {
            "success": True,
            "user_id": found.item["id"],
            "risk_level": answer.get("riskLevel"),
            "reason": answer.get("reason"),
        }


def checked_reason(reason):
    if reason is None:
        return None
    if len(reason) > REASON_MAX:
        raise ClientError(
            "Reason (reason) is %d characters long; Okta accepts at most %d." % (len(reason), REASON_MAX),
            "Shorten the reason.",
        )
    if not REASON_CHARACTERS.match(reason):
        raise ClientError(
            "Reason (reason) holds characters Okta does not accept.",
            "Use only letters, digits, spaces, hyphens, commas and periods.",
        )
    return reason
