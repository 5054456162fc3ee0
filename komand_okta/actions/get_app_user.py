"""Get Application User: resolve the app (id or label) and the user, GET /apps/{appId}/users/{userId}.

An app or user that is not found, or a user not assigned to the app, gives found false and a
message. Passwords are never returned.
"""

from komand_okta.okta import apps, users
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        app = apps.resolve(client, params["app"])
        if not app:
            return not_found(app, self.log, "found")
        user = users.resolve(client, params["user"])
        if not user:
            return not_found(user, self.log, "found")
        response = client.request("GET", client.path("apps", app.item["id"], "users", user.item["id"]), allow=(404,))
        if response.status == 404:
            return not_done(apps.not_assigned_message(app.item, user.item), self.log, "found")
        return {"found": True, "app_user": apps.shown(response.body)}
