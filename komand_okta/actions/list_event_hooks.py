"""List Event Hooks: every event hook (Okta does not page this list), cut to `limit` here."""
from komand_okta.okta.hooks import hook_fields, list_hooks
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        if limit is not None and limit < 1:
            raise ClientError("limit must be at least 1 (it was %d)." % limit,
                              "Leave limit out to list every event hook, or give a positive number.")
        hooks = [hook_fields(hook) for hook in list_hooks(self.connection.client)]
        if limit is not None:
            hooks = hooks[:limit]
        return {"event_hooks": hooks, "count": len(hooks)}
