"""User types and realms (mostly read paths, plus simple writes).

Why: the connector lists user types and realms for context and to
build inputs; these follow the recorded shapes and the spec's rules (e.g.
the default user type cannot be deleted, 403 E0000142).
"""

from .. import search
from ..errors import OktaError, not_found, validation
from ..paging import link_headers, page_list, parse_limit
from ..web import no_content, ok


# ------------------------------------------------------------------ user types
def new_user_type(store, name, display_name, description="", default=False, tid=None, created=None):
    now = created or store.now()
    return {
        "id": tid or store.ids.new("usertype"),
        "displayName": display_name,
        "name": name,
        "description": description,
        "createdBy": store.admin_id or "00usimadmin0000001d7",
        "lastUpdatedBy": store.admin_id or "00usimadmin0000001d7",
        "created": now,
        "lastUpdated": now,
        "default": default,
    }


def render_type(t, base):
    d = dict(t)
    d["_links"] = {
        "schema": {"rel": "schema", "href": f"{base}/api/v1/meta/schemas/user/osc{t['id'][3:]}", "method": "GET"},
        "self": {"rel": "self", "href": f"{base}/api/v1/meta/types/user/{t['id']}", "method": "GET"},
    }
    return d


def _get_type(store, tid):
    t = store.user_types.get(tid)
    if t is None:
        raise not_found(tid, "CVDType")
    return t


def list_types(req, store):
    return ok([render_type(t, req.base) for t in store.user_types.values()])


def get_type(req, store):
    return ok(render_type(_get_type(store, req.params["typeId"]), req.base))


def create_type(req, store):
    body = req.json(required=True)
    for f in ("name", "displayName"):
        if not body.get(f):
            raise validation(f, f"{f}: The field cannot be left blank")
    if any(t["name"] == body["name"] for t in store.user_types.values()):
        raise validation("name", "name: An object with this field already exists in the current organization")
    t = new_user_type(store, body["name"], body["displayName"], body.get("description") or "")
    store.user_types[t["id"]] = t
    return ok(render_type(t, req.base))


def update_type(req, store):
    t = _get_type(store, req.params["typeId"])
    body = req.json(required=True)
    if req.method == "PUT":
        for f in ("name", "displayName"):
            if not body.get(f):
                raise validation(f, f"{f}: The field cannot be left blank")
        if body["name"] != t["name"]:
            raise validation("name", "name: The name of a user type cannot be changed")
    for f in ("displayName", "description"):
        if f in body:
            t[f] = body[f]
    t["lastUpdated"] = store.now()
    return ok(render_type(t, req.base))


def delete_type(req, store):
    t = _get_type(store, req.params["typeId"])
    if t["default"] or any(u.type_id == t["id"] for u in store.users.values()):
        raise OktaError("E0000142")
    del store.user_types[t["id"]]
    return no_content()


# ------------------------------------------------------------------ realms
def new_realm(store, name, default=False, rid=None, created=None, realm_type="DEFAULT"):
    now = created or store.now()
    return {
        "id": rid or store.ids.new("realm"),
        "created": now,
        "lastUpdated": now,
        "profile": {"name": name, "realmType": realm_type, "domains": []},
        "isDefault": default,
    }


def render_realm(r, base):
    d = dict(r)
    d["profile"] = dict(r["profile"])
    d["_links"] = {"self": {"rel": "self", "href": f"{base}/api/v1/realms/{r['id']}", "method": "GET"}}
    return d


def _get_realm(store, rid):
    r = store.realms.get(rid)
    if r is None:
        raise not_found(rid, "Realm")
    return r


def list_realms(req, store):
    rows = list(store.realms.values())
    s = req.arg("search")
    if s:
        try:
            pred = search.build(s, search.REALM_SEARCH, lambda r, a: r["profile"].get(a[8:]))
        except search.SearchError as exc:
            raise OktaError("E0000031", causes=[str(exc)]) from None
        rows = [r for r in rows if pred(r)]
    if req.arg("sortBy") == "profile.name":
        rows.sort(key=lambda r: r["profile"]["name"].lower(), reverse=(req.arg("sortOrder") or "asc") == "desc")
    limit = parse_limit(req, 10 if s else 200, None)
    items, nxt = page_list(rows, req.arg("after"), limit)
    return ok([render_realm(r, req.base) for r in items], headers=link_headers(req, nxt))


def get_realm(req, store):
    return ok(render_realm(_get_realm(store, req.params["realmId"]), req.base))


def create_realm(req, store):
    body = req.json(required=True)
    name = (body.get("profile") or {}).get("name")
    if not name:
        raise validation("profile.name", "profile.name: The field cannot be left blank")
    r = new_realm(store, name, realm_type=(body.get("profile") or {}).get("realmType") or "DEFAULT")
    store.realms[r["id"]] = r
    return ok(render_realm(r, req.base))


def replace_realm(req, store):
    r = _get_realm(store, req.params["realmId"])
    body = req.json(required=True)
    name = (body.get("profile") or {}).get("name")
    if not name:
        raise validation("profile.name", "profile.name: The field cannot be left blank")
    r["profile"]["name"] = name
    r["lastUpdated"] = store.now()
    return ok(render_realm(r, req.base))


def delete_realm(req, store):
    r = _get_realm(store, req.params["realmId"])
    if r["isDefault"]:
        raise OktaError("E0000006")
    del store.realms[r["id"]]
    return no_content()


def register(r) -> None:
    r.add("GET", "/api/v1/meta/types/user", list_types)
    r.add("POST", "/api/v1/meta/types/user", create_type)
    r.add("GET", "/api/v1/meta/types/user/{typeId}", get_type)
    r.add("POST", "/api/v1/meta/types/user/{typeId}", update_type)
    r.add("PUT", "/api/v1/meta/types/user/{typeId}", update_type)
    r.add("DELETE", "/api/v1/meta/types/user/{typeId}", delete_type)
    r.add("GET", "/api/v1/realms", list_realms)
    r.add("POST", "/api/v1/realms", create_realm)
    r.add("GET", "/api/v1/realms/{realmId}", get_realm)
    r.add("PUT", "/api/v1/realms/{realmId}", replace_realm)
    r.add("DELETE", "/api/v1/realms/{realmId}", delete_realm)
