"""Get Group Rule: resolve the rule (ID or exact name) and return it with the groups it assigns;
`found: false` and a message when none (or several) match."""

from komand_okta.okta import group_rules
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        found = group_rules.resolve(self.connection.client, params["rule"])
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "rule": group_rules.shown(found.item)}
