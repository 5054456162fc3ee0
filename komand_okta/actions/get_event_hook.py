"""Get Event Hook: by ID (GET) or exact name; found false and a message when none or several match."""
from komand_okta.okta.hooks import hook_fields, locate
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        hook, message = locate(self.connection.client, params["event_hook"], self.log)
        if hook is None:
            return {"found": False, "message": message}
        return {"found": True, "event_hook": hook_fields(hook)}
