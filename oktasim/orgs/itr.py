"""The identity-threat parts of an org description: features, API tokens, sessions, devices,
authenticator enrollments, OAuth grants and refresh tokens, user risk.

Why: the demo's compromised user needs a footprint to contain (a session from the attacker's IP,
a consent-phishing grant, a stolen refresh token, an attacker's device and API token), and org
files can describe the same.  Users are named by login, apps (OAuth clients) by label:

    features: {identity_engine: bool, itp: bool}
    api_tokens: [{name, owner, id?, days_ago?, network?}]
    sessions: [{user, id?, ip?, minutes_ago?, amr?: [...], mfa?: bool}]
    devices: [{displayName, platform, id?, status?, days_ago?, profile?: {...},
               users?: [{login, managed?, screenLockType?}], factors?: [factor ids bound to it]}]
    authenticator_enrollments: [{user, key, id?, device?: device id, nickname?, phone?, days_ago?}]
    grants: [{user, client, scope, id?, source?, days_ago?}]
    refresh_tokens: [{user, client, scopes, id?, days_ago?}]
    risk: [{user, level, reason?}]
"""

from .. import features
from ..resources import api_tokens, devices, enrollments, grants, sessions
from ..resources.risk import DEFAULT_REASON

DAY = 86400.0


def load(store, org: dict) -> None:
    features.update(store, org.get("features") or {})
    api_tokens.register_configured(store)
    for td in org.get("api_tokens") or []:
        api_tokens.new_token(
            store,
            td["name"],
            _user(store, td["owner"]).id,
            created=_at(store, td),
            tid=td.get("id"),
            network=td.get("network"),
        )
    for sd in org.get("sessions") or []:
        at = store.clock.now() - float(sd.get("minutes_ago", 5)) * 60
        sessions.start(
            store,
            _user(store, sd["user"]),
            sd.get("ip"),
            created=at,
            sid=sd.get("id"),
            amr=sd.get("amr") or ("pwd",),
            mfa=bool(sd.get("mfa")),
        )
    for dd in org.get("devices") or []:
        _load_device(store, dd)
    for ed in org.get("authenticator_enrollments") or []:
        u = _user(store, ed["user"])
        e = enrollments.new_enrollment(
            store,
            u,
            ed["key"],
            created=_iso(store, ed),
            eid=ed.get("id"),
            nickname=ed.get("nickname"),
            phone=ed.get("phone"),
        )
        if ed.get("device"):
            store.devices[ed["device"]]["enrollments"].append((u.id, e["id"]))
    for gd in org.get("grants") or []:
        grants.new_grant(
            store,
            _user(store, gd["user"]),
            _app(store, gd["client"]),
            gd["scope"],
            source=gd.get("source", "END_USER"),
            created=_iso(store, gd),
            gid=gd.get("id"),
        )
    for td in org.get("refresh_tokens") or []:
        grants.new_refresh_token(
            store,
            _user(store, td["user"]),
            _app(store, td["client"]),
            td["scopes"],
            created=_at(store, td),
            tid=td.get("id"),
        )
    for rd in org.get("risk") or []:
        u = _user(store, rd["user"])
        store.risks[u.id] = {
            "userId": u.id,
            "riskLevel": rd["level"],
            "reason": rd.get("reason") or DEFAULT_REASON,
            "lastUpdated": store.now(),
        }


def _load_device(store, dd: dict) -> None:
    profile = {"displayName": dd["displayName"], "platform": dd["platform"], **(dd.get("profile") or {})}
    d = devices.new_device(store, profile, status=dd.get("status", "ACTIVE"), created=_iso(store, dd), did=dd.get("id"))
    for link in dd.get("users") or []:
        link = link if isinstance(link, dict) else {"login": link}
        devices.link_user(
            store,
            d,
            _user(store, link["login"]),
            created=d["created"],
            managed=bool(link.get("managed")),
            screen_lock=link.get("screenLockType", "BIOMETRIC"),
        )
    for fid in dd.get("factors") or []:
        owner = next(uid for uid, fs in store.factors.items() if fid in fs)
        d["factors"].append((owner, fid))


def _user(store, login: str):
    u = store.find_user(login)
    if u is None:
        raise KeyError(f"no user {login}")
    return u


def _app(store, label: str) -> dict:
    for a in store.apps.values():
        if a["label"] == label or a["id"] == label:
            return a
    raise KeyError(f"no app {label}")


def _at(store, d: dict) -> float:
    return store.clock.now() - float(d.get("days_ago", 30)) * DAY


def _iso(store, d: dict) -> str:
    return store.clock.iso(_at(store, d))
