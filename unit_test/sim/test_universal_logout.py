"""Universal Logout (POST /oauth2/v1/global-token-revocation): who it signs out, what it
revokes, what it leaves, and how it refuses."""

import pytest
import requests

from oktasim import scopes

from .oauth_client import bearer

PATH = "/oauth2/v1/global-token-revocation"


def revoke(api, sub_id):
    return api.post(PATH, json={"sub_id": sub_id})


def test_opaque_sub_id_signs_the_user_out_and_revokes_their_tokens(api, sim, demo):
    assert revoke(api, {"format": "opaque", "id": demo.JANE_ID}).status_code == 204
    assert api.get(f"/api/v1/sessions/{demo.JANE_ATTACKER_SESSION_ID}").status_code == 404
    assert api.get(f"/api/v1/users/{demo.JANE_ID}/clients/{demo.MAIL_SYNC_APP_ID}/tokens").json() == []
    assert sim.store.users[demo.JANE_ID].sessions == 0


def test_the_api_tokens_the_user_owns_are_revoked_and_the_others_kept(api, demo):
    revoke(api, {"format": "opaque", "id": demo.JANE_ID})
    assert api.get(f"/api/v1/api-tokens/{demo.ROGUE_API_TOKEN_ID}").status_code == 404
    assert api.get(f"/api/v1/api-tokens/{demo.SIEM_API_TOKEN_ID}").status_code == 200


def test_consents_devices_and_other_users_are_left_alone(api, demo):
    revoke(api, {"format": "opaque", "id": demo.JANE_ID})
    assert len(api.get(f"/api/v1/users/{demo.JANE_ID}/grants").json()) > 0
    assert len(api.get(f"/api/v1/users/{demo.JANE_ID}/devices").json()) == 3
    assert api.get(f"/api/v1/sessions/{demo.JOHN_SESSION_ID}").status_code == 200


def test_it_is_logged_as_universal_logout_scheduled(api, sim, demo):
    revoke(api, {"format": "opaque", "id": demo.JANE_ID})
    event = sim.store.logs[-1]
    assert event["eventType"] == "user.authentication.universal_logout.scheduled"
    assert event["target"][0]["id"] == demo.JANE_ID


def test_iss_sub_names_the_user_by_login(api, demo):
    assert (
        revoke(api, {"format": "iss_sub", "iss": "https://idp.example.com", "sub": demo.JANE_LOGIN}).status_code == 204
    )
    assert api.get(f"/api/v1/sessions/{demo.JANE_LAPTOP_SESSION_ID}").status_code == 404


@pytest.mark.parametrize(
    "sub_id",
    [
        None,
        "00udemoJaneDoe0001d7",
        {"format": "email", "email": "jane.doe@example.com"},
        {"format": "opaque"},
        {"format": "opaque", "id": "00uNoSuchUser"},
        {"format": "iss_sub", "sub": "jane"},
    ],
)
def test_a_bad_sub_id_is_400_invalid_request_and_revokes_nothing(api, demo, sub_id):
    r = revoke(api, sub_id)
    assert (r.status_code, r.json()["error"]) == (400, "invalid_request")
    assert api.get(f"/api/v1/sessions/{demo.JANE_ATTACKER_SESSION_ID}").status_code == 200


def test_without_itp_it_is_403_E0000015_and_revokes_nothing(api, sim, demo):
    sim.control("POST", "/features", json={"itp": False})
    r = revoke(api, {"format": "opaque", "id": demo.JANE_ID})
    assert (r.status_code, r.json()["errorCode"]) == (403, "E0000015")
    assert api.get(f"/api/v1/sessions/{demo.JANE_ATTACKER_SESSION_ID}").status_code == 200


def test_an_unauthenticated_call_is_refused(sim, demo):
    r = requests.post(sim.url + PATH, json={"sub_id": {"format": "opaque", "id": demo.JANE_ID}}, timeout=10)
    assert (r.status_code, r.json()["errorCode"]) == (403, "E0000005")


def test_it_needs_the_universal_logout_scope():
    assert scopes.required("POST", PATH) == "okta.universalLogout.manage"


@pytest.mark.parametrize(("granted", "status"), [(["okta.universalLogout.manage"], 204), (["okta.users.manage"], 403)])
def test_an_oauth_caller_needs_the_scope(sim, demo, granted, status):
    headers = bearer(sim, granted)
    r = requests.post(
        sim.url + PATH, json={"sub_id": {"format": "opaque", "id": demo.JANE_ID}}, headers=headers, timeout=10
    )
    assert r.status_code == status
