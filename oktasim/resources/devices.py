"""Devices (Identity Engine): ``/api/v1/devices`` (``search``, ``expand``, paging), one device,
its lifecycle, and ``/api/v1/users/{userId}/devices``.

Why: an attacker who enrolled Okta Verify on their own laptop keeps a second factor after a
password reset; the SOC must see every device of a user and take it out.  The lifecycle follows
Okta's documented rules: suspend only an ACTIVE device, unsuspend only a SUSPENDED one,
deactivate an ACTIVE or SUSPENDED one, activate a DEACTIVATED one (else 400 E0000001), and
delete only a DEACTIVATED one (else 403 E0000152, "Illegal device status").  Deactivation is
destructive: it drops the device's user links and the factors and authenticator enrollments
bound to it.  A Classic Engine org has no devices (E0000015).
"""

from .. import features, search
from ..errors import OktaError, not_found
from ..paging import link_headers, page_list, parse_limit
from ..web import no_content, ok
from . import users as users_mod

SEARCH = search.Rules(
    attrs=("id", "status", "lastUpdated", "created"),
    prefixes=("profile.",),
    ops=("eq", "sw", "pr"),
    per_attr={
        "lastUpdated": ("eq", "gt", "ge", "lt", "le"),
        "created": ("eq", "gt", "ge", "lt", "le"),
        **{
            f"profile.{a}": ("eq", "sw", "co", "pr")
            for a in ("displayName", "serialNumber", "imei", "meid", "udid", "sid")
        },
    },
)
# action -> (statuses it applies to, status after)
LIFECYCLE = {
    "activate": (("DEACTIVATED",), "ACTIVE"),
    "deactivate": (("ACTIVE", "SUSPENDED"), "DEACTIVATED"),
    "suspend": (("ACTIVE",), "SUSPENDED"),
    "unsuspend": (("SUSPENDED",), "ACTIVE"),
}
STATUS_LINKS = {
    "ACTIVE": ("suspend", "deactivate"),
    "SUSPENDED": ("unsuspend", "deactivate"),
    "DEACTIVATED": ("activate",),
}


def new_device(
    store, profile: dict, status: str = "ACTIVE", created: str | None = None, did: str | None = None
) -> dict:
    at = created or store.now()
    d = {
        "id": did or store.ids.new("guo"),
        "status": status,
        "created": at,
        "lastUpdated": at,
        "profile": {"registered": True, "secureHardwarePresent": False, **profile},
        "users": [],
        "factors": [],
        "enrollments": [],
    }
    store.devices[d["id"]] = d
    return d


def link_user(
    store, d: dict, u, created: str | None = None, managed: bool = False, screen_lock: str = "BIOMETRIC"
) -> None:
    d["users"].append(
        {
            "userId": u.id,
            "created": created or store.now(),
            "deviceUserId": store.ids.new("lnk"),
            "managementStatus": "MANAGED" if managed else "NOT_MANAGED",
            "screenLockType": screen_lock,
        }
    )


# ---------------------------------------------------------------- rendering
def render(d: dict, base: str) -> dict:
    href = f"{base}/api/v1/devices/{d['id']}"
    links = {
        name: {"href": f"{href}/lifecycle/{name}", "hints": {"allow": ["POST"]}} for name in STATUS_LINKS[d["status"]]
    }
    allow = ["GET", "PUT"] + (["DELETE"] if d["status"] == "DEACTIVATED" else [])  # the spec's HttpMethod has no PATCH
    links["self"] = {"href": href, "hints": {"allow": allow}}
    links["users"] = {"href": f"{href}/users", "hints": {"allow": ["GET"]}}
    return {
        "id": d["id"],
        "status": d["status"],
        "created": d["created"],
        "lastUpdated": d["lastUpdated"],
        "profile": dict(d["profile"]),
        "resourceType": "UDDevice",
        "resourceDisplayName": {"value": d["profile"].get("displayName"), "sensitive": False},
        "resourceAlternateId": None,
        "resourceId": d["id"],
        "_links": links,
    }


def _embedded_user(store, link: dict, base: str, summary: bool):
    u = store.users.get(link["userId"])
    if u is None:
        return None
    if summary:
        p = u.profile
        user = {
            "id": u.id,
            "realmId": u.realm_id,
            "profile": {k: p.get(k) for k in ("firstName", "lastName", "login", "email")},
            "_links": {"self": {"href": f"{base}/api/v1/users/{u.id}"}},
        }
    else:
        user = users_mod.render(store, u, base)
    return {
        "created": link["created"],
        "managementStatus": link["managementStatus"],
        "screenLockType": link["screenLockType"],
        "user": user,
    }


