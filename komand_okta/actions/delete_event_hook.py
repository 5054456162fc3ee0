"""Delete Event Hook: resolve the hook, delete it (deactivated first when ACTIVE: Okta deletes only INACTIVE hooks).

Not found (or gone between our lookup and the DELETE) is success false with a message.
"""

from komand_okta.okta import hooks
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = hooks.resolve(client, params["event_hook"])
        if not found:
            return not_found(found, self.log)
        hook = found.item
        if hooks.delete(client, hook) is None:
            return not_done(
                "Event hook %s was deleted by someone else while this action ran." % hook.get("id"), self.log
            )
        self.log.info("Deleted event hook %s (%s).", hook.get("id"), hook.get("name"))
        return {"success": True}
