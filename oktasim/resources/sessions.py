"""Okta sessions: ``GET``/``DELETE /api/v1/sessions/{sessionId}``, and the session records behind
a user's sign-ins.

Why: the System Log names the session of a suspicious sign-in
(``authenticationContext.externalSessionId``), and a SOC inspects and kills exactly that one.
A sign-in (org file or ``/__sim/users/{id}/login``) starts a record; everything that ends a
user's sessions (clear sessions, suspend, deactivate, resets that revoke them, Universal Logout)
goes through ``end_all``, so the records and the user's session count never disagree.  A
session lives ``LIFETIME`` seconds of sim clock (Okta's default idle timeout), then is gone.
"""

from ..clock import iso
from ..errors import not_found
from ..web import no_content, ok

LIFETIME = 2 * 3600


def start(
    store,
    u,
    ip: str | None = None,
    created: float | None = None,
    sid: str | None = None,
    amr=("pwd",),
    mfa: bool = False,
) -> dict:
    """Record a sign-in of ``u`` (created at ``created`` epoch, default now)."""
    at = store.clock.now() if created is None else created
    s = {
        "id": sid or "102" + store.ids.token(22),
        "userId": u.id,
        "login": u.login,
        "created": at,
        "expires": at + LIFETIME,
        "status": "ACTIVE",
        "amr": list(amr),
        "mfa": at if mfa else None,
        "ip": ip or "127.0.0.1",
    }
    store.sessions[s["id"]] = s
    u.sessions += 1
    return s


def live(store, sid: str):
    """The session if it exists and has not expired by the sim clock, else None."""
    s = store.sessions.get(sid)
    if s is None or s["expires"] <= store.clock.now():
        return None
    return s


def end_all(store, u) -> int:
    """End every session of ``u``; how many records there were."""
    gone = [sid for sid, s in store.sessions.items() if s["userId"] == u.id]
    for sid in gone:
        del store.sessions[sid]
    u.sessions = 0
    return len(gone)


def render(store, s: dict, base: str) -> dict:
    href = f"{base}/api/v1/sessions/{s['id']}"
    d = {
        "id": s["id"],
        "userId": s["userId"],
        "login": s["login"],
        "createdAt": iso(s["created"]),
        "expiresAt": iso(s["expires"]),
        "status": s["status"],
        "lastPasswordVerification": iso(s["created"]),
    }
    if s["mfa"] is not None:
        d["lastFactorVerification"] = iso(s["mfa"])
    d["amr"] = list(s["amr"])
    d["idp"] = {"id": store.org["id"], "type": "OKTA"}
    d["_links"] = {
        "self": {"href": href, "hints": {"allow": ["GET", "DELETE"]}},
        "refresh": {"href": f"{href}/lifecycle/refresh", "hints": {"allow": ["POST"]}},
        "user": {"name": s["login"], "href": f"{base}/api/v1/users/{s['userId']}", "hints": {"allow": ["GET"]}},
    }
    return d


def _get(store, sid: str) -> dict:
    s = live(store, sid)
    if s is None:
        raise not_found(sid, "Session")
    return s


def get_session(req, store):
    return ok(render(store, _get(store, req.params["sessionId"]), req.base))


def revoke_session(req, store):
    s = _get(store, req.params["sessionId"])
    del store.sessions[s["id"]]
    u = store.users.get(s["userId"])
    if u is not None:
        u.sessions = max(0, u.sessions - 1)
        store.emit("user.session.clear", [store.user_target(u)], req, message=f"Clear user session {s['id']}")
    return no_content()


def register(r) -> None:
    r.add("GET", "/api/v1/sessions/{sessionId}", get_session)
    r.add("DELETE", "/api/v1/sessions/{sessionId}", revoke_session)
