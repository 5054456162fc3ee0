"""Add User to Group: make the user a member of the group; already a member is success too.

The user is named by email, login or id; no such user gives `success: false`. Okta's PUT is
idempotent, so running this twice is harmless. An unknown group ID is an explained error.
"""
from komand_okta.okta.groups import change_membership
from komand_okta.okta.users import find_user
from komand_okta.runtime.components import Action as Base


class Action(Base):
    method = "PUT"
    done = "added to"

    def run(self, params):
        client = self.connection.client
        user = find_user(client, params["email"])
        if user is None:
            self.log.info("No Okta user matches %s; no group membership changed.", params["email"])
            return {"success": False}
        change_membership(client, self.method, params["group_id"], user["id"])
        self.log.info("User %s %s group %s.", user["id"], self.done, params["group_id"])
        return {"user_id": user["id"], "success": True}
