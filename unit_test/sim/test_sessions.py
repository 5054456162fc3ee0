"""Sessions: one session by id (the System Log's externalSessionId), and every way a user's
sessions end keeps the session records and the user's count in step."""

import pytest


def err(r):
    return r.status_code, r.json()["errorCode"]


def session(api, sid):
    return api.get(f"/api/v1/sessions/{sid}")


def test_the_attackers_session_is_the_one_the_system_log_names(api, demo):
    event = api.get("/api/v1/logs", params={"q": "unusual " + demo.ATTACKER_IP}).json()[0]
    sid = event["authenticationContext"]["externalSessionId"]
    assert sid == demo.JANE_ATTACKER_SESSION_ID
    assert session(api, sid).json()["userId"] == demo.JANE_ID


def test_a_session_carries_user_times_amr_and_links(api, demo):
    body = session(api, demo.JANE_LAPTOP_SESSION_ID).json()
    assert (body["login"], body["status"], body["amr"]) == (demo.JANE_LOGIN, "ACTIVE", ["pwd", "mfa", "swk"])
    assert body["createdAt"] < body["expiresAt"] and "lastFactorVerification" in body
    assert body["_links"]["self"]["hints"]["allow"] == ["GET", "DELETE"]


@pytest.mark.parametrize("method", ["get", "delete"])
def test_an_unknown_session_is_404_E0000007(api, method):
    assert err(getattr(api, method)("/api/v1/sessions/102nope")) == (404, "E0000007")


def test_revoking_a_session_ends_only_that_one(api, sim, demo):
    assert api.delete(f"/api/v1/sessions/{demo.JANE_ATTACKER_SESSION_ID}").status_code == 204
    assert session(api, demo.JANE_ATTACKER_SESSION_ID).status_code == 404
    assert session(api, demo.JANE_LAPTOP_SESSION_ID).status_code == 200
    assert sim.store.users[demo.JANE_ID].sessions == 1


def test_revoking_a_session_is_logged_as_a_session_clear_of_its_user(api, sim, demo):
    api.delete(f"/api/v1/sessions/{demo.JANE_ATTACKER_SESSION_ID}")
    event = sim.store.logs[-1]
    assert event["eventType"] == "user.session.clear" and event["target"][0]["id"] == demo.JANE_ID


def test_a_session_expires_with_the_sim_clock(api, sim, demo):
    sim.control("POST", "/clock", json={"advance": 2 * 3600})
    assert session(api, demo.JANE_LAPTOP_SESSION_ID).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/users/{id}/sessions",
        "/api/v1/users/{id}/lifecycle/suspend",
        "/api/v1/users/{id}/lifecycle/deactivate",
        "/api/v1/users/{id}/lifecycle/reset_password?sendEmail=false&revokeSessions=true",
        "/api/v1/users/{id}/lifecycle/expire_password_with_temp_password?revokeSessions=true",
    ],
)
def test_every_way_a_users_sessions_end_removes_their_session_records(api, sim, demo, path):
    method = api.delete if path.endswith("/sessions") else api.post
    assert method(path.format(id=demo.JANE_ID)).status_code in (200, 204)
    assert [session(api, s).status_code for s in (demo.JANE_ATTACKER_SESSION_ID, demo.JANE_LAPTOP_SESSION_ID)] == [
        404,
        404,
    ]
    assert sim.store.users[demo.JANE_ID].sessions == 0


def test_clearing_another_users_sessions_leaves_janes(api, demo):
    api.delete(f"/api/v1/users/{demo.JOHN_ID}/sessions")
    assert session(api, demo.JOHN_SESSION_ID).status_code == 404
    assert session(api, demo.JANE_LAPTOP_SESSION_ID).status_code == 200


@pytest.mark.parametrize(("oauth_tokens", "left"), [("true", 0), ("false", 2)])
def test_clearing_sessions_revokes_refresh_tokens_only_with_oauth_tokens(api, demo, oauth_tokens, left):
    api.delete(f"/api/v1/users/{demo.JANE_ID}/sessions", params={"oauthTokens": oauth_tokens})
    tokens = [
        t
        for c in (demo.MAIL_SYNC_APP_ID, demo.GITHUB_APP_ID)
        for t in api.get(f"/api/v1/users/{demo.JANE_ID}/clients/{c}/tokens").json()
    ]
    assert len(tokens) == left


def test_a_simulated_sign_in_starts_a_session_its_event_names(api, sim, demo):
    event = sim.control("POST", f"/__sim/users/{demo.JOHN_ID}/login", json={"ip": "198.51.100.9"})
    sid = event["authenticationContext"]["externalSessionId"]
    assert session(api, sid).json()["userId"] == demo.JOHN_ID
    assert sim.store.users[demo.JOHN_ID].sessions == 2
