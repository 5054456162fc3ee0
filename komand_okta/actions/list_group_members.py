"""List Group Members: the users in a group given by id or exact name, every page up to the limit.

Pages are 1000 users (Okta's default for this endpoint, the fewest requests); a limit under 1000
asks for exactly that many. A group that does not exist, or a name several groups share, gives
`found: false` and a message.
"""
from komand_okta import inputs
from komand_okta.okta.groups import group_or_message
from komand_okta.okta.groups_members import MEMBERS_PAGE
from komand_okta.okta.users import user_fields
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = inputs.limit(params, "member")
        client = self.connection.client
        group, message = group_or_message(client, params["group"])
        if group is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        users = [user_fields(user) for user in
                 client.pages(client.path("groups", group["id"], "users"), page_size=MEMBERS_PAGE, limit=limit)]
        return {"found": True, "users": users, "count": len(users)}
