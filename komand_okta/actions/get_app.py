"""Get Application: resolve the application (id or exact label) and return it; found false and a message for none or several."""

from komand_okta.okta import apps
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        found = apps.resolve(self.connection.client, params["app"])
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "app": apps.shown(found.item)}
