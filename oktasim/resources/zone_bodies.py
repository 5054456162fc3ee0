"""What Okta keeps of a network zone body: checks and the stored form, per zone type.

Why: a zone body is checked and normalized the same way on create (POST) and replace (PUT),
and each type stores its own fields in the shape the recorded real zones show
(``../shared/okta-vcr``), which is not always the shape that was sent:

* IP: ``gateways``/``proxies`` of CIDR or RANGE entries; a RANGE given as one bare address
  (``192.168.1.2``) is kept as ``192.168.1.2-192.168.1.2``; no proxies is ``null``.
* DYNAMIC: ``locations`` (each ``{country, region}``, region ``null`` when not given; no
  locations is ``null``), ``proxyType`` as sent (``null`` when absent), and ``asns`` only when
  some were given (Okta leaves the key out otherwise).
* DYNAMIC_V2: ``locations``, ``asns`` and ``ipServiceCategories`` are each
  ``{include: [...], exclude: [...]}``, both lists always present (``{}`` becomes two empty lists).

The caps (150 addresses for a policy zone, 1,000 for a blocklist, 5,000 for a system zone) and
"no proxies in a blocklist" follow api_facts §1.5. Which ``proxyType`` values are accepted is
inferred: the spec's enum plus the values the recordings show Okta keeping (``""``, ``TorAnonymizer``).
"""

import ipaddress

from ..errors import OktaError, validation

TYPES = ("IP", "DYNAMIC", "DYNAMIC_V2")
USAGES = ("POLICY", "BLOCKLIST")
STATUSES = ("ACTIVE", "INACTIVE")
PROXY_TYPES = (None, "", "Any", "Tor", "TorAnonymizer", "NotTorAnonymizer")
TYPE_FIELDS = {
    "IP": ("gateways", "proxies", "useAsExemptList"),
    "DYNAMIC": ("locations", "proxyType", "asns"),
    "DYNAMIC_V2": ("locations", "ipServiceCategories", "asns"),
}
V2_LISTS = ("include", "exclude")


def cap_for(usage: str, system: bool) -> int:
    if system:
        return 5000
    return 1000 if usage == "BLOCKLIST" else 150


def checked(body, existing: dict | None = None) -> dict:
    """The zone body as Okta would keep it, or the 400 Okta answers for it."""
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
    status = body.get("status")
    if status is not None and status not in STATUSES:
        raise validation("status", "status: The field must be ACTIVE or INACTIVE")
    out = {"type": ztype, "name": body["name"], "usage": usage, "status": status}
    system = bool((existing or {}).get("system"))
    if ztype == "IP":
        out.update(_ip_fields(body, usage, system, name=body["name"]))
    elif ztype == "DYNAMIC":
        out.update(_dynamic_fields(body))
    else:
        out.update(_dynamic_v2_fields(body))
    return out


# ---------------------------------------------------------------- IP
def _ip_fields(body: dict, usage: str, system: bool, name: str) -> dict:
    cap = cap_for(usage, system)
    out = {}
    for field in ("gateways", "proxies"):
        entries = body.get(field)
        if entries is not None and not isinstance(entries, list):
            raise OktaError("E0000003")
        entries = entries or []
        if len(entries) > cap:
            raise validation(field, f"{field}: The number of entries must not exceed {cap}")
        out[field] = [_address(e, field) for e in entries]
    if usage == "BLOCKLIST" and out["proxies"]:
        raise validation("proxies", "proxies: Proxies are not allowed in a blocklist zone")
    out["proxies"] = out["proxies"] or None
    if name == "DefaultExemptIpZone":
        out["useAsExemptList"] = bool(body.get("useAsExemptList", True))
    return out


def _address(entry, field: str) -> dict:
    """One gateway or proxy entry in its stored form (a bare RANGE address becomes a-a)."""
    if (
        not isinstance(entry, dict)
        or entry.get("type") not in ("CIDR", "RANGE")
        or not isinstance(entry.get("value"), str)
    ):
        raise validation(field, f"{field}: Invalid address; type must be CIDR or RANGE with a value")
    value = entry["value"].strip()
    try:
        if entry["type"] == "CIDR":
            if "/" not in value:
                raise ValueError
            ipaddress.ip_network(value, strict=False)
            return {"type": "CIDR", "value": entry["value"]}
        if "-" not in value:
            ipaddress.ip_address(value)
            return {"type": "RANGE", "value": f"{value}-{value}"}
        lo, hi = value.split("-", 1)
        a, b = ipaddress.ip_address(lo.strip()), ipaddress.ip_address(hi.strip())
        if a.version != b.version or int(a) > int(b):
            raise ValueError
        return {"type": "RANGE", "value": entry["value"]}
    except ValueError:
        raise validation(field, f"{field}: Invalid IP address or range: {value}") from None


# ---------------------------------------------------------------- DYNAMIC
def _dynamic_fields(body: dict) -> dict:
    locations = body.get("locations")
    if locations is not None and not isinstance(locations, list):
        raise validation("locations", "locations: The field must be a list of locations")
    proxy_type = body.get("proxyType")
    if proxy_type not in PROXY_TYPES:
        raise validation("proxyType", "proxyType: The field must be one of Any, Tor, NotTorAnonymizer or empty")
    out = {"locations": [_location(x) for x in locations or []] or None, "proxyType": proxy_type}
    asns = _asns(body.get("asns"), "asns")
    if asns:
        out["asns"] = asns
    return out


def _location(entry) -> dict:
    if not isinstance(entry, dict) or not isinstance(entry.get("country"), str) or len(entry["country"]) != 2:
        raise validation("locations", "locations: Each location needs a two-letter country code")
    region = entry.get("region")
    if region is not None and not isinstance(region, str):
        raise validation("locations", "locations: A region must be a string such as US-CA")
    return {"country": entry["country"], "region": region or None}


def _asns(value, field: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(a, str) and a.isdigit() for a in value):
        raise validation(field, f"{field}: ASNs must be a list of numbers given as strings")
    return list(value)


# ---------------------------------------------------------------- DYNAMIC_V2
def _dynamic_v2_fields(body: dict) -> dict:
    return {
        "locations": _include_exclude(body, "locations", _location),
        "ipServiceCategories": _include_exclude(body, "ipServiceCategories", _category),
        "asns": _include_exclude(body, "asns", None),
    }


def _include_exclude(body: dict, field: str, each) -> dict:
    given = body.get(field)
    if given is None:
        given = {}
    if not isinstance(given, dict) or set(given) - set(V2_LISTS):
        raise validation(field, f"{field}: The field must be an object with include and exclude lists")
    out = {}
    for part in V2_LISTS:
        items = given.get(part)
        if items is not None and not isinstance(items, list):
            raise validation(field, f"{field}.{part}: The field must be a list")
        if each is None:
            out[part] = _asns(items, f"{field}.{part}")
        else:
            out[part] = [each(x) for x in items or []]
    return out


def _category(value) -> str:
    if not isinstance(value, str) or not value or value != value.upper():
        raise validation(
            "ipServiceCategories",
            "ipServiceCategories: Each entry must be an IP service category such as ALL_ANONYMIZERS",
        )
    return value
