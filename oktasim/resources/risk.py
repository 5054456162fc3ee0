"""User risk (Identity Threat Protection): ``GET``/``PUT /api/v1/users/{userId}/risk``.

Why: a SOC pushes its own verdict into Okta (HIGH, MEDIUM or LOW) so Okta's risk policies step
the user up or sign them out.  Only an org with ITP has it (E0000015 otherwise).  A user
never rated reads ``NONE`` without a reason.  The first PUT answers 201, later ones 200, and a
PUT without ``riskReason`` gets the reason the recorded real Okta gave ("Admin override risk";
the spec text says ``override.by.admin``, the recordings win).
"""

import re

from .. import features
from ..errors import OktaError
from ..web import ok
from . import users as users_mod

LEVELS = ("HIGH", "MEDIUM", "LOW")
DEFAULT_REASON = "Admin override risk"
_REASON = re.compile(r"^[a-zA-Z0-9\s\-,.]*$")


def render(uid: str, risk, base: str) -> dict:
    user = f"{base}/api/v1/users/{uid}"
    d = {"riskLevel": risk["riskLevel"] if risk else "NONE"}
    if risk:
        d["reason"] = risk["reason"]
    d["_links"] = {
        "user": {"href": user, "hints": {"allow": ["GET"]}},
        "self": {"href": f"{user}/risk", "hints": {"allow": ["GET", "PUT"]}},
    }
    return d


def _checked(body: dict) -> tuple:
    level = body.get("riskLevel")
    if level not in LEVELS:
        raise OktaError("E0000001", "riskLevel", causes=[f"riskLevel: must be one of {', '.join(LEVELS)}"])
    reason = body.get("riskReason")
    if reason is None:
        return level, DEFAULT_REASON
    if not isinstance(reason, str) or len(reason) > 500 or not _REASON.match(reason):
        raise OktaError(
            "E0000001",
            "riskReason",
            causes=["riskReason: at most 500 letters, digits, spaces, hyphens, commas and periods"],
        )
    return level, reason


def get_risk(req, store):
    features.require(store, "itp")
    u = users_mod.get_user(store, req.params["userId"])
    return ok(render(u.id, store.risks.get(u.id), req.base))


def put_risk(req, store):
    features.require(store, "itp")
    u = users_mod.get_user(store, req.params["userId"])
    level, reason = _checked(req.json(required=True))
    before = store.risks.get(u.id)
    store.risks[u.id] = {"userId": u.id, "riskLevel": level, "reason": reason, "lastUpdated": store.now()}
    if before is None or (before["riskLevel"], before["reason"]) != (level, reason):
        was = before["riskLevel"] if before else "NONE"
        store.emit(
            "user.risk.change",
            [store.user_target(u)],
            req,
            reason=reason,
            message=f"User risk level changed from {was} to {level}",
        )
    return ok(render(u.id, store.risks[u.id], req.base), status=201 if before is None else 200)


def register(r) -> None:
    r.add("GET", "/api/v1/users/{userId}/risk", get_risk)
    r.add("PUT", "/api/v1/users/{userId}/risk", put_risk)
