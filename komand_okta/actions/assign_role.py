"""Assign Role: give a user a standard admin role, or a custom role on a resource set.

A role the user already holds directly is success, and its assignment is returned: for a
standard type the user's roles are read first, so no POST is sent; Okta's "already assigned"
409 (E0000090, E0000263) is answered the same way. CUSTOM needs both a role ID and a resource
set, checked before any request. For a standard type the spec says role ID and resource set are
ignored, so they are, with a log line saying so. No such user gives `success: false`.
"""

from komand_okta import inputs
from komand_okta.okta import roles, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        role_type = params["role_type"].strip().upper()
        role_id, resource_set = inputs.text(params, "role_id"), inputs.text(params, "resource_set")
        if role_type == roles.CUSTOM:
            missing = [name for name, value in (("role_id", role_id), ("resource_set", resource_set)) if not value]
            if missing:
                raise ClientError(
                    "Role type CUSTOM needs %s." % " and ".join(missing),
                    "Give the custom role's ID (cr0…) as role_id and its resource set's ID (iam…) as resource_set.",
                )
        elif role_id or resource_set:
            self.log.info(
                "Role type %s is a standard role; role_id and resource_set apply only to CUSTOM and are ignored.",
                role_type,
            )
            role_id = resource_set = None

        client = self.connection.client
        found = users.resolve(client, params["user"], then="no role was assigned")
        if not found:
            return not_found(found, self.log)
        user = found.item
        assignment, new = roles.assign_role(client, user["id"], role_type, role_id, resource_set, self.log)
        self.log.info(
            "User %s %s %s (assignment %s).",
            user["id"],
            "was assigned" if new else "already holds",
            role_type,
            assignment.get("id"),
        )
        return {"success": True, "role": roles.shown(assignment)}
