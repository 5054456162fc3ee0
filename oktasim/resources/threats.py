"""ThreatInsight configuration: GET, and POST that replaces it.

Why: during a password spray a SOC turns ThreatInsight from "audit" to "block".  Okta's update
is a POST of the whole configuration (``action`` required; ``excludeZones`` absent means none),
so a client that wants to keep the excluded zones sends them back.  Excluded zones must exist.
Every update writes ``security.threat.configuration.update`` with the change in the target's
``changeDetails``.
"""

import copy

from ..errors import validation
from ..events import target
from ..web import ok

ACTIONS = ("none", "audit", "block")


def config(store) -> dict:
    """The org's configuration (a new org's: action none, no excluded zones)."""
    if not store.threat_insight:
        now = store.now()
        store.threat_insight = {"action": "none", "excludeZones": [], "created": now, "lastUpdated": now}
    return store.threat_insight


def render(c: dict, base: str) -> dict:
    d = copy.deepcopy(c)
    d["_links"] = {"self": {"href": f"{base}/api/v1/threats/configuration", "hints": {"allow": ["GET", "POST"]}}}
    return d


def checked(store, body) -> dict:
    action = body.get("action")
    if action not in ACTIONS:
        raise validation("action", f"action: The value must be one of {', '.join(ACTIONS)}")
    zones = body.get("excludeZones")
    if zones is None:
        zones = []
    if not isinstance(zones, list) or not all(isinstance(z, str) for z in zones):
        raise validation("excludeZones", "excludeZones: The value must be a list of network zone ids")
    for zid in zones:
        if zid not in store.zones:
            raise validation("excludeZones", f"excludeZones: Network zone not found: {zid}")
    return {"action": action, "excludeZones": list(dict.fromkeys(zones))}


def get_config(req, store):
    return ok(render(config(store), req.base))


def update_config(req, store):
    current = config(store)
    new = checked(store, req.json(required=True))
    before = {k: current[k] for k in ("action", "excludeZones")}
    current.update(new, lastUpdated=store.now())
    change = {"from": before, "to": dict(new)}
    store.emit(
        "security.threat.configuration.update",
        [target(store.org["id"], "ThreatInsightConfiguration", "ThreatInsight", "ThreatInsight", change)],
        req,
        message="ThreatInsight configuration update",
    )
    return ok(render(current, req.base))


def register(r) -> None:
    r.add("GET", "/api/v1/threats/configuration", get_config)
    r.add("POST", "/api/v1/threats/configuration", update_config)
