"""List Group Members: the users in a group given by id or exact name, every page up to the limit.

Pages are 1000 users (Okta's default for this endpoint, the fewest requests); a limit under 1000
asks for exactly that many. A group that does not exist, or a name several groups share, gives
`found: false` and a message.
"""
from komand_okta.okta.groups import AmbiguousGroup, find_group
from komand_okta.okta.groups_members import MEMBERS_PAGE
from komand_okta.okta.users import user_fields
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        if limit is not None and limit < 1:
            raise ClientError("Limit (limit) must be 1 or more; got %d." % limit,
                              "Leave the limit empty to list every member.")
        client = self.connection.client
        try:
            group = find_group(client, params["group"])
        except AmbiguousGroup as exc:
            self.log.info("%s", exc.cause)
            return {"found": False, "message": "%s %s" % (exc.cause, exc.assistance)}
        if group is None:
            message = "No Okta group has the ID or name %s." % params["group"].strip()
            self.log.info("%s", message)
            return {"found": False, "message": message}
        users = [user_fields(user) for user in
                 client.pages(client.path("groups", group["id"], "users"), page_size=MEMBERS_PAGE, limit=limit)]
        return {"found": True, "users": users, "count": len(users)}
