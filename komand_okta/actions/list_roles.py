"""List Roles: the admin roles a user holds, directly or through a group; `found: false` when no user matches."""
from komand_okta.okta.roles import list_roles, role_fields
from komand_okta.okta.users import user_or_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user, message = user_or_message(client, params["user"])
        if user is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        roles = [role_fields(assignment) for assignment in list_roles(client, user["id"])]
        self.log.info("User %s holds %d role assignment(s).", user["id"], len(roles))
        return {"found": True, "roles": roles}
