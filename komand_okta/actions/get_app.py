"""Get Application: an application by id or exact label; found false and a message for none or several."""
from komand_okta.okta.apps import app_fields, app_or_message
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        text = (params.get("app") or "").strip()
        if not text:
            raise ClientError("Application (app) is blank.", "Give the application's Okta ID (0oa…) or exact label.")
        app, message = app_or_message(self.connection.client, text)
        if app is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        return {"found": True, "app": app_fields(app)}
