"""Remove Application User: resolve the app and the user, DELETE /apps/{appId}/users/{userId}?sendEmail=true|false.

The assignment is read first (GET): a user assigned only through a group (scope GROUP) cannot be
removed this way, which is said plainly instead of sending a destructive call Okta refuses.
As the spec says, an app or user that is not found, or a user who is not assigned (including
one already removed), gives success false and a message: the message says there is nothing to
remove, so a playbook can treat it as done. DELETE is idempotent and retried safely.
"""

from komand_okta.okta import apps
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        app, user = apps.user_assignment_parties(client, params["app"], params["user"])
        if not (app and user):
            return not_found(user if app else app, self.log)
        refusal = self._remove(client, app.item, user.item, bool(params.get("send_email")))
        if refusal:
            return not_done(refusal, self.log)
        self.log.info("Removed user %s from application %s.", user.item["id"], apps.label(app.item))
        return {"success": True}

    @staticmethod
    def _remove(client, app, user, send_email):
        """None when removed; otherwise why not."""
        path = client.path("apps", app["id"], "users", user["id"])
        current = client.request("GET", path, allow=(404,))
        if current.status == 404:
            return apps.why_unassigned(client, app, user) + " There is nothing to remove."
        if isinstance(current.body, dict) and current.body.get("scope") == "GROUP":
            return (
                "User %s is assigned to application %s only through a group; remove the user from that group "
                "(or the group from the application) instead." % (user["id"], apps.label(app))
            )
        response = client.request("DELETE", path, params={"sendEmail": bool(send_email)}, allow=(404,))
        if response.status == 404:
            return apps.why_unassigned(client, app, user) + " There is nothing to remove."
        return None
