"""Trusted origins: list (q, filter, limit/after), CRUD, activate/deactivate.

Why: a trusted origin lets a site call Okta with the user's session (CORS) or be redirected to
after sign-in, which makes one for a phishing site an attacker's persistence.  Shapes follow the
spec's examples (``tos…`` ids, ``createdBy``/``lastUpdatedBy``, ``_links`` with hints and the
lifecycle action the status allows); every change writes a ``security.trusted_origin.*`` event.
"""

import copy
import functools
from urllib.parse import urlsplit

from .. import search
from ..errors import OktaError, not_found, validation
from ..events import target
from ..paging import link_headers, page_list
from ..web import no_content, ok
from .lifecycle import set_active
from .listing import limit_arg

SCOPE_TYPES = ("CORS", "REDIRECT", "IFRAME_EMBED")
SCHEMES = ("http", "https", "ftp", "ionic", "capacitor")
FILTER = search.Rules(attrs=("name", "origin", "status", "type"), ops=("eq",))
SIM_ADMIN = "00usimadmin0000001d7"
MESSAGES = {
    "create": "Create trusted origin",
    "update": "Update trusted origin",
    "delete": "Delete trusted origin",
    "activate": "Activate trusted origin",
    "deactivate": "Deactivate trusted origin",
}


def new_origin(store, name, origin, scopes, status="ACTIVE", oid=None, created=None, created_by=None) -> dict:
    now = created or store.now()
    by = created_by or store.admin_id or SIM_ADMIN
    return {
        "id": oid or store.ids.new("tos"),
        "name": name,
        "origin": origin,
        "status": status,
        "scopes": copy.deepcopy(scopes),
        "created": now,
        "createdBy": by,
        "lastUpdated": now,
        "lastUpdatedBy": by,
    }


def render(o: dict, base: str) -> dict:
    d = copy.deepcopy(o)
    href = f"{base}/api/v1/trustedOrigins/{o['id']}"
    action = "deactivate" if o["status"] == "ACTIVE" else "activate"
    d["_links"] = {
        "self": {"href": href, "hints": {"allow": ["GET", "PUT", "DELETE"]}},
        action: {"href": f"{href}/lifecycle/{action}", "hints": {"allow": ["POST"]}},
    }
    return d


def get_origin(store, oid) -> dict:
    o = store.trusted_origins.get(oid)
    if o is None:
        raise not_found(oid, "TrustedOrigin")
    return o


def _getter(o, attr):
    if attr == "type":
        return [s["type"] for s in o["scopes"]]
    return o.get(attr)


# ---------------------------------------------------------------- validation
def checked(store, body, current=None) -> dict:
    """name, origin and scopes from a create or replace body; Okta's 400 E0000001 otherwise."""
    name, origin = body.get("name"), body.get("origin")
    if not isinstance(name, str) or not name.strip():
        raise validation("name", "name: The field cannot be left blank")
    if not isinstance(origin, str) or not origin.strip():
        raise validation("origin", "origin: The field cannot be left blank")
    parts = urlsplit(origin)
    if parts.scheme.lower() not in SCHEMES or not parts.netloc or parts.path not in ("", "/"):
        raise validation(
            "origin", f"origin: '{origin}' is not a valid origin (scheme://host[:port]; schemes {', '.join(SCHEMES)})"
        )
    for other in store.trusted_origins.values():
        if other["id"] == current:
            continue
        if other["name"] == name:
            raise validation("name", "name: An object with this field already exists in the current organization")
        if other["origin"].lower() == origin.lower():
            raise validation("origin", "origin: An object with this field already exists in the current organization")
    return {"name": name, "origin": origin, "scopes": _checked_scopes(body.get("scopes"))}


def _checked_scopes(scopes) -> list:
    if not isinstance(scopes, list) or not scopes:
        raise validation("scopes", "scopes: The field cannot be left blank")
    out, seen = [], set()
    for scope in scopes:
        kind = scope.get("type") if isinstance(scope, dict) else None
        if kind not in SCOPE_TYPES or kind in seen:
            raise validation("scopes", f"scopes: Each scope's type must be one of {', '.join(SCOPE_TYPES)}, once")
        seen.add(kind)
        apps = scope.get("allowedOktaApps")
        if apps is not None and (
            kind != "IFRAME_EMBED" or not isinstance(apps, list) or any(a != "OKTA_ENDUSER" for a in apps)
        ):
            raise validation("scopes", "scopes: allowedOktaApps is only for IFRAME_EMBED, with OKTA_ENDUSER")
        out.append({"type": kind, **({"allowedOktaApps": apps or []} if kind == "IFRAME_EMBED" else {})})
    return out


def _emit(store, action, o, req) -> None:
    store.emit(
        f"security.trusted_origin.{action}",
        [target(o["id"], "TrustedOrigin", o["origin"], o["name"])],
        req,
        message=MESSAGES[action],
    )


def _actor_id(store, req) -> str:
    return (req.principal or {}).get("user_id") or store.admin_id or SIM_ADMIN


# ---------------------------------------------------------------- handlers
def list_origins(req, store):
    origins = list(store.trusted_origins.values())
    q = (req.arg("q") or "").lower()
    if q:
        origins = [o for o in origins if o["name"].lower().startswith(q) or o["origin"].lower().startswith(q)]
    flt = req.arg("filter")
    if flt:
        try:
            pred = search.build(flt, FILTER, _getter)
        except search.SearchError as exc:
            raise OktaError("E0000031", causes=[str(exc)]) from None
        origins = [o for o in origins if pred(o)]
    items, nxt = page_list(origins, req.arg("after"), limit_arg(req, 20, 1, 200))
    return ok([render(o, req.base) for o in items], headers=link_headers(req, nxt))


def create_origin(req, store):
    spec = checked(store, req.json(required=True))
    actor = _actor_id(store, req)
    o = new_origin(store, spec["name"], spec["origin"], spec["scopes"], created_by=actor)
    store.trusted_origins[o["id"]] = o
    _emit(store, "create", o, req)
    return ok(render(o, req.base))


def get_origin_h(req, store):
    return ok(render(get_origin(store, req.params["originId"]), req.base))


def replace_origin(req, store):
    o = get_origin(store, req.params["originId"])
    o.update(checked(store, req.json(required=True), current=o["id"]))
    o["lastUpdated"], o["lastUpdatedBy"] = store.now(), _actor_id(store, req)
    _emit(store, "update", o, req)
    return ok(render(o, req.base))


def delete_origin(req, store):
    o = get_origin(store, req.params["originId"])
    del store.trusted_origins[o["id"]]
    _emit(store, "delete", o, req)
    return no_content()


def lifecycle(req, store, action):
    o = get_origin(store, req.params["originId"])
    set_active(store, o, action)
    o["lastUpdatedBy"] = _actor_id(store, req)
    _emit(store, action, o, req)
    return ok(render(o, req.base))


def register(r) -> None:
    r.add("GET", "/api/v1/trustedOrigins", list_origins)
    r.add("POST", "/api/v1/trustedOrigins", create_origin)
    r.add("GET", "/api/v1/trustedOrigins/{originId}", get_origin_h)
    r.add("PUT", "/api/v1/trustedOrigins/{originId}", replace_origin)
    r.add("DELETE", "/api/v1/trustedOrigins/{originId}", delete_origin)
    for action in ("activate", "deactivate"):  # one route per action, as in the spec
        r.add(
            "POST",
            f"/api/v1/trustedOrigins/{{originId}}/lifecycle/{action}",
            functools.partial(lifecycle, action=action),
        )
