"""List Application Users: resolve the app (id or exact label), GET /apps/{id}/users up to the limit.

500 a page (Okta's maximum); a limit smaller than a page asks Okta for just that many. No app,
or a label several apps share, gives found false and a message.
"""
from komand_okta import inputs
from komand_okta.okta import apps
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        client = self.connection.client
        found = apps.resolve(client, params["app"])
        if not found:
            return not_found(found, self.log, "found")
        query = inputs.text(params, "query")
        rows = client.pages(client.path("apps", found.item["id"], "users"), {"q": query} if query else None,
                            page_size=apps.APP_USERS_PAGE, limit=limit)
        app_users = [apps.shown(row) for row in rows]
        return {"found": True, "app_users": app_users, "count": len(app_users)}
