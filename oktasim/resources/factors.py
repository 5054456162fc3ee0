"""Factors and push verification: list/get/unenroll, verify, poll transactions.

Why: "push MFA and wait for the verdict" is a SOAR favourite.  A push verify
returns 201 WAITING with a poll link; the transaction then moves to SUCCESS,
REJECTED or TIMEOUT by the factor's behaviour from the org file (approve or
reject after N polls, never answer, or wait for the control API) or when its
lifetime passes on the sim clock (api_facts §9).  With number matching
(``useNumberMatchingChallenge``) the user must tap the ``correctAnswer``: ``pick`` (behaviour
``pick_after`` with a ``number``, or the control API) approves the right number and rejects a
wrong one, so a test can play both.
"""

import random

from ..clock import iso, parse_iso
from ..errors import OktaError, not_found
from ..web import no_content, ok
from . import users as users_mod

TYPE_KIND = {
    "push": "push",
    "sms": "sms",
    "call": "call",
    "email": "email",
    "question": "question",
    "token:software:totp": "totp",
}
DEFAULT_PASSCODE = "123456"
DEFAULT_PUSH = {"behaviour": "approve_after", "polls": 2}


def new_factor(
    store, user, ftype: str, provider: str = "OKTA", profile=None, behaviour=None, status: str = "ACTIVE", created=None
) -> dict:
    now = created or store.now()
    kind = TYPE_KIND.get(ftype, "totp")
    if ftype == "token:software:totp" and provider == "GOOGLE":
        kind = "google"
    if profile is None:
        if ftype == "push":
            profile = {
                "credentialId": user.login,
                "deviceType": "SmartPhone_IPhone",
                "keys": [],
                "name": "iPhone",
                "platform": "IOS",
                "version": "17.2",
            }
        elif ftype in ("sms", "call"):
            profile = {"phoneNumber": user.profile.get("mobilePhone") or "+15555550100"}
        elif ftype == "email":
            profile = {"email": user.profile.get("email")}
        elif ftype == "question":
            profile = {"question": "disliked_food", "questionText": "What is the food you least liked as a child?"}
        else:
            profile = {"credentialId": user.login}
    f = {
        "id": store.ids.new(kind),
        "factorType": ftype,
        "provider": provider,
        "vendorName": provider,
        "status": status,
        "created": now,
        "lastUpdated": now,
        "profile": profile,
    }
    if behaviour:
        f["_behaviour"] = dict(behaviour)
    return f


def render(f: dict, base: str, uid: str) -> dict:
    d = {k: v for k, v in f.items() if not k.startswith("_")}
    href = f"{base}/api/v1/users/{uid}/factors/{f['id']}"
    links = {}
    if f["factorType"] == "question":
        links["questions"] = {"href": f"{base}/api/v1/users/{uid}/factors/questions", "hints": {"allow": ["GET"]}}
    links["self"] = {"href": href, "hints": {"allow": ["GET", "DELETE"]}}
    if f["status"] == "ACTIVE" and f["factorType"] != "question":
        links["verify"] = {"href": f"{href}/verify", "hints": {"allow": ["POST"]}}
    links["user"] = {"href": f"{base}/api/v1/users/{uid}", "hints": {"allow": ["GET"]}}
    d["_links"] = links
    return d


def _get_factor(store, uid, fid) -> dict:
    f = store.factors.get(uid, {}).get(fid)
    if f is None:
        raise not_found(fid, "UserFactor")
    return f


