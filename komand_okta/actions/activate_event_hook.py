"""Activate Event Hook: resolve the hook, activate it, return it.

A hook already ACTIVE is success without a request; no hook (or a name several share) is
`success: false` and a message.
"""

from komand_okta.okta import hooks
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = hooks.resolve(client, params["event_hook"])
        if not found:
            return not_found(found, self.log)
        return {"success": True, "event_hook": hooks.shown(hooks.set_status(client, found.item, "ACTIVE", self.log))}
