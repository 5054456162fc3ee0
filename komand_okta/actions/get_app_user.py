"""Get Application User: GET /apps/{appId}/users/{userId}.

An app and a user given by Okta ID cost that one request; a label, login or email is resolved
first. An app or user that is not found, or a user not assigned to the app, gives found false
and a message that says which. Passwords are never returned.
"""

from komand_okta.okta import apps
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        app, user = apps.user_assignment_parties(client, params["app"], params["user"])
        if not (app and user):
            return not_found(user if app else app, self.log, "found")
        response = client.request("GET", client.path("apps", app.item["id"], "users", user.item["id"]), allow=(404,))
        if response.status == 404:
            return not_done(apps.why_unassigned(client, app.item, user.item), self.log, "found")
        return {"found": True, "app_user": apps.shown(response.body)}
