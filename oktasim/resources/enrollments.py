"""Authenticator enrollments (Identity Engine): ``GET /api/v1/users/{userId}/authenticator-enrollments``
and ``GET``/``DELETE …/{enrollmentId}``.

Why: Identity Engine shows a user's authenticators (Okta Verify, FastPass, phone, email, WebAuthn)
here; the Factors API misses the ones that are not factors, such as an Okta Verify (FastPass)
enrollment on an attacker's laptop.  A factor *is* an enrollment with the same id (the recorded
ids share the factor prefixes), so the list is the user's factors seen as authenticators plus
the org's other enrollments, and deleting a factor-backed one unenrolls the factor.  A phone
number is masked unless ``discloseIdentifiers=phone``.  Only phone enrollments carry a
``profile`` (the spec's AuthenticatorProfile requires ``phoneNumber``).  A Classic Engine org
refuses (E0000015).
"""

import hashlib

from .. import features
from ..errors import OktaError, not_found
from ..web import no_content, ok
from . import users as users_mod

# (factorType, provider) -> (type, key, name)
FROM_FACTOR = {
    ("push", "OKTA"): ("app", "okta_verify", "Okta Verify"),
    ("token:software:totp", "OKTA"): ("app", "okta_verify", "Okta Verify"),
    ("token:software:totp", "GOOGLE"): ("app", "google_otp", "Google Authenticator"),
    ("sms", "OKTA"): ("phone", "phone_number", "Phone"),
    ("call", "OKTA"): ("phone", "phone_number", "Phone"),
    ("email", "OKTA"): ("email", "okta_email", "Email"),
    ("question", "OKTA"): ("security_question", "security_question", "Security Question"),
}
# key -> (type, name) for enrollments that are not factors
KEYS = {
    "okta_verify": ("app", "Okta Verify"),
    "webauthn": ("security_key", "Security Key or Biometric"),
    "okta_email": ("email", "Email"),
    "phone_number": ("phone", "Phone"),
}


def new_enrollment(
    store,
    u,
    key: str,
    created: str | None = None,
    eid: str | None = None,
    nickname: str | None = None,
    phone: str | None = None,
) -> dict:
    if key not in KEYS:
        raise ValueError(f"authenticator key: one of {', '.join(sorted(KEYS))}")
    at = created or store.now()
    kind, name = KEYS[key]
    e = {
        "id": eid or store.ids.new({"webauthn": "fwf", "okta_verify": "pfd"}.get(key, "aen")),
        "type": kind,
        "key": key,
        "name": name,
        "status": "ACTIVE",
        "created": at,
        "lastUpdated": at,
        "nickname": nickname,
    }
    if phone:
        e["phoneNumber"] = phone
    store.enrollments.setdefault(u.id, {})[e["id"]] = e
    return e


def _of_factor(f: dict) -> dict | None:
    found = FROM_FACTOR.get((f["factorType"], f["provider"]))
    if found is None:
        return None
    kind, key, name = found
    e = {
        "id": f["id"],
        "type": kind,
        "key": key,
        "name": name,
        "status": f["status"],
        "created": f["created"],
        "lastUpdated": f["lastUpdated"],
        "nickname": None,
    }
    if kind == "phone":
        e["phoneNumber"] = f["profile"].get("phoneNumber")
    return e


def _all(store, uid: str) -> list:
    from_factors = [e for e in map(_of_factor, store.factors.get(uid, {}).values()) if e is not None]
    return from_factors + list(store.enrollments.get(uid, {}).values())


def _mask(number: str) -> str:
    digits = "".join(c for c in number if c.isdigit())
    return f"+{digits[:-10] or '1'} XXX-XXX-{digits[-4:]}"


def _authenticator_id(key: str) -> str:
    return "aut" + hashlib.sha1(key.encode()).hexdigest()[:14] + "1d7"


def render(e: dict, uid: str, base: str, disclose: bool) -> dict:
    href = f"{base}/api/v1/users/{uid}/authenticator-enrollments/{e['id']}"
    d = {k: e[k] for k in ("type", "id", "key", "status", "name", "created", "lastUpdated")}
    if e.get("phoneNumber"):
        d["profile"] = {"phoneNumber": e["phoneNumber"] if disclose else _mask(e["phoneNumber"])}
    d["nickname"] = e["nickname"]
    d["_links"] = {
        "self": {"href": href, "hints": {"allow": ["GET", "DELETE"]}},
        "user": {"href": f"{base}/api/v1/users/{uid}", "hints": {"allow": ["GET"]}},
        "authenticator": {
            "href": f"{base}/api/v1/authenticators/{_authenticator_id(e['key'])}",
            "hints": {"allow": ["GET"]},
        },
    }
    return d


def _disclose(req) -> bool:
    values = {v for k, v in req.query_pairs if k == "discloseIdentifiers" for v in v.split(",") if v}
    if values - {"phone"}:
        raise OktaError(
            "E0000001", "discloseIdentifiers", causes=["discloseIdentifiers: the only valid value is phone"]
        )
    return "phone" in values


def _user(req, store):
    features.require(store, "identity_engine")
    return users_mod.get_user(store, req.params["userId"])


def _get(store, uid: str, eid: str) -> dict:
    for e in _all(store, uid):
        if e["id"] == eid:
            return e
    raise not_found(eid, "AuthenticatorEnrollment")


def list_enrollments(req, store):
    u = _user(req, store)
    disclose = _disclose(req)
    return ok([render(e, u.id, req.base, disclose) for e in _all(store, u.id)])


def get_enrollment(req, store):
    u = _user(req, store)
    return ok(render(_get(store, u.id, req.params["enrollmentId"]), u.id, req.base, _disclose(req)))


def delete_enrollment(req, store):
    u = _user(req, store)
    e = _get(store, u.id, req.params["enrollmentId"])
    if e["id"] in store.factors.get(u.id, {}):
        del store.factors[u.id][e["id"]]
    else:
        del store.enrollments[u.id][e["id"]]
    store.emit(
        "user.mfa.factor.deactivate", [store.user_target(u)], req, message=f"Reset factor for user ({e['name']})"
    )
    return no_content()


def register(r) -> None:
    r.add("GET", "/api/v1/users/{userId}/authenticator-enrollments", list_enrollments)
    r.add("GET", "/api/v1/users/{userId}/authenticator-enrollments/{enrollmentId}", get_enrollment)
    r.add("DELETE", "/api/v1/users/{userId}/authenticator-enrollments/{enrollmentId}", delete_enrollment)
