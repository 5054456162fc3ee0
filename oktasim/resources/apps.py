"""Applications and assignments: list/get/delete, lifecycle, app users CRUD, group assignments,
a user's apps.

Why: "which apps does this user have / remove the assignment" is part of
containment, and taking a rogue app out of service (deactivate, then delete: an ACTIVE app is
403 E0000056) or seeing which groups reach it is part of the hunt.  Assignment rules (409
E0000062 duplicate, 403 E0000117 inactive user) follow api_facts §1.4; shapes follow the
recorded app, app-user and app-group objects.  A group assignment gives each member the app
with scope GROUP (``effective_app_users``); an inactive app is left off its users' app links.
"""

import functools

from .. import search
from ..errors import OktaError, not_found
from ..paging import link_headers, page_list, parse_limit
from ..web import no_content, ok
from . import groups as groups_mod
from . import users as users_mod
from .lifecycle import set_active
from .listing import limit_arg, links

MESSAGES = {
    "delete": "Delete application",
    "group.application_assignment.add": "Add assigned application to group",
    "group.application_assignment.update": "Update assigned application in group",
    "group.application_assignment.remove": "Remove assigned application from group",
}


def new_app(
    store,
    name: str,
    label: str,
    sign_on_mode: str = "SAML_2_0",
    status: str = "ACTIVE",
    aid=None,
    created=None,
    settings_app=None,
) -> dict:
    now = created or store.now()
    aid = aid or store.ids.new("app")
    creds = {"userNameTemplate": {"template": "${source.login}", "type": "BUILT_IN"}, "signing": {}}
    if sign_on_mode in ("SAML_2_0", "SAML_1_1", "OPENID_CONNECT"):
        creds["signing"] = {"kid": f"sim-{aid[-8:]}"}
    if sign_on_mode in ("BROWSER_PLUGIN", "AUTO_LOGIN", "BASIC_AUTH", "SECURE_PASSWORD_STORE"):
        creds["scheme"] = "EDIT_USERNAME_AND_PASSWORD"
        creds["revealPassword"] = False
    return {
        "id": aid,
        "orn": f"orn:okta:idp:{store.org['id']}:apps:{name}:{aid}",
        "name": name,
        "label": label,
        "status": status,
        "lastUpdated": now,
        "created": now,
        "accessibility": {"selfService": False, "errorRedirectUrl": None, "loginRedirectUrl": None},
        "visibility": {
            "autoLaunch": False,
            "autoSubmitToolbar": False,
            "hide": {"iOS": False, "web": False},
            "appLinks": {f"{name}_link": True},
        },
        "features": [],
        "signOnMode": sign_on_mode,
        "credentials": creds,
        "universalLogout": None,
        "settings": {
            "app": dict(settings_app or {}),
            "notifications": {"vpn": {"network": {"connection": "DISABLED"}, "message": None, "helpUrl": None}},
            "manualProvisioning": False,
            "implicitAssignment": False,
            "emOptInStatus": "NONE",
            "notes": {"admin": None, "enduser": None},
        },
    }


def render(store, a: dict, base: str) -> dict:
    d = dict(a)
    aid = a["id"]
    href = f"{base}/api/v1/apps/{aid}"
    link_name = next(iter(a["visibility"]["appLinks"]), "login")
    links = {
        "uploadLogo": {"href": f"{href}/logo", "hints": {"allow": ["POST"]}},
        "appLinks": [{"name": link_name, "href": f"{base}/home/{a['name']}/{aid}/aln{aid[3:]}", "type": "text/html"}],
        "groups": {"href": f"{href}/groups"},
        "logo": [
            {
                "name": "medium",
                "href": "https://op3static.oktacdn.com/assets/img/logos/default.png",
                "type": "image/png",
            }
        ],
        "users": {"href": f"{href}/users"},
    }
    if a["status"] == "ACTIVE":
        links["deactivate"] = {"href": f"{href}/lifecycle/deactivate"}
    else:
        links["activate"] = {"href": f"{href}/lifecycle/activate"}
    d["_links"] = links
    return d


def new_app_user(store, app: dict, user, scope: str = "USER", created=None, profile=None, user_name=None) -> dict:
    now = created or store.now()
    p = user.profile
    prof = {
        "email": p.get("email"),
        "given_name": p.get("firstName"),
        "family_name": p.get("lastName"),
        "name": f"{p.get('firstName') or ''} {p.get('lastName') or ''}".strip(),
        "locale": "en_US",
        "zoneinfo": "America/Los_Angeles",
    }
    prof.update(profile or {})
    return {
        "id": user.id,
        "externalId": None,
        "created": now,
        "lastUpdated": now,
        "scope": scope,
        "status": "ACTIVE" if app["status"] == "ACTIVE" else "INACTIVE",
        "statusChanged": now,
        "passwordChanged": None,
        "syncState": "DISABLED",
        "credentials": {"userName": user_name or user.login},
        "profile": prof,
    }


