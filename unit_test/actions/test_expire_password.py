"""Expire Password, what only it specifies: plain expiry, or expiry with a temporary password that
appears only in its output. What it shares with Reset and Set Password is in test_password_changes.py."""

from urllib.parse import parse_qsl, urlsplit

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
EXPIRE = API + "/users/00u1/lifecycle/expire_password"
EXPIRE_TEMP = API + "/users/00u1/lifecycle/expire_password_with_temp_password"
TEMP = "F8Xb3kQzTemp"


def requests_made(okta):
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def test_expiring_posts_expire_password_without_parameters(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(EXPIRE, json=factories.user(EMAIL, status="PASSWORD_EXPIRED", user_id="00u1"))

    result = run_action("expire_password", {"user": EMAIL})

    assert result.output == {"success": True}
    assert requests_made(okta)[1:] == [("POST", "/api/v1/users/00u1/lifecycle/expire_password", {})]


def test_a_temporary_password_is_returned_only_in_its_output(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(EXPIRE_TEMP, json={"tempPassword": TEMP})

    result = run_action("expire_password", {"user": EMAIL, "temp_password": True, "revoke_sessions": True})

    assert result.output == {"success": True, "temp_password": TEMP}
    assert requests_made(okta)[1:] == [
        ("POST", "/api/v1/users/00u1/lifecycle/expire_password_with_temp_password", {"revokeSessions": "true"})
    ]
    assert TEMP not in result.body["log"] and TEMP not in result.stderr


def test_an_already_expired_password_needs_no_expire_request(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="PASSWORD_EXPIRED", user_id="00u1"))

    result = run_action("expire_password", {"user": EMAIL})

    assert result.output == {"success": True}
    assert okta.call_count == 1
    assert "already password-expired" in result.body["log"]


def test_an_already_expired_password_still_gets_a_temporary_password_when_asked(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="PASSWORD_EXPIRED", user_id="00u1"))
    okta.post(EXPIRE_TEMP, json={"tempPassword": TEMP})

    result = run_action("expire_password", {"user": EMAIL, "temp_password": True})

    assert result.output == {"success": True, "temp_password": TEMP}
    assert requests_made(okta)[1][2] == {"revokeSessions": "false"}


def test_a_non_boolean_flag_reaches_no_endpoint(run_action, okta):
    result = run_action("expire_password", {"user": EMAIL, "temp_password": "yes"})

    assert not result.ok
    assert not okta.called
