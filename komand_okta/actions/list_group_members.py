"""List Group Members: resolve the group (id or exact name), return its users, every page up to the limit.

Pages are 1000 users (Okta's default for this endpoint, the fewest requests); a limit under 1000
asks for exactly that many. A group that does not exist, or a name several groups share, gives
`found: false` and a message.
"""
from komand_okta.okta import groups
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        client = self.connection.client
        found = groups.resolve(client, params["group"])
        if not found:
            return not_found(found, self.log, "found")
        users = list(client.pages(client.path("groups", found.item["id"], "users"), page_size=groups.MEMBERS_PAGE,
                                  limit=limit))
        return {"found": True, "users": users, "count": len(users)}
