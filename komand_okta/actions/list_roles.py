"""List Roles: resolve the user, return the admin roles it holds, directly or through a group; `found: false` when no user matches."""

from komand_okta.okta import roles, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.read_for(client, params["user"], lambda user_id: (user_id, roles.list_roles(client, user_id)))
        if not found:
            return not_found(found, self.log, "found")
        user_id, assignments = found.item
        held = [roles.shown(assignment) for assignment in assignments]
        self.log.info("User %s holds %d role assignment(s).", user_id, len(held))
        return {"found": True, "roles": held}
