"""List User Applications: resolve the user, GET /users/{id}/appLinks (not paged); the limit is applied here.

App links cover apps assigned directly and through groups, as on the user's dashboard. A user
that does not exist gives found false and a message.
"""

from komand_okta.okta import apps, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        client = self.connection.client
        found = users.read_for(
            client, params["user"], lambda user_id: client.get(client.path("users", user_id, "appLinks")) or []
        )
        if not found:
            return not_found(found, self.log, "found")
        shown = [apps.shown(link) for link in found.item][:limit]
        return {"found": True, "apps": shown, "count": len(shown)}