def list_factors(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    return ok([render(f, req.base, u.id) for f in store.factors.get(u.id, {}).values()])


def get_factor(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    return ok(render(_get_factor(store, u.id, req.params["factorId"]), req.base, u.id))


def unenroll(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    f = _get_factor(store, u.id, req.params["factorId"])
    if u.status == "DEPROVISIONED":
        raise OktaError("E0000038")
    del store.factors[u.id][f["id"]]
    if not store.factors[u.id]:
        del store.factors[u.id]
    store.emit(
        "user.mfa.factor.deactivate", [store.user_target(u)], req, message=f"Reset factor for user ({f['factorType']})"
    )
    return no_content()


# ------------------------------------------------------------------ push
def _poll_href(base, tx) -> str:
    return f"{base}/api/v1/users/{tx['user_id']}/factors/{tx['factor_id']}/transactions/{tx['id']}"


def _waiting_body(base, tx, profile: bool = True) -> dict:
    href = _poll_href(base, tx)
    body = {"factorResult": "WAITING"}
    if profile:  # the poll answer carries it; the 201 of verify does not (spec)
        body["profile"] = {"credentialId": tx["credential_id"]}
    body.update(
        {
            "expiresAt": iso(tx["expires"]),
            "_links": {
                "poll": {"href": href, "hints": {"allow": ["GET"]}},
                "cancel": {"href": href, "hints": {"allow": ["DELETE"]}},
            },
        }
    )
    if tx.get("correct_answer") is not None:
        body["_embedded"] = {"challenge": {"correctAnswer": tx["correct_answer"]}}
    return body


def _final_body(base, tx) -> dict:
    if tx["result"] == "SUCCESS":
        return {"factorResult": "SUCCESS"}
    verify = f"{base}/api/v1/users/{tx['user_id']}/factors/{tx['factor_id']}/verify"
    return {
        "factorResult": tx["result"],
        "profile": {"credentialId": tx["credential_id"]},
        "_links": {"verify": {"href": verify, "hints": {"allow": ["POST"]}}},
    }


def settle(store, tx: dict, result: str, req=None) -> None:
    """Move a WAITING transaction to a final result and log it."""
    if tx["result"] != "WAITING":
        return
    tx["result"] = result
    u = store.users.get(tx["user_id"])
    if u is None:
        return
    if result == "SUCCESS":
        store.emit(
            "user.authentication.auth_via_mfa", [store.user_target(u)], req, actor=store.actor({"user_id": u.id})
        )
    elif result == "REJECTED":
        store.emit(
            "user.mfa.okta_verify.deny_push",
            [store.user_target(u)],
            req,
            outcome="FAILURE",
            reason="User rejected Okta push verify",
            severity="WARN",
            actor=store.actor({"user_id": u.id}),
        )
    elif result == "TIMEOUT":
        store.emit(
            "user.authentication.auth_via_mfa",
            [store.user_target(u)],
            req,
            outcome="FAILURE",
            reason="TIMEOUT",
            actor=store.actor({"user_id": u.id}),
        )


def pick(store, tx: dict, number, req=None) -> None:
    """The user taps ``number`` (an int, "correct" or "wrong") in Okta Verify.

    A push without number matching has nothing to match: the tap approves it.
    """
    correct = tx.get("correct_answer")
    if number == "correct":
        number = correct
    elif number == "wrong" and correct is not None:
        number = correct + 1 if correct < 99 else 10
    if tx["result"] == "WAITING":
        tx["picked"] = number
    settle(store, tx, "SUCCESS" if correct is None or number == correct else "REJECTED", req)


def advance(store, tx: dict, poll: bool, req=None) -> None:
    """Apply expiry and the factor's behaviour (one poll counted when ``poll``)."""
    if tx["result"] != "WAITING":
        return
    if store.clock.now() >= tx["expires"]:
        settle(store, tx, "TIMEOUT", req)
        return
    if not poll:
        return
    tx["polls"] += 1
    beh = tx["behaviour"]
    kind = beh.get("behaviour", "approve_after")
    n = int(beh.get("polls", 1))
    if kind in ("approve_after", "approve") and tx["polls"] >= n:
        settle(store, tx, "SUCCESS", req)
    elif kind in ("reject_after", "reject", "deny") and tx["polls"] >= n:
        settle(store, tx, "REJECTED", req)
    elif kind == "pick_after" and tx["polls"] >= n:
        pick(store, tx, beh.get("number", "correct"), req)
    # "timeout" and "manual" stay WAITING until expiry or a control call.


def verify(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    f = _get_factor(store, u.id, req.params["factorId"])
    if u.status in ("DEPROVISIONED", "SUSPENDED", "STAGED"):
        raise OktaError("E0000038")
    if f["status"] != "ACTIVE":
        raise OktaError("E0000001", "factor", causes=["factor: The factor is not active"])
    body = req.json() or {}
    if not isinstance(body, dict):
        raise OktaError("E0000003")
    if f["factorType"] == "push":
        life = req.arg("tokenLifetimeSeconds")
        try:
            life = int(life) if life else 300
        except ValueError:
            raise OktaError("E0000001", "tokenLifetimeSeconds") from None
        if not 1 <= life <= 86400:
            raise OktaError(
                "E0000001", "tokenLifetimeSeconds", causes=["tokenLifetimeSeconds: must be between 1 and 86400"]
            )
        beh = f.get("_behaviour") or store.org.get("push_default") or DEFAULT_PUSH
        now = store.clock.now()
        tx = {
            "id": store.ids.new("transaction"),
            "user_id": u.id,
            "factor_id": f["id"],
            "created": now,
            "expires": now + life,
            "result": "WAITING",
            "polls": 0,
            "behaviour": dict(beh),
            "credential_id": f["profile"].get("credentialId") or u.login,
            "correct_answer": random.Random(f["id"] + repr(now)).randint(10, 99)
            if body.get("useNumberMatchingChallenge")
            else None,
        }
        store.transactions[tx["id"]] = tx
        store.emit("system.push.send_factor_verify_push", [store.user_target(u)], req)
        return ok(_waiting_body(req.base, tx, profile=False), status=201)
    expected = str((f.get("_behaviour") or {}).get("passCode", DEFAULT_PASSCODE))
    if f["factorType"] == "question":
        answer = body.get("answer")
        if answer is None or str(answer).lower() != str((f.get("_behaviour") or {}).get("answer", "pizza")).lower():
            raise OktaError("E0000068")
        return ok({"factorResult": "SUCCESS"})
    code = body.get("passCode")
    if code is None:
        if f["factorType"] in ("sms", "call", "email"):
            href = f"{req.base}/api/v1/users/{u.id}/factors/{f['id']}/verify"
            return ok({"factorResult": "CHALLENGE", "_links": {"verify": {"href": href, "hints": {"allow": ["POST"]}}}})
        raise OktaError("E0000068")
    if str(code) != expected:
        store.emit(
            "user.authentication.auth_via_mfa",
            [store.user_target(u)],
            req,
            outcome="FAILURE",
            reason="INVALID_CREDENTIALS",
        )
        raise OktaError("E0000068")
    store.emit("user.authentication.auth_via_mfa", [store.user_target(u)], req)
    return ok({"factorResult": "SUCCESS"})


def poll(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    tx = store.transactions.get(req.params["transactionId"])
    if tx is None or tx["user_id"] != u.id or tx["factor_id"] != req.params["factorId"]:
        raise not_found(req.params["transactionId"], "Transaction")
    advance(store, tx, poll=True, req=req)
    if tx["result"] == "WAITING":
        return ok(_waiting_body(req.base, tx))
    return ok(_final_body(req.base, tx))


def register(r) -> None:
    r.add("GET", "/api/v1/users/{userId}/factors", list_factors)
    r.add("GET", "/api/v1/users/{userId}/factors/{factorId}", get_factor)
    r.add("DELETE", "/api/v1/users/{userId}/factors/{factorId}", unenroll)
    r.add("POST", "/api/v1/users/{userId}/factors/{factorId}/verify", verify)
    r.add("GET", "/api/v1/users/{userId}/factors/{factorId}/transactions/{transactionId}", poll)


__all__ = ["advance", "new_factor", "parse_iso", "pick", "settle"]
