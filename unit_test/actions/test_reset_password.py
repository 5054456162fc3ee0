"""Reset Password, what only it specifies: lifecycle/reset_password with its flags; the one-time link
appears only in its output. What it shares with Expire and Set Password is in test_password_changes.py."""

from urllib.parse import parse_qsl, urlsplit

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
RESET = API + "/users/00u1/lifecycle/reset_password"
LINK = "https://example.okta.com/reset_password/XE6wE17zmphl3KqAPFxO"


def requests_made(okta):
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def test_a_reset_by_email_posts_reset_password_with_both_flags(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(RESET, json={})

    result = run_action("reset_password", {"user": EMAIL})

    assert result.output == {"success": True}
    assert requests_made(okta)[1:] == [
        ("POST", "/api/v1/users/00u1/lifecycle/reset_password", {"sendEmail": "true", "revokeSessions": "false"})
    ]


def test_revoke_sessions_is_passed_to_okta_without_a_second_request(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(RESET, json={})

    result = run_action("reset_password", {"user": EMAIL, "revoke_sessions": True})

    assert result.output == {"success": True}
    assert requests_made(okta)[1:] == [
        ("POST", "/api/v1/users/00u1/lifecycle/reset_password", {"sendEmail": "true", "revokeSessions": "true"})
    ]


def test_without_email_the_link_is_returned_only_in_its_output(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(RESET, json={"resetPasswordUrl": LINK})

    result = run_action("reset_password", {"user": EMAIL, "send_email": False})

    assert result.output == {"success": True, "reset_password_url": LINK}
    assert requests_made(okta)[1][2] == {"sendEmail": "false", "revokeSessions": "false"}
    assert LINK not in result.body["log"] and LINK not in result.stderr
    assert "XE6wE17zmphl3KqAPFxO" not in result.body["log"] + result.stderr


def test_a_user_already_in_recovery_gets_a_new_reset(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="RECOVERY", user_id="00u1"))
    okta.post(RESET, json={"resetPasswordUrl": LINK})

    result = run_action("reset_password", {"user": EMAIL, "send_email": False})

    assert result.output == {"success": True, "reset_password_url": LINK}
    assert okta.call_count == 2


def test_a_missing_link_when_one_was_asked_for_is_an_error(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(RESET, json={})

    result = run_action("reset_password", {"user": EMAIL, "send_email": False})

    assert not result.ok
    assert "no reset link" in result.exception["cause"]


def test_an_empty_user_reaches_no_endpoint(run_action, okta):
    result = run_action("reset_password", {"user": ""})

    assert not result.ok
    assert not okta.called
