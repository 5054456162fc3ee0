"""A user's admin roles: list, assign (already held is success) and unassign.

Okta calls a held role a *role assignment*: `{id, label, type, status, assignmentType, …}`.
`assignmentType` is USER for a direct assignment and GROUP for one the user gets through a
group; only direct assignments can be assigned or removed on the user. A CUSTOM assignment also
carries the custom role's ID (`role`) and its resource set (`resource-set`, which the plugin's
`role` type calls `resource_set`, since a dash is awkward in playbooks).

Assigning is a POST, which is not idempotent; so for a standard type the user's roles are read
first and an existing direct assignment is returned without a POST. Okta's own "already assigned"
conflicts (409 E0000090, E0000263) are success too: the existing assignment is fetched and
returned. Unassigning is a DELETE of one assignment ID, which is idempotent.
"""
from .http.errors import OktaError

CUSTOM = "CUSTOM"
STANDARD_TYPES = ("SUPER_ADMIN", "ORG_ADMIN", "APP_ADMIN", "USER_ADMIN", "HELP_DESK_ADMIN", "READ_ONLY_ADMIN",
                  "GROUP_MEMBERSHIP_ADMIN", "API_ACCESS_MANAGEMENT_ADMIN", "REPORT_ADMIN", "WORKFLOWS_ADMIN",
                  "ACCESS_CERTIFICATIONS_ADMIN", "ACCESS_REQUESTS_ADMIN")
ALREADY_ASSIGNED = ("E0000090", "E0000263")  # 409: role already assigned / duplicate standard IAM role
DIRECT = "USER"
# The fields the spec's `role` type declares (Okta's `resource-set` renamed to `resource_set`).
ROLE_FIELDS = ("id", "label", "type", "status", "assignmentType", "created", "lastUpdated", "role",
               "resource_set", "_links")


def role_fields(assignment: dict) -> dict:
    """The assignment as the plugin's `role` type declares it: renamed, undeclared keys and nulls left out."""
    renamed = dict(assignment)
    if "resource-set" in renamed:
        renamed["resource_set"] = renamed.pop("resource-set")
    return {key: renamed[key] for key in ROLE_FIELDS if renamed.get(key) is not None}


def list_roles(client, user_id: str) -> list:
    """Every role assignment of the user, direct or through a group (GET /users/{id}/roles; not paged)."""
    return client.get(client.path("users", user_id, "roles")) or []


def is_direct(assignment: dict) -> bool:
    # Okta always sends assignmentType; an assignment without one is taken as the user's own.
    return str(assignment.get("assignmentType") or DIRECT).upper() == DIRECT


def matches(assignment: dict, role_type: str, role_id: str = None, resource_set: str = None) -> bool:
    """Whether the assignment is the role asked for: same type, and for CUSTOM the same role and resource set."""
    if str(assignment.get("type") or "").upper() != role_type:
        return False
    if role_type != CUSTOM:
        return True
    return assignment.get("role") == role_id and assignment.get("resource-set") == resource_set


def assignment_body(role_type: str, role_id: str = None, resource_set: str = None) -> dict:
    if role_type == CUSTOM:
        return {"type": CUSTOM, "role": role_id, "resource-set": resource_set}
    return {"type": role_type}


def assign_role(client, user_id: str, role_type: str, role_id: str = None, resource_set: str = None, log=None):
    """(assignment, newly_assigned). A role the user already holds directly is returned as it is."""
    path = client.path("users", user_id, "roles")
    if role_type != CUSTOM:
        held = _direct_match(list_roles(client, user_id), role_type, role_id, resource_set)
        if held is not None:
            return held, False
    try:
        return client.post(path, json=assignment_body(role_type, role_id, resource_set)) or {}, True
    except OktaError as exc:
        if exc.status != 409 or exc.code not in ALREADY_ASSIGNED:
            raise
        held = _direct_match(list_roles(client, user_id), role_type, role_id, resource_set)
        if held is None:  # Okta says it is held, yet does not list it: report Okta's own answer
            raise
        if log is not None:
            log.info("Okta answered %s: user %s already holds %s.", exc.code, user_id, role_type)
        return held, False


def _direct_match(assignments: list, role_type, role_id, resource_set):
    return next((a for a in assignments if is_direct(a) and matches(a, role_type, role_id, resource_set)), None)


class Resolution:
    """What `role` (an assignment ID or a role type) means for this user's assignments."""

    def __init__(self, targets=(), reason: str = None):
        self.targets, self.reason = list(targets), reason


def resolve(assignments: list, role: str, user_label: str) -> Resolution:
    """The direct assignment(s) to delete for `role`, or the reason there are none.

    An exact assignment ID wins. Otherwise `role` is a role type (any case): a standard type is
    held directly at most once; several direct CUSTOM assignments are ambiguous and refused, so
    a bare "CUSTOM" never removes more than the one custom role the analyst meant.
    """
    role = role.strip()
    by_id = [a for a in assignments if a.get("id") == role]
    if by_id:
        if not is_direct(by_id[0]):
            return Resolution(reason="User %s holds role assignment %s (%s) through a group, not directly; remove "
                                     "the user from that group or the role from the group instead."
                                     % (user_label, role, by_id[0].get("type")))
        return Resolution(by_id[:1])
    role_type = role.upper()
    of_type = [a for a in assignments if str(a.get("type") or "").upper() == role_type]
    direct = [a for a in of_type if is_direct(a)]
    if direct:
        if role_type == CUSTOM and len(direct) > 1:
            raise OktaError("User %s holds %d custom role assignments (%s), so CUSTOM does not say which one to "
                            "unassign." % (user_label, len(direct), ", ".join(str(a.get("id")) for a in direct)),
                            "Give the role assignment ID instead; List Roles shows it.")
        return Resolution(direct)
    if of_type:
        return Resolution(reason="User %s holds %s only through a group, not directly; remove the user from that "
                                 "group or the role from the group instead." % (user_label, role_type))
    return Resolution(reason="User %s does not hold a role assignment or role type %s." % (user_label, role))


def unassign(client, user_id: str, assignment_id: str, log=None) -> None:
    """DELETE one assignment; one already gone (404) is the outcome wanted, so it is not an error."""
    response = client.request("DELETE", client.path("users", user_id, "roles", assignment_id), allow=(404,))
    if response.status == 404 and log is not None:
        log.info("Role assignment %s of user %s was already gone.", assignment_id, user_id)
