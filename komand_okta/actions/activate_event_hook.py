"""Activate Event Hook: one already ACTIVE is success without a request; not found is success false."""
from komand_okta.okta.hooks import hook_fields, lifecycle, locate
from komand_okta.runtime.components import Action as Base

TARGET = "ACTIVE"
ACTION = "activate"


class Action(Base):
    target, action = TARGET, ACTION

    def run(self, params):
        client = self.connection.client
        hook, message = locate(client, params["event_hook"], self.log)
        if hook is None:
            return {"success": False, "message": message}
        if hook.get("status") == self.target:
            self.log.info("Event hook %s is already %s; nothing to change.", hook.get("id"), self.target)
            return {"success": True, "event_hook": hook_fields(hook)}
        updated = lifecycle(client, hook["id"], self.action).body or dict(hook, status=self.target)
        return {"success": True, "event_hook": hook_fields(updated)}
