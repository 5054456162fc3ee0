"""A user's admin roles: list, assign (already held is success) and unassign.

Okta calls a held role a *role assignment*: `{id, label, type, status, assignmentType, …}`.
`assignmentType` is USER for a direct assignment and GROUP for one the user gets through a
group; only direct assignments can be assigned or removed on the user. A CUSTOM assignment also
carries the custom role's ID (`role`) and its resource set (`resource-set`, which the plugin's
`role` type calls `resource_set`, since a dash is awkward in playbooks: `shown`).

Assigning is a POST, which is not idempotent; so for a standard type the user's roles are read
first and an existing direct assignment is returned without a POST. Okta's own "already assigned"
conflicts (409 E0000090, E0000263) are success too: the existing assignment is fetched and
returned. Unassigning is a DELETE of one assignment ID, which is idempotent.
"""

from .found import Found
from .http.errors import ClientError, OktaError

CUSTOM = "CUSTOM"
ALREADY_ASSIGNED = ("E0000090", "E0000263")  # 409: role already assigned / duplicate standard IAM role
DIRECT = "USER"


def shown(assignment: dict) -> dict:
    """The assignment as the plugin returns it: Okta's `resource-set` named `resource_set`."""
    renamed = dict(assignment)
    if "resource-set" in renamed:
        renamed["resource_set"] = renamed.pop("resource-set")
    return renamed


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


def resolve(client, user: dict, role: str) -> Found:
    """The user's direct assignment(s) that `role` names (an assignment ID or a role type), or why none.

    An exact assignment ID wins. Otherwise `role` is a role type (any case): a standard type is
    held directly at most once; several direct CUSTOM assignments are ambiguous and refused, so
    a bare "CUSTOM" never removes more than the one custom role the analyst meant.
    """
    user_label = user["id"]
    assignments = list_roles(client, user["id"])
    role = role.strip()
    by_id = [a for a in assignments if a.get("id") == role]
    if by_id:
        if not is_direct(by_id[0]):
            return Found(
                None,
                "User %s holds role assignment %s (%s) through a group, not directly; remove the "
                "user from that group or the role from the group instead." % (user_label, role, by_id[0].get("type")),
            )
        return Found(by_id[:1])
    role_type = role.upper()
    of_type = [a for a in assignments if str(a.get("type") or "").upper() == role_type]
    direct = [a for a in of_type if is_direct(a)]
    if direct:
        if role_type == CUSTOM and len(direct) > 1:
            raise ClientError(
                "User %s holds %d custom role assignments (%s), so CUSTOM does not say which one "
                "to unassign." % (user_label, len(direct), ", ".join(str(a.get("id")) for a in direct)),
                "Give the role assignment ID instead; List Roles shows it.",
            )
        return Found(direct)
    if of_type:
        return Found(
            None,
            "User %s holds %s only through a group, not directly; remove the user from that "
            "group or the role from the group instead." % (user_label, role_type),
        )
    return Found(None, "User %s does not hold a role assignment or role type %s." % (user_label, role))


def unassign(client, user_id: str, assignment_id: str, log=None) -> None:
    """DELETE one assignment; one already gone (404) is the outcome wanted, so it is not an error."""
    response = client.request("DELETE", client.path("users", user_id, "roles", assignment_id), allow=(404,))
    if response.status == 404 and log is not None:
        log.info("Role assignment %s of user %s was already gone.", assignment_id, user_id)
