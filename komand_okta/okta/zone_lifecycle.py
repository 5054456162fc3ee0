"""Activating, deactivating and deleting network zones, as the zone actions report them.

Each returns the action output. A zone already in the wanted status is success without a
request. Delete deactivates an ACTIVE zone first (Identity Engine deletes only INACTIVE zones);
when Okta then refuses the delete (a zone used by a policy rule), the zone is activated again so
a failed delete leaves it as it was, and the action says so.
"""
from .http.errors import OktaError
from .zones import delete_zone, lookup_zone, set_zone_status

REFUSED = (400, 403, 409)  # Okta's answers for "this zone cannot be deleted"


def set_status(client, log, ref: str, activate: bool) -> dict:
    wanted = "ACTIVE" if activate else "INACTIVE"
    found = lookup_zone(client, ref)
    if found.zone is None:
        log.info("%s", found.message)
        return {"success": False, "message": found.message}
    zone = found.zone
    if zone.get("status") == wanted:
        log.info("The network zone %s (%s) is already %s; nothing to change.", zone.get("name"), zone.get("id"), wanted)
        return {"success": True, "zone": zone}
    zone = set_zone_status(client, zone, activate)
    return {"success": zone.get("status") == wanted, "zone": zone}


def delete(client, log, ref: str) -> dict:
    found = lookup_zone(client, ref)
    if found.zone is None:
        log.info("%s", found.message)
        return {"success": False, "message": found.message}
    zone = found.zone
    label = "%s (%s)" % (zone.get("name"), zone.get("id"))
    if zone.get("system"):
        message = "The network zone %s is a system zone defined by Okta, which cannot be deleted." % label
        log.info("%s", message)
        return {"success": False, "message": message}
    deactivated = False
    if zone.get("status") == "ACTIVE":
        log.info("Deactivating the network zone %s before deleting it, as Okta requires.", label)
        set_zone_status(client, zone, activate=False)
        deactivated = True
    try:
        delete_zone(client, zone)
    except OktaError as exc:
        if exc.status not in REFUSED:
            raise
        message = "Okta refused to delete the network zone %s: %s" % (label, exc.cause)
        if deactivated:
            set_zone_status(client, zone, activate=True)
            message += " The zone was activated again, as it was before."
        log.info("%s", message)
        return {"success": False, "message": message}
    log.info("Deleted the network zone %s.", label)
    return {"success": True}
