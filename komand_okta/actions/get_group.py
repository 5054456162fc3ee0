"""Get Group: resolve the group (id or exact name) and return it; `found: false` and a message when none (or several) match."""

from komand_okta.okta import groups
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        found = groups.resolve(self.connection.client, params["group"])
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "group": groups.shown(found.item)}
