"""Get Application: an application by id or exact label; found false and a message for none or several."""
from komand_okta.okta.apps import app_fields, app_or_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        app, message = app_or_message(self.connection.client, params["app"])
        if app is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        return {"found": True, "app": app_fields(app)}
