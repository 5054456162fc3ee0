"""List Application Users: GET /apps/{id}/users, 500 a page (Okta's maximum), up to the limit.

The app is given by id or exact label; none, or a label several apps share, gives found false
and a message. A limit smaller than a page asks Okta for just that many.
"""
from komand_okta import inputs
from komand_okta.okta.apps import APP_USERS_PAGE, app_or_message, app_user_fields
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = inputs.limit(params, "assignment")
        client = self.connection.client
        app, message = app_or_message(client, params["app"])
        if app is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        query = (params.get("query") or "").strip()
        rows = client.pages(client.path("apps", app["id"], "users"), {"q": query} if query else None,
                            page_size=APP_USERS_PAGE, limit=limit)
        app_users = [app_user_fields(row) for row in rows]
        return {"found": True, "app_users": app_users, "count": len(app_users)}
