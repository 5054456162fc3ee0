"""List Roles: resolve the user, return the admin roles it holds, directly or through a group; `found: false` when no user matches."""
from komand_okta.okta import roles, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log, "found")
        held = [roles.shown(assignment) for assignment in roles.list_roles(client, found.item["id"])]
        self.log.info("User %s holds %d role assignment(s).", found.item["id"], len(held))
        return {"found": True, "roles": held}
