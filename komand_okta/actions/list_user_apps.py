"""List User Applications: GET /users/{id}/appLinks (not paged); the limit is applied here.

App links cover apps assigned directly and through groups, as on the user's dashboard. A user
that does not exist gives found false and a message.
"""
from komand_okta import inputs
from komand_okta.okta.apps import app_link_fields
from komand_okta.okta.users import user_or_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = inputs.limit(params, "application")
        client = self.connection.client
        user, message = user_or_message(client, params["user"])
        if user is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        links = client.get(client.path("users", user["id"], "appLinks")) or []
        apps = [app_link_fields(link) for link in links][:limit]
        return {"found": True, "apps": apps, "count": len(apps)}
