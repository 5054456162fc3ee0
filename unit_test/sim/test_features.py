"""Org features: a Classic Engine org refuses the Identity Engine operations, an org without ITP
the risk and Universal Logout ones, with Okta's feature-not-enabled error (E0000015); the control
API switches them and a reset restores the org's."""

import urllib.error

import pytest

from oktasim.orgs import demo as org

J = org.JANE_ID
IDENTITY_ENGINE_ONLY = [
    ("GET", "/api/v1/devices"),
    ("GET", f"/api/v1/devices/{org.ATTACKER_DEVICE_ID}"),
    ("DELETE", f"/api/v1/devices/{org.RETIRED_DEVICE_ID}"),
    *(
        ("POST", f"/api/v1/devices/{org.ATTACKER_DEVICE_ID}/lifecycle/{a}")
        for a in ("activate", "deactivate", "suspend", "unsuspend")
    ),
    ("GET", f"/api/v1/users/{J}/devices"),
    ("GET", f"/api/v1/users/{J}/authenticator-enrollments"),
    ("GET", f"/api/v1/users/{J}/authenticator-enrollments/{org.JANE_SMS_FACTOR_ID}"),
    ("DELETE", f"/api/v1/users/{J}/authenticator-enrollments/{org.JANE_SMS_FACTOR_ID}"),
]
ITP_ONLY = [("GET", f"/api/v1/users/{J}/risk"), ("PUT", f"/api/v1/users/{J}/risk")]


def status(sim, path, body=None):
    try:
        sim.control("POST", path, json=body)
    except urllib.error.HTTPError as exc:
        return exc.code
    return 200


def test_the_demo_org_has_identity_engine_and_itp(sim):
    assert sim.control("GET", "/features") == {"identity_engine": True, "itp": True}


def test_an_org_that_does_not_say_has_identity_engine_without_itp(sim):
    sim.control("POST", "/org", json={"org": "empty"})
    assert sim.control("GET", "/features") == {"identity_engine": True, "itp": False}


@pytest.mark.parametrize(("method", "path"), IDENTITY_ENGINE_ONLY)
def test_a_classic_engine_org_refuses_with_E0000015(api, sim, method, path):
    sim.control("POST", "/features", json={"identity_engine": False})
    r = api.s.request(method, api.url(path))
    assert (r.status_code, r.json()["errorCode"]) == (401, "E0000015")
    assert "Identity Engine" in r.json()["errorCauses"][0]["errorSummary"]


@pytest.mark.parametrize(("method", "path"), ITP_ONLY)
def test_an_org_without_itp_refuses_risk_with_E0000015(api, sim, method, path):
    sim.control("POST", "/features", json={"itp": False})
    r = api.s.request(method, api.url(path), json={"riskLevel": "HIGH"})
    assert (r.status_code, r.json()["errorCode"]) == (401, "E0000015")
    assert "Identity Threat Protection" in r.json()["errorCauses"][0]["errorSummary"]


def test_a_refused_change_changes_nothing(api, sim):
    sim.control("POST", "/features", json={"identity_engine": False})
    api.post(f"/api/v1/devices/{org.ATTACKER_DEVICE_ID}/lifecycle/deactivate")
    sim.control("POST", "/features", json={"identity_engine": True})
    assert api.get(f"/api/v1/devices/{org.ATTACKER_DEVICE_ID}").json()["status"] == "ACTIVE"


@pytest.mark.parametrize("body", [{"fastpass": True}, {"itp": "yes"}, ["itp"]])
def test_an_unknown_feature_or_a_non_boolean_is_400(sim, body):
    assert status(sim, "/features", body) == 400
    assert sim.control("GET", "/features") == {"identity_engine": True, "itp": True}


def test_a_reset_restores_the_orgs_features(sim):
    sim.control("POST", "/features", json={"itp": False, "identity_engine": False})
    sim.control("POST", "/reset")
    assert sim.control("GET", "/features") == {"identity_engine": True, "itp": True}


def test_operations_outside_identity_engine_work_in_a_classic_org(api, sim):
    sim.control("POST", "/features", json={"identity_engine": False})
    assert api.get(f"/api/v1/users/{J}/factors").status_code == 200
    assert api.get(f"/api/v1/users/{J}/grants").status_code == 200
