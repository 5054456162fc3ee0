"""List Application Users: GET /apps/{id}/users, 500 a page (Okta's maximum), up to the limit.

The app is given by id or exact label; none, or a label several apps share, gives found false
and a message. A limit smaller than a page asks Okta for just that many.
"""
from komand_okta.okta.apps import APP_USERS_PAGE, app_or_message, app_user_fields
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        if limit is not None and limit < 1:
            raise ClientError("Limit (limit) must be 1 or more; got %d." % limit,
                              "Leave the limit empty to list every assignment.")
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
