"""List User Types: GET /meta/types/user (not paged: one request answers all); the limit is applied here."""

from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        client = self.connection.client
        types = client.get(client.path("meta", "types", "user")) or []
        types = types[:limit]
        return {"user_types": types, "count": len(types)}
