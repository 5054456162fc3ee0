"""Authenticator enrollments (Identity Engine): the user's factors seen as authenticators plus the
ones that are not factors; phone numbers masked unless disclosed; delete."""

import pytest


def err(r):
    return r.status_code, r.json()["errorCode"]


def url(demo, eid=""):
    return f"/api/v1/users/{demo.JANE_ID}/authenticator-enrollments" + (f"/{eid}" if eid else "")


def by_id(api, demo, **params):
    return {e["id"]: e for e in api.get(url(demo), params=params).json()}


def test_the_list_holds_factors_and_the_other_authenticators(api, demo):
    found = by_id(api, demo)
    assert set(found) == {
        demo.JANE_PUSH_FACTOR_ID,
        demo.JANE_SMS_FACTOR_ID,
        demo.JANE_TOTP_FACTOR_ID,
        demo.ATTACKER_OV_ENROLLMENT_ID,
        demo.JANE_WEBAUTHN_ENROLLMENT_ID,
    }
    assert (found[demo.JANE_PUSH_FACTOR_ID]["type"], found[demo.JANE_PUSH_FACTOR_ID]["key"]) == ("app", "okta_verify")
    assert (found[demo.JANE_WEBAUTHN_ENROLLMENT_ID]["type"], found[demo.JANE_WEBAUTHN_ENROLLMENT_ID]["nickname"]) == (
        "security_key",
        "YubiKey 5C",
    )


def test_a_phone_number_is_masked(api, demo):
    assert by_id(api, demo)[demo.JANE_SMS_FACTOR_ID]["profile"] == {"phoneNumber": "+1 XXX-XXX-0001"}


def test_disclose_identifiers_phone_shows_the_number(api, demo):
    e = api.get(url(demo, demo.JANE_SMS_FACTOR_ID), params={"discloseIdentifiers": "phone"}).json()
    assert e["profile"] == {"phoneNumber": "+15550100001"}


def test_only_phone_enrollments_carry_a_profile(api, demo):
    assert {e["type"] for e in by_id(api, demo).values() if "profile" in e} == {"phone"}


def test_an_unknown_disclose_identifier_is_400(api, demo):
    assert err(api.get(url(demo), params={"discloseIdentifiers": "email"})) == (400, "E0000001")


@pytest.mark.parametrize("method", ["get", "delete"])
def test_an_unknown_enrollment_is_404_E0000007(api, demo, method):
    assert err(getattr(api, method)(url(demo, "pfdNoSuchOne"))) == (404, "E0000007")


def test_deleting_a_factor_backed_enrollment_unenrolls_the_factor(api, sim, demo):
    assert api.delete(url(demo, demo.JANE_PUSH_FACTOR_ID)).status_code == 204
    assert api.get(f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_PUSH_FACTOR_ID}").status_code == 404
    assert sim.store.logs[-1]["eventType"] == "user.mfa.factor.deactivate"


def test_deleting_an_enrollment_that_is_not_a_factor_leaves_the_factors(api, demo):
    before = api.get(f"/api/v1/users/{demo.JANE_ID}/factors").json()
    assert api.delete(url(demo, demo.ATTACKER_OV_ENROLLMENT_ID)).status_code == 204
    assert demo.ATTACKER_OV_ENROLLMENT_ID not in by_id(api, demo)
    assert api.get(f"/api/v1/users/{demo.JANE_ID}/factors").json() == before


def test_unenrolling_a_factor_removes_its_enrollment(api, demo):
    api.delete(f"/api/v1/users/{demo.JANE_ID}/factors/{demo.JANE_SMS_FACTOR_ID}")
    assert demo.JANE_SMS_FACTOR_ID not in by_id(api, demo)
