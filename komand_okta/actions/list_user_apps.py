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
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log, "found")
        links = client.get(client.path("users", found.item["id"], "appLinks")) or []
        shown = [apps.shown(link) for link in links][:limit]
        return {"found": True, "apps": shown, "count": len(shown)}
