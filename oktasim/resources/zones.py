"""Network zones: IP (gateways/proxies, POLICY or BLOCKLIST) and DYNAMIC zones.

Why: "block an IP" means read-modify-write of a blocklist zone.  PUT replaces
the whole object and may not change ``type``; delete needs the zone INACTIVE
first (Identity Engine); gateway lists are capped (api_facts §1.5).
"""

import ipaddress

from .. import search
from ..errors import OktaError, not_found, validation
from ..paging import link_headers, page_list, parse_limit
from ..web import no_content, ok
from .lifecycle import set_active

TYPES = ("IP", "DYNAMIC", "DYNAMIC_V2")
USAGES = ("POLICY", "BLOCKLIST")
SYSTEM_NAMES = ("LegacyIpZone", "BlockedIpZone", "DefaultEnhancedDynamicZone", "DefaultExemptIpZone")


def new_zone(store, body: dict, system: bool = False, zid=None, created=None) -> dict:
    now = created or store.now()
    z = {"type": body["type"], "id": zid or store.ids.new("zone"), "name": body["name"],
         "status": body.get("status") or "ACTIVE", "usage": body.get("usage") or "POLICY",
         "created": now, "lastUpdated": now, "system": system}
    _copy_type_fields(z, body)
    return z


def _copy_type_fields(z: dict, body: dict) -> None:
    for k in ("gateways", "proxies", "locations", "proxyType", "asns", "ipServiceCategories",
              "useAsExemptList"):
        z.pop(k, None)
    if z["type"] == "IP":
        z["gateways"] = [dict(g) for g in body.get("gateways") or []]
        z["proxies"] = [dict(p) for p in body.get("proxies") or []] or None
        if z["name"] == "DefaultExemptIpZone":
            z["useAsExemptList"] = bool(body.get("useAsExemptList", True))
    else:
        z["proxyType"] = body.get("proxyType")
        z["locations"] = [dict(x) for x in body.get("locations") or []]
        z["asns"] = list(body.get("asns") or [])
        if z["type"] == "DYNAMIC_V2" and body.get("ipServiceCategories") is not None:
            z["ipServiceCategories"] = body["ipServiceCategories"]


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


def _check_address(entry, field: str) -> None:
    if not isinstance(entry, dict) or entry.get("type") not in ("CIDR", "RANGE") or not isinstance(entry.get("value"), str):
        raise validation(field, f"{field}: Invalid address; type must be CIDR or RANGE with a value")
    value = entry["value"].strip()
    try:
        if entry["type"] == "CIDR":
            ipaddress.ip_network(value, strict=False)
            if "/" not in value:
                raise ValueError
        else:
            lo, hi = value.split("-", 1)
            a, b = ipaddress.ip_address(lo.strip()), ipaddress.ip_address(hi.strip())
            if a.version != b.version or int(a) > int(b):
                raise ValueError
    except ValueError:
        raise validation(field, f"{field}: Invalid IP address or range: {value}") from None


def cap_for(usage: str, system: bool) -> int:
    if system:
        return 5000
    return 1000 if usage == "BLOCKLIST" else 150


def validate(body, existing: dict | None = None) -> dict:
    if not isinstance(body, dict):
        raise OktaError("E0000003")
    ztype = body.get("type")
    if ztype not in TYPES:
        raise validation("type", "type: The field must be one of IP, DYNAMIC, DYNAMIC_V2")
    if existing is not None and ztype != existing["type"]:
        raise validation("type", "type: Network zone type cannot be changed")
    if not body.get("name") or not isinstance(body["name"], str) or len(body["name"]) > 128:
        raise validation("name", "name: The field cannot be left blank")
    usage = body.get("usage") or (existing or {}).get("usage") or "POLICY"
    if usage not in USAGES:
        raise validation("usage", "usage: The field must be POLICY or BLOCKLIST")
    system = bool((existing or {}).get("system"))
    if ztype == "IP":
        cap = cap_for(usage, system)
        for field in ("gateways", "proxies"):
            entries = body.get(field)
            if entries is None:
                continue
            if not isinstance(entries, list):
                raise OktaError("E0000003")
            if len(entries) > cap:
                raise validation(field, f"{field}: The number of entries must not exceed {cap}")
            for e in entries:
                _check_address(e, field)
        if usage == "BLOCKLIST" and body.get("proxies"):
            raise validation("proxies", "proxies: Proxies are not allowed in a blocklist zone")
    else:
        for loc in body.get("locations") or []:
            if not isinstance(loc, dict) or not loc.get("country"):
                raise validation("locations", "locations: Each location needs a country")
    return body


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
    body = validate(req.json(required=True))
    z = new_zone(store, body)
    store.zones[z["id"]] = z
    store.emit("zone.create", [_target(z)], req)
    return ok(render(z, req.base))


def get_zone_h(req, store):
    return ok(render(get_zone(store, req.params["zoneId"]), req.base))


def replace_zone(req, store):
    z = get_zone(store, req.params["zoneId"])
    body = validate(req.json(required=True), existing=z)
    if z["system"] and body["name"] != z["name"]:
        raise validation("name", "name: The name of a system zone cannot be changed")
    z["name"] = body["name"]
    z["usage"] = body.get("usage") or z["usage"]
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
