"""Delete Group Rule: resolve the rule (ID or exact name), deactivate it if ACTIVE, and delete it;
with `remove_users`, Okta also takes the users the rule added out of its groups.

No rule (or a name several share) is `success: false` and a message.
"""

from komand_okta.okta import group_rules
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = group_rules.resolve(client, params["rule"])
        if not found:
            return not_found(found, self.log)
        group_rules.delete(client, found.item, params.get("remove_users", False), self.log)
        return {"success": True, "rule": group_rules.shown(found.item)}
