"""List Behavior Detection Rules: every rule, or only the ACTIVE or INACTIVE ones (the status
filter is applied here: Okta's list takes none)."""

from komand_okta.okta import behaviors
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        status = params.get("status")
        rules = [
            rule
            for rule in behaviors.list_behaviors(self.connection.client)
            if not status or rule.get("status") == status
        ]
        return {"behaviors": rules, "count": len(rules)}
