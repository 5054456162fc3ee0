"""Deactivate Group Rule: resolve the rule (ID or exact name) and deactivate it, so it stops adding users to its
groups (the users it already added stay members).

A rule already INACTIVE is left alone (no request) and counts as success; an INVALID rule, which
Okta cannot deactivate, and no rule (or a name several share) are `success: false` and a message.
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
        rule = group_rules.set_status(client, found.item, "INACTIVE", self.log)
        return {"success": True, "rule": group_rules.shown(rule)}
