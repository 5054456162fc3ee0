"""Behavior detection rules: list, get, activate/deactivate.

Why: turning a detection off ("New Device", "Velocity") is how an attacker keeps their sign-ins
quiet, so the hunt lists the rules and turns them back on.  Every org starts with Okta's default
rules (new country, state, city, geo-location, device, IP, and velocity), all ACTIVE.  The object
is the spec's BehaviorRule, with its self link under ``_link`` as the spec and its example have
it; lifecycle answers 200 with the rule and writes ``security.behavior.settings.update``.
"""

import copy
import functools

from ..errors import not_found
from ..events import target
from ..web import ok
from .lifecycle import set_active


def _history(max_events):
    return {"maxEventsUsedForEvaluation": max_events, "minEventsNeededForEvaluation": 0}


DEFAULTS = (
    ("New Country", "ANOMALOUS_LOCATION", {**_history(50), "granularity": "COUNTRY"}),
    ("New State", "ANOMALOUS_LOCATION", {**_history(50), "granularity": "SUBDIVISION"}),
    ("New City", "ANOMALOUS_LOCATION", {**_history(50), "granularity": "CITY"}),
    ("New Geo-Location", "ANOMALOUS_LOCATION", {**_history(50), "granularity": "LAT_LONG", "radiusKilometers": 20}),
    ("New Device", "ANOMALOUS_DEVICE", _history(20)),
    ("New IP", "ANOMALOUS_IP", _history(50)),
    ("Velocity", "VELOCITY", {"velocityKph": 805}),
)


def new_behavior(store, name, kind, settings, status="ACTIVE", bid=None, created=None) -> dict:
    now = created or store.now()
    return {
        "id": bid or store.ids.new("abh"),
        "name": name,
        "type": kind,
        "settings": copy.deepcopy(settings),
        "status": status,
        "created": now,
        "lastUpdated": now,
    }


def add_defaults(store, created) -> None:
    for name, kind, settings in DEFAULTS:
        b = new_behavior(store, name, kind, settings, created=created)
        store.behaviors[b["id"]] = b


def render(b: dict, base: str) -> dict:
    d = copy.deepcopy(b)
    d["_link"] = {
        "self": {"href": f"{base}/api/v1/behaviors/{b['id']}", "hints": {"allow": ["GET", "POST", "PUT", "DELETE"]}}
    }
    return d


def get_behavior(store, bid) -> dict:
    b = store.behaviors.get(bid)
    if b is None:
        raise not_found(bid, "Behavior")
    return b


def list_behaviors(req, store):
    return ok([render(b, req.base) for b in store.behaviors.values()])


def get_behavior_h(req, store):
    return ok(render(get_behavior(store, req.params["behaviorId"]), req.base))


def lifecycle(req, store, action):
    b = get_behavior(store, req.params["behaviorId"])
    set_active(store, b, action)
    store.emit(
        "security.behavior.settings.update",
        [target(b["id"], "Behavior", b["name"], b["name"])],
        req,
        message=f"Behavior settings update: {action} {b['name']}",
    )
    return ok(render(b, req.base))


def register(r) -> None:
    r.add("GET", "/api/v1/behaviors", list_behaviors)
    r.add("GET", "/api/v1/behaviors/{behaviorId}", get_behavior_h)
    for action in ("activate", "deactivate"):  # one route per action, as in the spec
        r.add(
            "POST", f"/api/v1/behaviors/{{behaviorId}}/lifecycle/{action}", functools.partial(lifecycle, action=action)
        )