def render_app_user(store, au: dict, app_id: str, base: str, expand_user: bool = False) -> dict:
    d = dict(au)
    d["_links"] = {"app": {"href": f"{base}/api/v1/apps/{app_id}"}, "user": {"href": f"{base}/api/v1/users/{au['id']}"}}
    if expand_user and au["id"] in store.users:
        d["_embedded"] = {"user": users_mod.render(store, store.users[au["id"]], base)}
    return d


def get_app(store, aid) -> dict:
    a = store.apps.get(aid)
    if a is None:
        raise not_found(aid, "AppInstance")
    return a


def _app_getter(store):
    def get(a, attr):
        if attr == "user.id":
            return list(effective_app_users(store, a))
        if attr == "group.id":
            return list(store.app_groups.get(a["id"], {}))
        if attr == "credentials.signing.kid":
            return (a["credentials"].get("signing") or {}).get("kid")
        if attr == "settings.slo.enabled":
            return False
        return a.get(attr)

    return get


def list_apps(req, store):
    apps = list(store.apps.values())
    q = req.arg("q")
    if q:
        ql = q.lower()
        apps = [a for a in apps if a["name"].lower().startswith(ql) or a["label"].lower().startswith(ql)]
    flt = req.arg("filter")
    if flt:
        try:
            pred = search.build(flt, search.APP_FILTER, _app_getter(store))
        except search.SearchError as exc:
            raise OktaError("E0000031", causes=[str(exc)]) from None
        apps = [a for a in apps if pred(a)]
    if not req.bool_arg("includeNonDeleted", False):
        apps = [a for a in apps if a["status"] != "DELETED"]
    limit = parse_limit(req, 20, 200, negative_means_all=True)
    items, nxt = page_list(apps, req.arg("after"), limit)
    expand = req.arg("expand") or ""
    out = []
    for a in items:
        d = render(store, a, req.base)
        if expand.startswith("user/"):
            au = store.app_users.get(a["id"], {}).get(expand[5:])
            if au is not None:
                d["_embedded"] = {"user": render_app_user(store, au, a["id"], req.base)}
        out.append(d)
    return ok(out, headers=link_headers(req, nxt))


def get_app_h(req, store):
    return ok(render(store, get_app(store, req.params["appId"]), req.base))


def app_lifecycle(req, store, action):
    a = get_app(store, req.params["appId"])
    set_active(store, a, action)
    store.emit(f"application.lifecycle.{action}", [store.app_target(a)], req)
    return ok({})


def effective_app_users(store, a: dict) -> dict:
    """Every user who has the app: directly (scope USER) or through an assigned group (scope GROUP),
    as Okta lists them. A group-derived entry is made on the fly from the group assignment."""
    users = dict(store.app_users.get(a["id"], {}))
    for gid, assignment in store.app_groups.get(a["id"], {}).items():
        for uid in store.members.get(gid, {}):
            user = store.users.get(uid)
            if uid not in users and user is not None and user.status != "DEPROVISIONED":
                users[uid] = new_app_user(
                    store, a, user, scope="GROUP", created=assignment["lastUpdated"], profile=assignment.get("profile")
                )
    return users


def list_app_users(req, store):
    a = get_app(store, req.params["appId"])
    assigned = effective_app_users(store, a)
    rows = [assigned[k] for k in sorted(assigned)]
    q = req.arg("q")
    if q:
        ql = q.lower()

        def match(au):
            p = au.get("profile") or {}
            vals = [au["credentials"].get("userName"), p.get("given_name"), p.get("family_name"), p.get("email")]
            return any(str(v or "").lower().startswith(ql) for v in vals)

        rows = [r for r in rows if match(r)]
    limit = parse_limit(req, 50, 500)
    items, nxt = page_list(rows, req.arg("after"), limit)
    expand = req.arg("expand") == "user"
    return ok([render_app_user(store, au, a["id"], req.base, expand) for au in items], headers=link_headers(req, nxt))


