"""Network zones: IP (gateways/proxies, POLICY or BLOCKLIST), DYNAMIC and DYNAMIC_V2 zones.

Why: "block an IP" means read-modify-write of a blocklist zone.  PUT replaces
the whole object (its ``status`` too, when given, as the recorded PUTs show) and may
not change ``type``; delete needs the zone INACTIVE first (Identity Engine).  What
each type stores, and how, is in ``zone_bodies``.
"""

from .. import search
from ..errors import OktaError, not_found, validation
from ..paging import link_headers, page_list, parse_limit
from ..web import no_content, ok
from .lifecycle import set_active
from .zone_bodies import TYPE_FIELDS, checked


def new_zone(store, body: dict, system: bool = False, zid=None, created=None) -> dict:
    """A zone from a body already passed through ``checked``."""
    now = created or store.now()
    z = {
        "type": body["type"],
        "id": zid or store.ids.new("zone"),
        "name": body["name"],
        "status": body.get("status") or "ACTIVE",
        "usage": body.get("usage") or "POLICY",
        "created": now,
        "lastUpdated": now,
        "system": system,
    }
    _copy_type_fields(z, body)
    return z


def _copy_type_fields(z: dict, body: dict) -> None:
    for fields in TYPE_FIELDS.values():
        for k in fields:
            z.pop(k, None)
    for k in TYPE_FIELDS[z["type"]]:
        if k in body:
            z[k] = body[k]


def render(z: dict, base: str) -> dict:
    d = dict(z)
    href = f"{base}/api/v1/zones/{z['id']}"
    links = {"self": {"href": href, "hints": {"allow": ["GET", "PUT", "DELETE"]}}}
    if z["status"] == "ACTIVE":
        links["deactivate"] = {"href": f"{href}/lifecycle/deactivate", "hints": {"allow": ["POST"]}}
    else:
        links["activate"] = {"href": f"{href}/lifecycle/activate", "hints": {"allow": ["POST"]}}
    d["_links"] = links
    return d


def get_zone(store, zid) -> dict:
    z = store.zones.get(zid)
    if z is None:
        raise not_found(zid, "NetworkZone")
    return z


def _target(z):
    from ..events import target

    return target(z["id"], "NetworkZone", z["name"], z["name"])


def list_zones(req, store):
    zones = list(store.zones.values())
    flt = req.arg("filter")
    if flt:
        try:
            pred = search.build(flt, search.ZONE_FILTER, lambda z, a: z.get(a))
        except search.SearchError as exc:
            raise OktaError("E0000031", causes=[str(exc)]) from None
        zones = [z for z in zones if pred(z)]
    limit = parse_limit(req, len(zones) or 1, None, negative_means_all=True)
    items, nxt = page_list(zones, req.arg("after"), limit)
    return ok([render(z, req.base) for z in items], headers=link_headers(req, nxt))


def create_zone(req, store):
    body = checked(req.json(required=True))
    z = new_zone(store, body)
    store.zones[z["id"]] = z
    store.emit("zone.create", [_target(z)], req)
    return ok(render(z, req.base))


def get_zone_h(req, store):
    return ok(render(get_zone(store, req.params["zoneId"]), req.base))


def replace_zone(req, store):
    z = get_zone(store, req.params["zoneId"])
    body = checked(req.json(required=True), existing=z)
    if z["system"] and body["name"] != z["name"]:
        raise validation("name", "name: The name of a system zone cannot be changed")
    z["name"] = body["name"]
    z["usage"] = body["usage"]
    z["status"] = body["status"] or z["status"]
    _copy_type_fields(z, body)
    z["lastUpdated"] = store.now()
    store.emit("zone.update", [_target(z)], req)
    return ok(render(z, req.base))


def lifecycle(req, store):
    z = get_zone(store, req.params["zoneId"])
    action = req.params["action"]
    set_active(store, z, action)
    store.emit(f"zone.{action}", [_target(z)], req)
    return ok(render(z, req.base))


def delete_zone(req, store):
    z = get_zone(store, req.params["zoneId"])
    if z["system"]:
        raise OktaError("E0000006")
    if z["status"] == "ACTIVE":
        raise validation("zone", "Cannot delete an ACTIVE network zone; deactivate it first")
    del store.zones[z["id"]]
    store.emit("zone.delete", [_target(z)], req)
    return no_content()


def register(r) -> None:
    r.add("GET", "/api/v1/zones", list_zones)
    r.add("POST", "/api/v1/zones", create_zone)
    r.add("GET", "/api/v1/zones/{zoneId}", get_zone_h)
    r.add("PUT", "/api/v1/zones/{zoneId}", replace_zone)
    r.add("DELETE", "/api/v1/zones/{zoneId}", delete_zone)
    r.add("POST", "/api/v1/zones/{zoneId}/lifecycle/{action}", lifecycle)
