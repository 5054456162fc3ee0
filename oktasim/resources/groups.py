"""Groups and memberships: list (q/filter/search/expand=stats), CRUD, members.

Why: "remove from privileged group" is a core containment step; membership
changes are idempotent like Okta's and write group.user_membership.* events.
"""

from .. import search
from ..errors import OktaError, not_found, validation
from ..paging import link_headers, page_list, page_sorted_ids, parse_limit
from ..web import no_content, ok
from . import users as users_mod

LOGOS = [
    {
        "name": "medium",
        "href": "https://op3static.oktacdn.com/assets/img/logos/groups/odyssey/okta-medium.30ce6d4085dff29412984e4c191bc874.png",
        "type": "image/png",
    },
    {
        "name": "large",
        "href": "https://op3static.oktacdn.com/assets/img/logos/groups/odyssey/okta-large.c3cb8cda8ae0add1b4fe928f5844dbe3.png",
        "type": "image/png",
    },
]


def new_group(store, name, description="", gtype="OKTA_GROUP", gid=None, created=None) -> dict:
    now = created or store.now()
    return {
        "id": gid or store.ids.new("group"),
        "created": now,
        "lastUpdated": now,
        "lastMembershipUpdated": now,
        "objectClass": ["okta:user_group"],
        "type": gtype,
        "profile": {"name": name, "description": description},
    }


def render(store, g: dict, base: str, expand: str | None = None) -> dict:
    d = dict(g)
    d["profile"] = dict(g["profile"])
    gid = g["id"]
    d["_links"] = {
        "logo": LOGOS,
        "users": {"href": f"{base}/api/v1/groups/{gid}/users"},
        "apps": {"href": f"{base}/api/v1/groups/{gid}/apps"},
    }
    if expand:
        emb = {}
        if "stats" in expand:
            emb["stats"] = {
                "usersCount": len(store.members.get(gid, ())),
                "appsCount": sum(1 for a in store.app_groups.values() if gid in a),
                "groupPushMappingsCount": 0,
                "hasAdminPrivilege": bool(store.roles.get(gid)),
                "_links": {"self": {"href": f"{base}/api/v1/groups/{gid}/stats"}},
            }
        if "app" in expand:
            emb["app"] = None
        d["_embedded"] = emb
    return d


def getter(g: dict, attr: str):
    if attr.startswith("profile."):
        return g["profile"].get(attr[8:])
    if attr == "source.id":
        return (g.get("source") or {}).get("id")
    return g.get(attr)


def get_group(store, gid: str) -> dict:
    g = store.groups.get(gid)
    if g is None:
        raise not_found(gid, "UserGroup")
    return g


def _compile(text, rules):
    try:
        return search.build(text, rules, getter)
    except search.SearchError as exc:
        raise OktaError("E0000031", causes=[str(exc)]) from None


def list_groups(req, store):
    q, flt, srch = req.arg("q"), req.arg("filter"), req.arg("search")
    if flt is not None and srch is not None:
        raise OktaError("E0000033")
    expand = req.arg("expand")
    after = req.arg("after") or None
    limit = parse_limit(req, 10000, 10000)
    ids = sorted(store.groups)
    if q is not None:
        ql = q.lower()
        items, _ = page_sorted_ids(
            ids,
            None,
            min(limit, 300),
            lambda g: str(g["profile"].get("name") or "").lower().startswith(ql),
            store.groups.get,
        )
        nxt = None
    elif srch is not None:
        pred = _compile(srch, search.GROUP_SEARCH)
        sort_by = req.arg("sortBy")
        if sort_by:
            desc = (req.arg("sortOrder") or "asc").lower() == "desc"
            matched = [g for g in (store.groups[i] for i in ids) if pred(g)]
            matched.sort(key=lambda g: str(getter(g, sort_by) or "").lower(), reverse=desc)
            items, nxt = page_list(matched, after, limit)
        else:
            items, nxt = page_sorted_ids(ids, after, limit, pred, store.groups.get)
    elif flt is not None:
        items, nxt = page_sorted_ids(ids, after, limit, _compile(flt, search.GROUP_FILTER), store.groups.get)
    else:
        items, nxt = page_sorted_ids(ids, after, limit, None, store.groups.get)
    return ok([render(store, g, req.base, expand) for g in items], headers=link_headers(req, nxt))


