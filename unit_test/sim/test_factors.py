"""Factors and push verification driven by behaviours, the clock and the control API."""

import pytest


def push(api, uid, fid, **params):
    r = api.post(f"/api/v1/users/{uid}/factors/{fid}/verify", params=params, headers={"User-Agent": "test"})
    return r


def poll(api, r):
    return api.get(r.json()["_links"]["poll"]["href"]).json()


def factor_id(api, uid, ftype="push"):
    return [f["id"] for f in api.get(f"/api/v1/users/{uid}/factors").json() if f["factorType"] == ftype][0]


def test_jane_has_push_sms_and_totp(api, demo):
    types = {f["factorType"] for f in api.get(f"/api/v1/users/{demo.JANE_ID}/factors").json()}
    assert types == {"push", "sms", "token:software:totp"}


def test_factor_shape(api, demo):
    f = api.get(f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_PUSH_FACTOR_ID}").json()
    assert {
        "id",
        "factorType",
        "provider",
        "vendorName",
        "status",
        "created",
        "lastUpdated",
        "profile",
        "_links",
    } <= set(f)
    assert f["id"].startswith("opf") and f["provider"] == "OKTA"


def test_push_verify_returns_201_waiting_with_poll_and_cancel(api, demo):
    r = push(api, demo.JANE_ID, demo.JANE_PUSH_FACTOR_ID)
    assert r.status_code == 201 and r.json()["factorResult"] == "WAITING"
    assert r.json()["_links"]["poll"]["hints"]["allow"] == ["GET"]
    assert r.json()["_links"]["cancel"]["hints"]["allow"] == ["DELETE"]


def test_jane_push_is_rejected(api, demo):
    body = poll(api, push(api, demo.JANE_ID, demo.JANE_PUSH_FACTOR_ID))
    assert body["factorResult"] == "REJECTED" and "verify" in body["_links"]


def test_rejection_is_logged_as_deny_push(api, sim, demo):
    poll(api, push(api, demo.JANE_ID, demo.JANE_PUSH_FACTOR_ID))
    assert sim.store.logs[-1]["eventType"] == "user.mfa.okta_verify.deny_push"


def test_approve_after_two_polls(api, demo):
    r = push(api, demo.JOHN_ID, demo.JOHN_PUSH_FACTOR_ID)
    assert poll(api, r)["factorResult"] == "WAITING"
    assert poll(api, r) == {"factorResult": "SUCCESS"}


def test_timeout_behaviour_expires_with_the_clock(api, sim, demo):
    uid = api.get(f"/api/v1/users/{demo.TIMEOUT_USER_LOGIN}").json()["id"]
    r = push(api, uid, factor_id(api, uid))
    assert poll(api, r)["factorResult"] == "WAITING"
    sim.control("POST", "/clock", json={"advance": 301})
    assert poll(api, r)["factorResult"] == "TIMEOUT"


def test_token_lifetime_controls_expiry(api, sim, demo):
    uid = api.get(f"/api/v1/users/{demo.MANUAL_USER_LOGIN}").json()["id"]
    r = push(api, uid, factor_id(api, uid), tokenLifetimeSeconds=30)
    sim.control("POST", "/clock", json={"advance": 31})
    assert poll(api, r)["factorResult"] == "TIMEOUT"


@pytest.mark.parametrize("result", ["SUCCESS", "REJECTED", "TIMEOUT"])
def test_manual_push_is_decided_by_control_api(api, sim, demo, result):
    uid = api.get(f"/api/v1/users/{demo.MANUAL_USER_LOGIN}").json()["id"]
    r = push(api, uid, factor_id(api, uid))
    txid = r.json()["_links"]["poll"]["href"].rsplit("/", 1)[1]
    assert poll(api, r)["factorResult"] == "WAITING"
    sim.control("POST", f"/push/{txid}", json={"result": result})
    assert poll(api, r)["factorResult"] == result


def test_number_matching_adds_challenge(api, demo):
    r = api.post(
        f"/api/v1/users/{demo.JOHN_ID}/factors/{demo.JOHN_PUSH_FACTOR_ID}/verify",
        json={"useNumberMatchingChallenge": True},
    )
    assert 10 <= r.json()["_embedded"]["challenge"]["correctAnswer"] <= 99


def test_totp_passcode_right_and_wrong(api, demo):
    url = f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_TOTP_FACTOR_ID}/verify"
    assert api.post(url, json={"passCode": demo.JANE_TOTP_PASSCODE}).json() == {"factorResult": "SUCCESS"}
    r = api.post(url, json={"passCode": "000000"})
    assert (r.status_code, r.json()["errorCode"]) == (403, "E0000068")


def test_sms_verify_without_code_is_challenge(api, demo):
    r = api.post(f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_SMS_FACTOR_ID}/verify")
    assert r.status_code == 200 and r.json()["factorResult"] == "CHALLENGE"


def test_unenroll_factor(api, demo):
    assert api.delete(f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_SMS_FACTOR_ID}").status_code == 204
    assert api.get(f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_SMS_FACTOR_ID}").status_code == 404


def test_unenroll_on_deactivated_user_is_refused(api, demo):
    api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/deactivate")
    r = api.delete(f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_SMS_FACTOR_ID}")
    assert r.status_code == 403


def test_unknown_transaction_is_404(api, demo):
    r = api.get(f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_PUSH_FACTOR_ID}/transactions/v2mnope")
    assert r.status_code == 404
