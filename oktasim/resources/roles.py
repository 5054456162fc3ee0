"""Admin role assignments for users (and groups): list, assign, get, unassign.

Why: "revoke admin roles from a compromised admin" and privileged-group
detection.  Standard role assignment ids look like Okta's (SUPER_ADMIN gets a
``ra1`` id, other standard roles a base32 of the type, as recorded).
"""

import base64

from ..errors import OktaError, not_found, validation
from ..events import target
from ..web import no_content, ok
from . import users as users_mod

LABELS = {
    "SUPER_ADMIN": "Super Administrator",
    "ORG_ADMIN": "Organizational Administrator",
    "APP_ADMIN": "Application Administrator",
    "USER_ADMIN": "Group Administrator",
    "HELP_DESK_ADMIN": "Help Desk Administrator",
    "READ_ONLY_ADMIN": "Read Only Administrator",
    "GROUP_MEMBERSHIP_ADMIN": "Group Membership Administrator",
    "API_ACCESS_MANAGEMENT_ADMIN": "API Access Management Administrator",
    "REPORT_ADMIN": "Report Administrator",
    "MOBILE_ADMIN": "Mobile Administrator",
    "WORKFLOWS_ADMIN": "Workflows Administrator",
    "ACCESS_CERTIFICATIONS_ADMIN": "Access Certifications Administrator",
    "ACCESS_REQUESTS_ADMIN": "Access Requests Administrator",
}


def new_role(store, rtype: str, assignment_type: str = "USER", created=None, custom=None) -> dict:
    now = created or store.now()
    if rtype == "CUSTOM":
        rid = store.ids.new("custom_role")
        label = (custom or {}).get("label") or "Custom Role"
    elif rtype == "SUPER_ADMIN":
        rid = store.ids.new("role")
        label = LABELS[rtype]
    else:
        rid = base64.b32encode(rtype.encode()).decode().rstrip("=")
        label = LABELS[rtype]
    r = {
        "id": rid,
        "label": label,
        "type": rtype,
        "status": "ACTIVE",
        "created": now,
        "lastUpdated": now,
        "assignmentType": assignment_type,
    }
    if custom:
        r["role"] = custom.get("role")
        r["resource-set"] = custom.get("resource-set")
    return r


def render(r: dict, base: str, principal_path: str) -> dict:
    d = dict(r)
    d["_links"] = {"assignee": {"href": f"{base}/api/v1/{principal_path}"}}
    return d


def _principal(store, kind, pid):
    if kind == "users":
        u = users_mod.get_user(store, pid)
        return u.id, f"users/{u.id}", store.user_target(u)
    g = store.groups.get(pid)
    if g is None:
        raise not_found(pid, "UserGroup")
    return g["id"], f"groups/{g['id']}", store.group_target(g)


def _kind(req):
    return "users" if "userId" in req.params else "groups"


def list_roles(req, store):
    pid, path, _ = _principal(store, _kind(req), req.params.get("userId") or req.params.get("groupId"))
    return ok([render(r, req.base, path) for r in store.roles.get(pid, {}).values()])


def assign_role(req, store):
    kind = _kind(req)
    pid, path, tgt = _principal(store, kind, req.params.get("userId") or req.params.get("groupId"))
    body = req.json(required=True)
    rtype = body.get("type")
    if rtype != "CUSTOM" and rtype not in LABELS:
        raise validation("type", "type: Invalid role type")
    if rtype == "CUSTOM" and (not body.get("role") or not body.get("resource-set")):
        raise validation("role", "role: A custom role assignment needs role and resource-set")
    existing = store.roles.setdefault(pid, {})
    for r in existing.values():
        if r["type"] == rtype and (rtype != "CUSTOM" or r.get("role") == body.get("role")):
            raise OktaError("E0000090")
    r = new_role(store, rtype, "USER" if kind == "users" else "GROUP", custom=body if rtype == "CUSTOM" else None)
    existing[r["id"]] = r
    store.emit("user.account.privilege.grant", [tgt, target(r["id"], "ROLE", rtype, r["label"])], req)
    return ok(render(r, req.base, path), status=201)


def get_role(req, store):
    pid, path, _ = _principal(store, _kind(req), req.params.get("userId") or req.params.get("groupId"))
    r = store.roles.get(pid, {}).get(req.params["roleId"])
    if r is None:
        raise not_found(req.params["roleId"], "RoleAssignment")
    return ok(render(r, req.base, path))


def unassign_role(req, store):
    pid, _, tgt = _principal(store, _kind(req), req.params.get("userId") or req.params.get("groupId"))
    r = store.roles.get(pid, {}).pop(req.params["roleId"], None)
    if r is None:
        raise not_found(req.params["roleId"], "RoleAssignment")
    if not store.roles.get(pid):
        store.roles.pop(pid, None)
    store.emit("user.account.privilege.revoke", [tgt, target(r["id"], "ROLE", r["type"], r["label"])], req)
    return no_content()


def register(r) -> None:
    for base in ("/api/v1/users/{userId}/roles", "/api/v1/groups/{groupId}/roles"):
        r.add("GET", base, list_roles)
        r.add("POST", base, assign_role)
        r.add("GET", base + "/{roleId}", get_role)
        r.add("DELETE", base + "/{roleId}", unassign_role)
