"""Get Event Hook: resolve the hook (ID or exact name) and return it; found false and a message when none or several match."""

from komand_okta.okta import hooks
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        found = hooks.resolve(self.connection.client, params["event_hook"])
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "event_hook": hooks.shown(found.item)}
