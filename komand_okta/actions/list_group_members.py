"""List Group Members: the group's users (by group id or exact name), every page up to the limit.

Pages are 1000 users (Okta's default for this endpoint, the fewest requests); a limit under 1000
asks for exactly that many. A group ID goes straight to the member list (its 404 is the miss); a
name is looked up first. A group that does not exist, or a name several groups share, gives
`found: false` and a message.
"""

from komand_okta.okta import groups
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        client = self.connection.client
        found = groups.read_for(
            client,
            params["group"],
            lambda group_id: list(
                client.pages(client.path("groups", group_id, "users"), page_size=groups.MEMBERS_PAGE, limit=limit)
            ),
        )
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "users": found.item, "count": len(found.item)}