def assign_user(req, store):
    a = get_app(store, req.params["appId"])
    body = req.json(required=True)
    uid = body.get("id")
    if not uid:
        raise OktaError("E0000001", "id", causes=["id: The field cannot be left blank"])
    u = users_mod.user_by_id(store, uid)
    if u.status in ("DEPROVISIONED", "SUSPENDED", "STAGED"):
        raise OktaError("E0000117")
    assigned = store.app_users.setdefault(a["id"], {})
    if uid in assigned:
        raise OktaError("E0000062")
    creds = body.get("credentials") or {}
    au = new_app_user(
        store, a, u, scope=body.get("scope") or "USER", profile=body.get("profile"), user_name=creds.get("userName")
    )
    assigned[uid] = au
    store.emit("application.user_membership.add", [store.user_target(u), store.app_target(a)], req)
    return ok(render_app_user(store, au, a["id"], req.base))


def _get_app_user(store, a, uid):
    au = effective_app_users(store, a).get(uid)
    if au is None:
        raise not_found(uid, "User")
    return au


def get_app_user(req, store):
    a = get_app(store, req.params["appId"])
    au = _get_app_user(store, a, req.params["userId"])
    return ok(render_app_user(store, au, a["id"], req.base, req.arg("expand") == "user"))


def update_app_user(req, store):
    a = get_app(store, req.params["appId"])
    au = _get_app_user(store, a, req.params["userId"])
    u = store.users.get(au["id"])
    if u is not None and u.status in ("DEPROVISIONED", "SUSPENDED"):
        raise OktaError("E0000117")
    body = req.json(required=True)
    store.app_users.setdefault(a["id"], {})[au["id"]] = au  # a group-derived entry keeps its own profile now
    creds = body.get("credentials")
    if isinstance(creds, dict) and creds.get("userName"):
        au["credentials"] = {"userName": creds["userName"]}
        store.emit(
            "application.user_membership.change_username",
            [store.user_target(u), store.app_target(a)] if u else [store.app_target(a)],
            req,
        )
    if isinstance(body.get("profile"), dict):
        au["profile"] = {**au["profile"], **body["profile"]}
    au["lastUpdated"] = store.now()
    return ok(render_app_user(store, au, a["id"], req.base))


def remove_app_user(req, store):
    a = get_app(store, req.params["appId"])
    au = _get_app_user(store, a, req.params["userId"])
    req.bool_arg("sendEmail", False)
    if au["scope"] == "GROUP":  # [infer] Okta refuses; the assignment belongs to the group
        raise OktaError(
            "E0000001",
            "scope",
            causes=[
                "The user is assigned to this application through a group; remove the group "
                "assignment or the group membership instead."
            ],
        )
    del store.app_users[a["id"]][au["id"]]
    u = store.users.get(au["id"])
    targets = ([store.user_target(u)] if u else []) + [store.app_target(a)]
    store.emit("application.user_membership.remove", targets, req)
    return no_content()


def delete_app(req, store):
    a = get_app(store, req.params["appId"])
    if a["status"] == "ACTIVE":
        raise OktaError("E0000056", causes=["The application must be deactivated before deletion."])
    del store.apps[a["id"]]
    store.app_users.pop(a["id"], None)
    store.app_groups.pop(a["id"], None)
    store.emit("application.lifecycle.delete", [store.app_target(a)], req, message=MESSAGES["delete"])
    return no_content()


def list_app_groups(req, store):
    a = get_app(store, req.params["appId"])
    assigned = store.app_groups.get(a["id"], {})
    rows = sorted(assigned.values(), key=lambda g: (g["priority"], g["id"]))
    q = (req.arg("q") or "").lower()
    if q:
        rows = [
            g
            for g in rows
            if str(store.groups.get(g["id"], {}).get("profile", {}).get("name") or "").lower().startswith(q)
        ]
    limit = limit_arg(req, 20, 1, 200)
    items, nxt = page_list(rows, req.arg("after"), limit)
    expand = req.arg("expand")
    return ok([_render_app_group(store, g, a["id"], req.base, expand) for g in items], headers=links(req, nxt, limit))


def _render_app_group(store, assignment, app_id, base, expand=None):
    d = dict(assignment)
    d["_links"] = {
        "app": {"href": f"{base}/api/v1/apps/{app_id}"},
        "self": {"href": f"{base}/api/v1/apps/{app_id}/groups/{assignment['id']}"},
        "group": {"href": f"{base}/api/v1/groups/{assignment['id']}"},
    }
    if expand == "group" and assignment["id"] in store.groups:
        d["_embedded"] = {"group": groups_mod.render(store, store.groups[assignment["id"]], base)}
    return d


