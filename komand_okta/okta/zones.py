"""IP network zones in Okta: finding them by ID or name, creating, replacing whole, lifecycle.

Address arithmetic (parsing, coverage, block/unblock as gateway-list edits) is pure and lives in
`addresses`; this module is the zone side: the caps Okta enforces, the whole-object PUT body
(every writable field as fetched; `put_body`), and the calls through the client.
"""
from typing import NamedTuple

from .http.errors import OktaError

# Fields Okta computes; the OpenAPI NetworkZone marks the first five readOnly, and the recorded
# real PUT bodies never carry them. `useAsBlackList` is a legacy echo of `usage` that Okta adds
# to some system zones' responses; it is not part of the writable model.
READ_ONLY = ("id", "created", "lastUpdated", "system", "_links", "useAsBlackList")

# Gateway caps (OpenAPI IPNetworkZone.gateways): admin-made IP zones 150, IP blocklist zones
# 1000, the default system IP zones 5000.
CAP_POLICY, CAP_BLOCKLIST, CAP_SYSTEM = 150, 1000, 5000


def gateway_cap(zone: dict) -> int:
    if zone.get("system"):
        return CAP_SYSTEM
    return CAP_BLOCKLIST if zone.get("usage") == "BLOCKLIST" else CAP_POLICY


def put_body(zone: dict, gateways: list) -> dict:
    """The whole zone as Okta should keep it: every writable field as fetched, new gateways."""
    body = {key: value for key, value in zone.items() if key not in READ_ONLY and value is not None}
    body["gateways"] = gateways
    return body


# -- Okta ------------------------------------------------------------------------------------
def find_zone(client, name: str):
    """The zone with exactly this name (all pages read), or None."""
    matches = zones_named(client, name)
    if len(matches) > 1:
        raise OktaError("%d Okta network zones are named %s, so the name does not identify one zone." % (len(matches), name),
                        "Rename the duplicates in the Okta Admin Console (Security > Networks) and try again.")
    return matches[0] if matches else None


def create_blocklist_zone(client, name: str, gateway: dict) -> dict:
    return create_ip_zone(client, name, "BLOCKLIST", [gateway], None)


def replace_zone(client, zone: dict, gateways: list) -> dict:
    """PUT the whole zone back with new gateways."""
    return put_zone(client, zone, put_body(zone, gateways))


# -- zone management (list/get/create/update/lifecycle/delete actions) -----------------------
ZONE_ID_PREFIX = "nzo"


class ZoneLookup(NamedTuple):
    """A zone found by ID or name, or None with the reason none was chosen."""
    zone: dict
    message: str


def zones_named(client, name: str) -> list:
    """Every zone with exactly this name (case-sensitive), all pages read."""
    return [zone for zone in client.pages(client.path("zones")) if zone.get("name") == name]


def lookup_zone(client, ref: str) -> ZoneLookup:
    """The zone whose ID or exact name is `ref`.

    Something shaped like a zone ID (`nzo…`, no spaces) is fetched directly; when Okta has no
    zone with that ID, it is looked up as a name too (a zone may be named like an ID). Several
    zones of one name identify none: that is reported, never guessed.
    """
    ref = ref.strip()
    if ref.startswith(ZONE_ID_PREFIX) and ref.isalnum():
        response = client.request("GET", client.path("zones", ref), allow=(404,))
        if response.status != 404:
            return ZoneLookup(response.body, "")
    matches = zones_named(client, ref)
    if len(matches) > 1:
        return ZoneLookup(None, "%d Okta network zones are named %s, so the name does not identify one zone; "
                                "give the zone's ID instead (%s)." % (len(matches), ref,
                                                                     ", ".join(z.get("id", "?") for z in matches)))
    if not matches:
        return ZoneLookup(None, "No Okta network zone has the ID or name %s." % ref)
    return ZoneLookup(matches[0], "")


def create_ip_zone(client, name: str, usage: str, gateways: list, proxies) -> dict:
    """POST a new ACTIVE IP zone."""
    body = {"type": "IP", "name": name, "status": "ACTIVE", "usage": usage, "gateways": gateways,
            "proxies": proxies or None}  # as Okta shows a zone without proxies
    return client.post(client.path("zones"), json=body)


def changed_body(zone: dict, name: str = None, gateways=None, proxies=None, clear_proxies: bool = False) -> dict:
    """The whole-object PUT body of `zone` with only the given fields changed (`put_body` rules)."""
    body = put_body(zone, gateways if gateways is not None else zone.get("gateways"))
    if "gateways" not in zone and gateways is None:
        del body["gateways"]  # DYNAMIC zones have no gateways; do not invent the field
    if name is not None:
        body["name"] = name
    if clear_proxies:
        body["proxies"] = None
    elif proxies is not None:
        body["proxies"] = proxies
    return body


def put_zone(client, zone: dict, body: dict) -> dict:
    """PUT a whole zone body; a full replacement is idempotent, so it may be retried."""
    return client.put(client.path("zones", zone["id"]), json=body, idempotent=True)


def set_zone_status(client, zone: dict, activate: bool) -> dict:
    """POST the zone's lifecycle operation; setting a status is idempotent, so it may be retried."""
    return client.post(client.path("zones", zone["id"], "lifecycle", "activate" if activate else "deactivate"),
                       idempotent=True)


def delete_zone(client, zone: dict) -> bool:
    """DELETE the zone; True when it is gone (a 404 after a retried DELETE means it already went)."""
    client.request("DELETE", client.path("zones", zone["id"]), allow=(404,))
    return True
