"""Factories for the objects a hunt reads: group rules, trusted origins, behavior detection rules and
ThreatInsight, shaped like Okta's recorded answers and the official spec's examples."""

from unit_test.conftest import API

_counter = iter(range(1, 10**6))
STAMP = "2024-01-02T03:04:05.000Z"


def calls(okta) -> list:
    """The (method, URL) of every request the mock received, in order."""
    return [(r.method, r.url) for r in okta.request_history]


def rule(
    name="Engineering group rule",
    rule_id=None,
    status="ACTIVE",
    group_ids=("00g%017d" % 1,),
    expression='user.department == "Engineering"',
    names=None,
) -> dict:
    """A group rule; `names` (group ID -> name) adds Okta's groupIdToGroupNameMap expansion."""
    rule_id = rule_id or "0pr%017d" % next(_counter)
    body = {
        "type": "group_rule",
        "id": rule_id,
        "status": status,
        "name": name,
        "created": STAMP,
        "lastUpdated": STAMP,
        "conditions": {
            "people": {"users": {"exclude": []}, "groups": {"exclude": []}},
            "expression": {"value": expression, "type": "urn:okta:expression:1.0"},
        },
        "actions": {"assignUserToGroups": {"groupIds": list(group_ids)}},
        "allGroupsValid": status != "INVALID",
    }
    if names is not None:
        body["_embedded"] = {"groupIdToGroupNameMap": dict(names)}
    return body


def origin(name="Company portal", url="https://portal.example.com", origin_id=None, status="ACTIVE") -> dict:
    origin_id = origin_id or "tos%017d" % next(_counter)
    href = "%s/trustedOrigins/%s" % (API, origin_id)
    action = "deactivate" if status == "ACTIVE" else "activate"
    return {
        "id": origin_id,
        "name": name,
        "origin": url,
        "status": status,
        "scopes": [{"type": "CORS"}, {"type": "REDIRECT"}],
        "created": STAMP,
        "createdBy": "00uadmin",
        "lastUpdated": STAMP,
        "lastUpdatedBy": "00uadmin",
        "_links": {"self": {"href": href}, action: {"href": "%s/lifecycle/%s" % (href, action)}},
    }


def behavior(name="New Device", behavior_id=None, status="ACTIVE", kind="ANOMALOUS_DEVICE") -> dict:
    behavior_id = behavior_id or "abh%017d" % next(_counter)
    return {
        "id": behavior_id,
        "name": name,
        "type": kind,
        "status": status,
        "settings": {"maxEventsUsedForEvaluation": 20, "minEventsNeededForEvaluation": 0},
        "created": STAMP,
        "lastUpdated": STAMP,
        "_link": {"self": {"href": "%s/behaviors/%s" % (API, behavior_id)}},
    }


def threat_config(action="audit", zones=()) -> dict:
    return {
        "action": action,
        "excludeZones": list(zones),
        "created": STAMP,
        "lastUpdated": STAMP,
        "_links": {"self": {"href": API + "/threats/configuration"}},
    }


def zone(name, zone_id) -> dict:
    """A network zone as a zone listing shows it (just what naming a zone needs)."""
    return {"id": zone_id, "type": "IP", "name": name, "status": "ACTIVE", "usage": "POLICY", "system": False}
