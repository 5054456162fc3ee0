"""List Group Rules: every group rule, or those whose name holds a keyword, each with the groups it
assigns by ID and name (Okta expands the names in the same request)."""

from komand_okta import inputs
from komand_okta.okta import group_rules
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        name = inputs.text(params, "name")
        rules = [
            group_rules.shown(rule)
            for rule in group_rules.list_rules(self.connection.client, name, params.get("limit"))
        ]
        if not rules:
            self.log.info("No Okta group rules%s.", " match %s" % name if name else " exist")
        return {"rules": rules, "count": len(rules)}
