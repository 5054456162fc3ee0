"""IP network zones in Okta: finding one by ID or name, creating, replacing whole, lifecycle, deleting.

Address arithmetic (parsing, coverage, block/unblock as gateway-list edits) is pure and lives in
`zones_addresses`; this module is the zone side: the caps Okta enforces, the whole-object PUT
body (every writable field as fetched; `put_body`), and the calls through the client.

Lifecycle changes are idempotent in outcome: a zone already in the wanted status is left alone
(no request). Delete deactivates an ACTIVE zone first (Identity Engine deletes only INACTIVE
zones); when Okta then refuses the delete (a zone used by a policy rule), the zone is activated
again so a failed delete leaves it as it was.
"""

from .found import Found
from .http.errors import OktaError

# Fields Okta computes; the OpenAPI NetworkZone marks the first five readOnly, and the recorded
# real PUT bodies never carry them. `useAsBlackList` is a legacy echo of `usage` that Okta adds
# to some system zones' responses; it is not part of the writable model.
READ_ONLY = ("id", "created", "lastUpdated", "system", "_links", "useAsBlackList")
# Gateway caps (OpenAPI IPNetworkZone.gateways): admin-made IP zones 150, IP blocklist zones
# 1000, the default system IP zones 5000.
CAP_POLICY, CAP_BLOCKLIST, CAP_SYSTEM = 150, 1000, 5000
ZONE_ID_PREFIX = "nzo"
REFUSED = (400, 403, 409)  # Okta's answers for "this zone cannot be deleted"


def gateway_cap(zone: dict) -> int:
    if zone.get("system"):
        return CAP_SYSTEM
    return CAP_BLOCKLIST if zone.get("usage") == "BLOCKLIST" else CAP_POLICY


def label(zone: dict) -> str:
    """`Name (nzo…)` for messages."""
    return "%s (%s)" % (zone.get("name"), zone.get("id"))


# -- finding -------------------------------------------------------------------------------------
def named(client, name: str) -> list:
    """Every zone with exactly this name (case-sensitive), all pages read."""
    return [zone for zone in client.pages(client.path("zones")) if zone.get("name") == name]


def resolve(client, ref: str, by_id: bool = True) -> Found:
    """The zone whose ID or exact name is `ref` (only its name, as given, when not `by_id`).

    Something shaped like a zone ID (`nzo…`, no spaces) is fetched directly; when Okta has no
    zone with that ID, it is looked up as a name too (a zone may be named like an ID). Several
    zones of one name identify none: that is a miss whose `shared` lists them, never a guess.
    """
    if by_id:
        ref = ref.strip()
        if ref.startswith(ZONE_ID_PREFIX) and ref.isalnum():
            response = client.request("GET", client.path("zones", ref), allow=(404,))
            if response.status != 404:
                return Found(response.body)
    matches = named(client, ref)
    if len(matches) > 1:
        return Found(
            None,
            "%d Okta network zones are named %s, so the name does not identify one zone; give the "
            "zone's ID instead (%s)." % (len(matches), ref, ", ".join(z.get("id", "?") for z in matches)),
            shared=tuple(matches),
        )
    if not matches:
        return Found(None, "No Okta network zone has the ID or name %s." % ref)
    return Found(matches[0])


# -- writing -------------------------------------------------------------------------------------
def put_body(zone: dict, gateways: list) -> dict:
    """The whole zone as Okta should keep it: every writable field as fetched, new gateways."""
    body = {key: value for key, value in zone.items() if key not in READ_ONLY and value is not None}
    body["gateways"] = gateways
    return body


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


def create_ip_zone(client, name: str, usage: str, gateways: list, proxies) -> dict:
    """POST a new ACTIVE IP zone."""
    body = {
        "type": "IP",
        "name": name,
        "status": "ACTIVE",
        "usage": usage,
        "gateways": gateways,
        "proxies": proxies or None,
    }  # as Okta shows a zone without proxies
    return client.post(client.path("zones"), json=body)


def put_zone(client, zone: dict, body: dict) -> dict:
    """PUT a whole zone body; a full replacement is idempotent, so it may be retried."""
    return client.put(client.path("zones", zone["id"]), json=body, idempotent=True)


def replace_gateways(client, zone: dict, gateways: list) -> dict:
    """PUT the whole zone back with new gateways."""
    return put_zone(client, zone, put_body(zone, gateways))


# -- lifecycle -------------------------------------------------------------------------------------
def _post_status(client, zone: dict, activate: bool) -> dict:
    """POST the zone's lifecycle operation; setting a status is idempotent, so it may be retried."""
    return client.post(
        client.path("zones", zone["id"], "lifecycle", "activate" if activate else "deactivate"), idempotent=True
    )


def set_status(client, zone: dict, activate: bool, log) -> dict:
    """The zone after making it ACTIVE (or INACTIVE); one already so is returned without a request."""
    wanted = "ACTIVE" if activate else "INACTIVE"
    if zone.get("status") == wanted:
        log.info("The network zone %s (%s) is already %s; nothing to change.", zone.get("name"), zone.get("id"), wanted)
        return zone
    return _post_status(client, zone, activate)


def delete(client, zone: dict, log):
    """Delete the zone (deactivating it first); None when deleted, else why it was not (a system
    zone, or Okta's refusal, after which a zone we deactivated is activated again)."""
    if zone.get("system"):
        return "The network zone %s is a system zone defined by Okta, which cannot be deleted." % label(zone)
    deactivated = False
    if zone.get("status") == "ACTIVE":
        log.info("Deactivating the network zone %s before deleting it, as Okta requires.", label(zone))
        _post_status(client, zone, activate=False)
        deactivated = True
    try:
        client.request("DELETE", client.path("zones", zone["id"]), allow=(404,))  # 404: a retried DELETE's success
    except OktaError as exc:
        if exc.status not in REFUSED:
            raise
        message = "Okta refused to delete the network zone %s: %s" % (label(zone), exc.cause)
        if deactivated:
            _post_status(client, zone, activate=True)
            message += " The zone was activated again, as it was before."
        return message
    log.info("Deleted the network zone %s.", label(zone))
    return None
