"""Unassign Role: resolve the user and the role it holds directly (assignment ID or role type), remove it.

The user's roles are read first to turn the input into assignment IDs: an exact assignment ID
wins, otherwise it is a role type in any case. A role the user does not hold, or holds only
through a group, gives `success: false` and a message, as does an unknown user. Several direct
CUSTOM assignments make "CUSTOM" ambiguous: that is an error listing their IDs.
"""

from komand_okta.okta import roles, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user = users.resolve(client, params["user"], then="no role was unassigned")
        if not user:
            return not_found(user, self.log)
        user_id = user.item["id"]
        held = roles.resolve(client, user.item, params["role"])
        if not held:
            return not_found(held, self.log)
        for assignment in held.item:
            roles.unassign(client, user_id, assignment["id"], self.log)
            self.log.info(
                "Unassigned %s (assignment %s) from user %s.", assignment.get("type"), assignment["id"], user_id
            )
        return {"success": True}
