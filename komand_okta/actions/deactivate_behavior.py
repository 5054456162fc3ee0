"""Deactivate Behavior Detection Rule: resolve the rule (ID or exact name) and deactivate it, so
Okta stops detecting that behavior.

A rule already INACTIVE is left alone (no request) and counts as success; no rule (or a name several
share) is `success: false` and a message.
"""

from komand_okta.okta import behaviors
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = behaviors.resolve(client, params["behavior"])
        if not found:
            return not_found(found, self.log)
        rule = behaviors.set_status(client, found.item, "INACTIVE", self.log)
        return {"success": rule.get("status") == "INACTIVE", "behavior": rule}
