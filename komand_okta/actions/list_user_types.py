"""List User Types: GET /meta/types/user (not paged: one request answers all); the limit is applied here."""
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError

USER_TYPE_FIELDS = ("id", "name", "displayName", "description", "default", "created", "createdBy",
                    "lastUpdated", "lastUpdatedBy", "_links")


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        if limit is not None and limit < 1:
            raise ClientError("Limit (limit) must be 1 or more; got %d." % limit,
                              "Leave the limit empty to list every user type.")
        client = self.connection.client
        types = client.get(client.path("meta", "types", "user")) or []
        types = [{key: t[key] for key in USER_TYPE_FIELDS if t.get(key) is not None} for t in types][:limit]
        return {"user_types": types, "count": len(types)}
