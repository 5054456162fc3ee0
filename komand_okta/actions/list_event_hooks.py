"""List Event Hooks: every event hook (Okta does not page this list), cut to `limit` here."""

from komand_okta.okta.hooks import list_hooks, shown
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        hooks = [shown(hook) for hook in list_hooks(self.connection.client)]
        if limit is not None:
            hooks = hooks[:limit]
        return {"event_hooks": hooks, "count": len(hooks)}
