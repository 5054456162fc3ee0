"""List Application Users: resolve the app (id or exact label), GET /apps/{id}/users up to the limit.

500 a page (Okta's maximum); a limit smaller than a page asks Okta for just that many. An app
ID goes straight to the list (its 404 is the miss); a label is looked up first. No app, or a
label several apps share, gives found false and a message.
"""

from komand_okta import inputs
from komand_okta.okta import apps, direct
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        client = self.connection.client
        query = inputs.text(params, "query")

        def app_users(app_id):
            return [
                apps.shown(row)
                for row in client.pages(
                    client.path("apps", app_id, "users"),
                    {"q": query} if query else None,
                    page_size=apps.APP_USERS_PAGE,
                    limit=limit,
                )
            ]

        found = direct.read_for(
            client, params["app"], apps.APP_ID, apps.resolve, app_users, "No Okta application has the ID or label %s."
        )
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "app_users": found.item, "count": len(found.item)}