def _priority(body, assigned: dict, gid: str) -> int:
    """The body's priority; else the assignment keeps its own, and a new one comes after the others."""
    value = body.get("priority")
    if value is None:
        if gid in assigned:
            return assigned[gid]["priority"]
        return max((g["priority"] for g in assigned.values()), default=-1) + 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise OktaError("E0000001", "priority", causes=["priority: The value must be a non-negative integer"])
    return value


def assign_group(req, store):
    a = get_app(store, req.params["appId"])
    g = groups_mod.get_group(store, req.params["groupId"])
    body = req.json() or {}
    if not isinstance(body, dict):
        raise OktaError("E0000003")
    assigned = store.app_groups.setdefault(a["id"], {})
    profile = body.get("profile") or {}
    if not isinstance(profile, dict):
        raise OktaError("E0000001", "profile", causes=["profile: The value must be an object"])
    event = "group.application_assignment.update" if g["id"] in assigned else "group.application_assignment.add"
    assignment = {
        "id": g["id"],
        "lastUpdated": store.now(),
        "priority": _priority(body, assigned, g["id"]),
        "profile": profile,
    }
    assigned[g["id"]] = assignment
    store.emit(event, [store.group_target(g), store.app_target(a)], req, message=MESSAGES[event])
    return ok(_render_app_group(store, assignment, a["id"], req.base))


def get_app_group(req, store):
    a = get_app(store, req.params["appId"])
    g = store.app_groups.get(a["id"], {}).get(req.params["groupId"])
    if g is None:
        raise not_found(req.params["groupId"], "ApplicationGroupAssignment")
    return ok(_render_app_group(store, g, a["id"], req.base, req.arg("expand")))


def unassign_group(req, store):
    """Idempotent like group membership: a group that exists but is not assigned is 204 too."""
    a = get_app(store, req.params["appId"])
    g = groups_mod.get_group(store, req.params["groupId"])
    if store.app_groups.get(a["id"], {}).pop(g["id"], None) is not None:
        store.emit(
            "group.application_assignment.remove",
            [store.group_target(g), store.app_target(a)],
            req,
            message=MESSAGES["group.application_assignment.remove"],
        )
    return no_content()


def user_app_links(req, store):
    u = users_mod.get_user(store, req.params["id"])
    out = []
    by_group = {aid for aid, groups in store.app_groups.items() if store.user_groups.get(u.id, set()) & set(groups)}
    for aid in sorted(set(store.app_users) | by_group):
        a = store.apps.get(aid)
        if (u.id in store.app_users.get(aid, {}) or aid in by_group) and a is not None and a["status"] == "ACTIVE":
            out.append(
                {
                    "id": f"00ub{aid[3:]}"[:20],
                    "label": a["label"],
                    "linkUrl": f"{req.base}/home/{a['name']}/{aid}/aln{aid[3:]}",
                    "logoUrl": "https://op3static.oktacdn.com/assets/img/logos/default.png",
                    "appName": a["name"],
                    "appInstanceId": aid,
                    "appAssignmentId": f"0ua{aid[3:]}",
                    "credentialsSetup": False,
                    "hidden": False,
                    "sortOrder": len(out),
                }
            )
    return ok(out)


def register(r) -> None:
    r.add("GET", "/api/v1/apps", list_apps)
    r.add("GET", "/api/v1/apps/{appId}", get_app_h)
    r.add("DELETE", "/api/v1/apps/{appId}", delete_app)
    for action in ("activate", "deactivate"):  # one route per action, as in the spec
        r.add("POST", f"/api/v1/apps/{{appId}}/lifecycle/{action}", functools.partial(app_lifecycle, action=action))
    r.add("GET", "/api/v1/apps/{appId}/users", list_app_users)
    r.add("POST", "/api/v1/apps/{appId}/users", assign_user)
    r.add("GET", "/api/v1/apps/{appId}/users/{userId}", get_app_user)
    r.add("POST", "/api/v1/apps/{appId}/users/{userId}", update_app_user)
    r.add("DELETE", "/api/v1/apps/{appId}/users/{userId}", remove_app_user)
    r.add("GET", "/api/v1/apps/{appId}/groups", list_app_groups)
    r.add("GET", "/api/v1/apps/{appId}/groups/{groupId}", get_app_group)
    r.add("PUT", "/api/v1/apps/{appId}/groups/{groupId}", assign_group)
    r.add("DELETE", "/api/v1/apps/{appId}/groups/{groupId}", unassign_group)
    r.add("GET", "/api/v1/users/{id}/appLinks", user_app_links)