def _with_users(store, d: dict, base: str, expand) -> dict:
    body = render(d, base)
    if expand:
        found = (_embedded_user(store, link, base, expand == "userSummary") for link in d["users"])
        body["_embedded"] = {"users": [e for e in found if e is not None]}
    return body


# ---------------------------------------------------------------- handlers
def _get(store, did: str) -> dict:
    d = store.devices.get(did)
    if d is None:
        raise not_found(did, "GenericUDObject")
    return d


def _getter(d: dict, attr: str):
    if attr.startswith("profile."):
        return d["profile"].get(attr[8:])
    return d.get(attr)


def list_devices(req, store):
    features.require(store, "identity_engine")
    expand = req.arg("expand") or None
    if expand not in (None, "user", "userSummary"):
        raise OktaError("E0000001", "expand", causes=["expand: must be user or userSummary"])
    limit = parse_limit(req, 200, 200)
    items = sorted(store.devices.values(), key=lambda d: d["id"])
    text = req.arg("search")
    if text:
        try:
            pred = search.build(text, SEARCH, _getter)
        except search.SearchError as exc:
            raise OktaError("E0000031", causes=[f"search: {exc}"]) from None
        items = [d for d in items if pred(d)]
    chunk, nxt = page_list(items, req.arg("after"), limit)
    return ok([_with_users(store, d, req.base, expand) for d in chunk], headers=link_headers(req, nxt))


def get_device(req, store):
    features.require(store, "identity_engine")
    return ok(render(_get(store, req.params["deviceId"]), req.base))


def delete_device(req, store):
    features.require(store, "identity_engine")
    d = _get(store, req.params["deviceId"])
    if d["status"] != "DEACTIVATED":
        raise OktaError("E0000152", causes=[f"A device must be DEACTIVATED before it is deleted; it is {d['status']}"])
    del store.devices[d["id"]]
    store.emit("device.lifecycle.delete", [_target(d)], req)
    return no_content()


def _target(d: dict) -> dict:
    name = d["profile"].get("displayName")
    return {"id": d["id"], "type": "Device", "alternateId": name, "displayName": name, "detailEntry": None}


def _unbind(req, store, d: dict) -> None:
    """What deactivation destroys: user links, device-bound factors and enrollments."""
    for uid, fid in d["factors"]:
        factor = store.factors.get(uid, {}).pop(fid, None)
        u = store.users.get(uid)
        if factor is not None and u is not None:
            store.emit(
                "user.mfa.factor.deactivate",
                [store.user_target(u)],
                req,
                message=f"Reset factor for user ({factor['factorType']}) on device deactivation",
            )
    for uid, eid in d["enrollments"]:
        store.enrollments.get(uid, {}).pop(eid, None)
    for link in d["users"]:
        u = store.users.get(link["userId"])
        if u is not None:
            store.emit("device.user.remove", [_target(d), store.user_target(u)], req)
    d["users"], d["factors"], d["enrollments"] = [], [], []


def _lifecycle(action: str):
    allowed, after = LIFECYCLE[action]

    def handler(req, store):
        features.require(store, "identity_engine")
        d = _get(store, req.params["deviceId"])
        if d["status"] not in allowed:
            raise OktaError(
                "E0000001",
                "status",
                causes=[f"Cannot {action} a device that is {d['status']}; it must be {' or '.join(allowed)}"],
            )
        if action == "deactivate":
            _unbind(req, store, d)
        d["status"] = after
        d["lastUpdated"] = store.now()
        store.emit(f"device.lifecycle.{action}", [_target(d)], req)
        return no_content()

    handler.__name__ = f"{action}_device"
    return handler


def list_user_devices(req, store):
    features.require(store, "identity_engine")
    u = users_mod.get_user(store, req.params["userId"])
    out = []
    for d in sorted(store.devices.values(), key=lambda d: d["id"]):
        for link in d["users"]:
            if link["userId"] == u.id:
                out.append(
                    {"created": link["created"], "device": render(d, req.base), "deviceUserId": link["deviceUserId"]}
                )
    return ok(out)


def register(r) -> None:
    r.add("GET", "/api/v1/devices", list_devices)
    r.add("GET", "/api/v1/devices/{deviceId}", get_device)
    r.add("DELETE", "/api/v1/devices/{deviceId}", delete_device)
    for action in LIFECYCLE:
        r.add("POST", f"/api/v1/devices/{{deviceId}}/lifecycle/{action}", _lifecycle(action))
    r.add("GET", "/api/v1/users/{userId}/devices", list_user_devices)
