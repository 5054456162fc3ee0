"""Get Event Hook: by ID (GET) or exact name; found false and a message when none or several match."""
from komand_okta.okta.hooks import hook_fields, locate
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


def require_hook_input(params) -> str:
    text = (params.get("event_hook") or "").strip()
    if not text:
        raise ClientError("Event hook (event_hook) is blank.", "Give the event hook's Okta ID (who…) or exact name.")
    return text


class Action(Base):
    def run(self, params):
        hook, message = locate(self.connection.client, require_hook_input(params), self.log)
        if hook is None:
            return {"found": False, "message": message}
        return {"found": True, "event_hook": hook_fields(hook)}