def _check_profile(store, body, current=None):
    prof = body.get("profile") if isinstance(body, dict) else None
    if not isinstance(prof, dict) or not prof.get("name"):
        raise validation("name", "name: The field cannot be left blank")
    for gid, g in store.groups.items():
        if gid != current and g["type"] == "OKTA_GROUP" and g["profile"].get("name") == prof["name"]:
            raise validation("name", "name: An object with this field already exists in the current organization")
    return prof


def create_group(req, store):
    body = req.json(required=True)
    prof = _check_profile(store, body)
    g = new_group(store, prof["name"], prof.get("description") or "")
    for k, v in prof.items():
        if k not in ("name", "description"):
            g["profile"][k] = v
    store.add_group(g)
    store.emit("group.lifecycle.create", [store.group_target(g)], req)
    return ok(render(store, g, req.base))


def get_group_h(req, store):
    return ok(render(store, get_group(store, req.params["groupId"]), req.base, req.arg("expand")))


def replace_group(req, store):
    g = get_group(store, req.params["groupId"])
    body = req.json(required=True)
    if g["type"] != "OKTA_GROUP":
        raise validation("group", "Cannot modify the name or description of an app group or a built-in group")
    prof = _check_profile(store, body, current=g["id"])
    g["profile"] = {"name": prof["name"], "description": prof.get("description") or ""}
    for k, v in prof.items():
        if k not in ("name", "description"):
            g["profile"][k] = v
    g["lastUpdated"] = store.now()
    store.emit("group.profile.update", [store.group_target(g)], req)
    return ok(render(store, g, req.base))


def delete_group(req, store):
    g = get_group(store, req.params["groupId"])
    if g["type"] == "BUILT_IN":
        raise OktaError("E0000006")
    store.delete_group(g["id"])
    for assigned in store.app_groups.values():
        assigned.pop(g["id"], None)
    store.roles.pop(g["id"], None)
    store.emit("group.lifecycle.delete", [store.group_target(g)], req)
    return no_content()


def list_members(req, store):
    g = get_group(store, req.params["groupId"])
    limit = parse_limit(req, 1000, 10000)
    after = req.arg("after") or None
    items, nxt = page_sorted_ids(store.sorted_members(g["id"]), after, limit, None, store.users.get)
    return ok([users_mod.render(store, u, req.base, full=False) for u in items], headers=link_headers(req, nxt))


def _change_membership(req, store, change, event: str):
    """Okta's membership calls are idempotent: the log records only a real change."""
    g = get_group(store, req.params["groupId"])
    u = users_mod.user_by_id(store, req.params["userId"])
    if g["type"] != "OKTA_GROUP":
        raise OktaError("E0000006")
    if change(g["id"], u.id):
        store.emit(event, [store.user_target(u), store.group_target(g)], req)
    return no_content()


def add_member(req, store):
    return _change_membership(req, store, store.add_member, "group.user_membership.add")


def remove_member(req, store):
    return _change_membership(req, store, store.remove_member, "group.user_membership.remove")


def group_apps(req, store):
    from .apps import render as render_app

    g = get_group(store, req.params["groupId"])
    apps = [store.apps[a] for a in sorted(store.app_groups) if g["id"] in store.app_groups[a] and a in store.apps]
    limit = parse_limit(req, 20, 200)
    items, nxt = page_list(apps, req.arg("after"), limit)
    return ok([render_app(store, a, req.base) for a in items], headers=link_headers(req, nxt))


def register(r) -> None:
    r.add("GET", "/api/v1/groups", list_groups)
    r.add("POST", "/api/v1/groups", create_group)
    r.add("GET", "/api/v1/groups/{groupId}", get_group_h)
    r.add("PUT", "/api/v1/groups/{groupId}", replace_group)
    r.add("DELETE", "/api/v1/groups/{groupId}", delete_group)
    r.add("GET", "/api/v1/groups/{groupId}/users", list_members)
    r.add("PUT", "/api/v1/groups/{groupId}/users/{userId}", add_member)
    r.add("DELETE", "/api/v1/groups/{groupId}/users/{userId}", remove_member)
    r.add("GET", "/api/v1/groups/{groupId}/apps", group_apps)
