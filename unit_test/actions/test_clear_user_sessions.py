"""Clear User Sessions: DELETE /users/{id}/sessions; forgetDevices is sent only when given."""

from urllib.parse import parse_qsl, urlsplit

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
SESSIONS = API + "/users/00u1/sessions"


def requests_made(okta):
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def test_clearing_sends_oauth_tokens_false_and_leaves_forget_devices_to_okta(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(SESSIONS, status_code=204)

    result = run_action("clear_user_sessions", {"user": EMAIL})

    assert result.output == {"success": True}
    assert requests_made(okta)[1:] == [("DELETE", "/api/v1/users/00u1/sessions", {"oauthTokens": "false"})]


def test_both_flags_are_sent_when_given(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(SESSIONS, status_code=204)

    result = run_action("clear_user_sessions", {"user": EMAIL, "oauth_tokens": True, "forget_devices": False})

    assert result.output == {"success": True}
    assert requests_made(okta)[1][2] == {"oauthTokens": "true", "forgetDevices": "false"}


def test_a_user_without_sessions_is_a_success(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="SUSPENDED", user_id="00u1"))
    okta.delete(SESSIONS, status_code=204)  # Okta answers the same whether or not there were sessions

    result = run_action("clear_user_sessions", {"user": EMAIL, "forget_devices": True})

    assert result.ok and result.output == {"success": True}
    assert "Cleared the sessions of user 00u1" in result.body["log"]


def test_an_unknown_user_gives_success_false_with_a_message(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("clear_user_sessions", {"user": EMAIL})

    assert result.ok
    assert result.output == {"success": False, "message": "No Okta user matches user@example.com."}
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_refusal_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(
        SESSIONS,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("clear_user_sessions", {"user": EMAIL})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_a_non_boolean_flag_reaches_no_endpoint(run_action, okta):
    result = run_action("clear_user_sessions", {"user": EMAIL, "forget_devices": "no"})

    assert not result.ok
    assert not okta.called
