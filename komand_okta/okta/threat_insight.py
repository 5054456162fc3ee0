"""ThreatInsight (/api/v1/threats/configuration): reading it, and changing only what was asked.

Okta's update is a POST that replaces the whole configuration: `action` is required and an
absent `excludeZones` means "exclude none". A playbook turning ThreatInsight to block during a
password spray must not, as a side effect, start blocking the corporate network that was
excluded. So an update starts from the configuration as read and sends back every field it was
not asked to change. Excluded zones are edited (add these, remove those) rather than replaced:
an empty list then changes nothing, where a replace would quietly clear the exclusions.

The analyst names zones by ID or exact name; every zone is read once (one listing, whatever the
number of zones named) to map them to the IDs Okta stores. An update that would change nothing
is not sent.
"""

from .http.errors import ClientError


def path(client) -> str:
    return client.path("threats", "configuration")


def get(client) -> dict:
    """The org's ThreatInsight configuration."""
    return client.get(path(client), expect=dict)


def zone_ids(client, refs) -> tuple:
    """(the zone ID for each ref, in order; None) or (None, why some ref names no single zone).

    A ref is a zone ID or an exact (case-sensitive) zone name, as network zone actions take them.
    """
    zones = list(client.pages(client.path("zones")))
    ids, problems = [], []
    for ref in refs:
        text = ref.strip()
        matches = [zone for zone in zones if zone.get("id") == text] or [
            zone for zone in zones if zone.get("name") == text
        ]
        if len(matches) == 1:
            ids.append(matches[0]["id"])
        elif matches:
            problems.append(
                "%d zones are named %s (%s); give one zone's ID"
                % (len(matches), text, ", ".join(zone.get("id", "?") for zone in matches))
            )
        else:
            problems.append("no network zone has the ID or name %s" % text)
    if problems:
        return None, "ThreatInsight was not changed: %s." % "; ".join(problems)
    return ids, None


def check_disjoint(add, remove) -> None:
    """Refuse a zone named (or resolved) both to add and to remove: the wish is contradictory."""
    both = sorted(set(add) & set(remove))
    if both:
        raise ClientError(
            "The zone %s is both to be added to and removed from ThreatInsight's excluded zones." % ", ".join(both),
            "Name each zone in only one of Add Excluded Zones "
            "(add_excluded_zones) and Remove Excluded Zones (remove_excluded_zones).",
        )


def changed(config: dict, action: str | None = None, add=(), remove=()) -> dict:
    """The whole configuration to POST: `config` with the new action and the zone edits (zone
    IDs); None when that is what Okta already has."""
    current = list(config.get("excludeZones") or [])
    zones = [zone for zone in current if zone not in remove]
    zones += [zone for zone in dict.fromkeys(add) if zone not in zones]
    body = {"action": action or config.get("action"), "excludeZones": zones}
    if body["action"] == config.get("action") and zones == current:
        return None
    return body


def replace(client, body: dict) -> dict:
    """POST the whole configuration; a full replacement is idempotent, so it may be retried."""
    return client.post(path(client), json=body, idempotent=True, expect=dict)


def summary(config: dict) -> str:
    zones = config.get("excludeZones") or []
    return "action %s, %d excluded zone%s" % (config.get("action"), len(zones), "" if len(zones) == 1 else "s")
