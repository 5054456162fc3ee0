"""Get Application User: GET /apps/{appId}/users/{userId} for an app (id or label) and a user.

An app or user that is not found, or a user not assigned to the app, gives found false and a
message. Passwords are never returned.
"""
from komand_okta.okta.apps import app_and_user, app_user_fields, not_assigned_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        app, user, message = app_and_user(client, params["app"], params["user"])
        if message is None:
            response = client.request("GET", client.path("apps", app["id"], "users", user["id"]), allow=(404,))
            if response.status != 404:
                return {"found": True, "app_user": app_user_fields(response.body)}
            message = not_assigned_message(app, user)
        self.log.info("%s", message)
        return {"found": False, "message": message}
