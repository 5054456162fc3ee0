"""Delete Event Hook: deactivate first when ACTIVE (Okta deletes only INACTIVE hooks), then DELETE.

Not found (or gone between our lookup and the DELETE) is success false with a message.
"""
from komand_okta.okta import hooks
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        hook, message = hooks.locate(client, params["event_hook"], self.log)
        if hook is None:
            return {"success": False, "message": message}
        if hooks.delete(client, hook) is None:
            message = "Event hook %s was deleted by someone else while this action ran." % hook.get("id")
            self.log.info("%s", message)
            return {"success": False, "message": message}
        self.log.info("Deleted event hook %s (%s).", hook.get("id"), hook.get("name"))
        return {"success": True}
