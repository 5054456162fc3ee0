"""Add User to Group: resolve the user, make it a member of the group; already a member is success too.

The user is named by email, login or id; no such user gives `success: false`. Okta's PUT is
idempotent, so running this twice is harmless. An unknown group ID is an explained error.
"""

from komand_okta.okta import groups, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["email"], then="no group membership changed")
        if not found:
            return not_found(found, self.log, with_message=False)
        user = found.item
        groups.add_member(client, params["group_id"], user["id"])
        self.log.info("User %s added to group %s.", user["id"], params["group_id"])
        return {"user_id": user["id"], "success": True}
