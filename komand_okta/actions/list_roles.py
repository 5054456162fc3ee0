"""List Roles: the admin roles a user holds, directly or through a group; `found: false` when no user matches."""
from komand_okta.okta.roles import list_roles, role_fields
from komand_okta.okta.users import find_user
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user = find_user(client, params["user"])
        if user is None:
            message = "No Okta user matches %s." % params["user"].strip()
            self.log.info("%s", message)
            return {"found": False, "message": message}
        roles = [role_fields(assignment) for assignment in list_roles(client, user["id"])]
        self.log.info("User %s holds %d role assignment(s).", user["id"], len(roles))
        return {"found": True, "roles": roles}
