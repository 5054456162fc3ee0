"""Unassign Role: remove a role the user holds directly, given by assignment ID or role type.

The user's roles are read first to turn the input into assignment IDs: an exact assignment ID
wins, otherwise it is a role type in any case. A role the user does not hold, or holds only
through a group, gives `success: false` and a message, as does an unknown user. Several direct
CUSTOM assignments make "CUSTOM" ambiguous: that is an error listing their IDs.
"""
from komand_okta.okta import roles
from komand_okta.okta.users import user_or_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user, message = user_or_message(client, params["user"], then="no role was unassigned")
        if user is None:
            return self._not_done(message)
        found = roles.resolve(roles.list_roles(client, user["id"]), params["role"], user["id"])
        if not found.targets:
            return self._not_done(found.reason)
        for assignment in found.targets:
            roles.unassign(client, user["id"], assignment["id"], self.log)
            self.log.info("Unassigned %s (assignment %s) from user %s.", assignment.get("type"), assignment["id"],
                          user["id"])
        return {"success": True}

    def _not_done(self, message):
        self.log.info("%s", message)
        return {"success": False, "message": message}
