"""Activate Group Rule: resolve the rule (ID or exact name) and activate it, so it assigns the users its expression
matches to its groups.

A rule already ACTIVE is left alone (no request) and counts as success; an INVALID rule, which
Okta cannot activate, and no rule (or a name several share) are `success: false` and a message.
"""

from komand_okta.okta import group_rules
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = group_rules.resolve(client, params["rule"])
        if not found:
            return not_found(found, self.log)
        refusal = group_rules.lifecycle_refusal(found.item)
        if refusal:
            return not_done(refusal, self.log)
        rule = group_rules.set_status(client, found.item, "ACTIVE", self.log)
        return {"success": True, "rule": group_rules.shown(rule)}
