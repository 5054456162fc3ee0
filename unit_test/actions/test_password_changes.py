"""Expire, Reset and Set Password (mirrored parts): the user is resolved first, and an unknown user is
success false with a message and no change; a status Okta refuses is an error with Okta's summary; with
revoke_sessions, Expire and Set Password clear the sessions after the change, and a failed clear is an
error that says the password was changed all the same."""

import pytest

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
USER = API + "/users/00u1"
SESSIONS = USER + "/sessions"
GIVEN = "Correct-Horse-Battery-Staple-42"
EXPIRED = factories.user(EMAIL, status="PASSWORD_EXPIRED", user_id="00u1")
SET = factories.user(EMAIL, user_id="00u1")


def a_known_user(okta, status="ACTIVE"):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status=status, user_id="00u1"))


def requests_made(okta):
    return [(r.method, r.url) for r in okta.request_history]


@pytest.mark.parametrize(
    "action, params",
    [
        pytest.param("expire_password", {"temp_password": True}, id="expire"),
        pytest.param("reset_password", {}, id="reset"),
        pytest.param("set_password", {"new_password": GIVEN}, id="set"),
    ],
)
def test_an_unknown_user_gives_success_false_with_a_message_and_changes_nothing(run_action, okta, action, params):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action(action, dict(params, user=EMAIL))

    assert result.ok
    assert result.output == {"success": False, "message": "No Okta user matches user@example.com."}
    assert all(r.method == "GET" for r in okta.request_history)


@pytest.mark.parametrize(
    "action, operation",
    [
        pytest.param("expire_password", "expire_password", id="expire"),
        pytest.param("reset_password", "reset_password", id="reset"),
    ],
)
def test_a_status_okta_refuses_is_an_error_with_oktas_summary(run_action, okta, action, operation):
    a_known_user(okta, status="STAGED")
    okta.post(
        USER + "/lifecycle/" + operation,
        status_code=403,
        json=factories.error("E0000038", "This operation is not allowed in the user's current status."),
    )

    result = run_action(action, {"user": EMAIL})

    assert not result.ok
    assert "E0000038" in result.exception["cause"]
    assert "not allowed in the user's current status" in result.exception["cause"]


# action, its inputs besides user and revoke_sessions, the URL it POSTs to and Okta's answer, its output
@pytest.mark.parametrize(
    "action, params, change, answer, output",
    [
        pytest.param(
            "expire_password", {}, USER + "/lifecycle/expire_password", EXPIRED, {"success": True}, id="expire"
        ),
        pytest.param(
            "set_password", {"new_password": GIVEN}, USER, SET, {"success": True, "user_id": "00u1"}, id="set"
        ),
    ],
)
def test_revoke_sessions_clears_the_sessions_after_the_change(run_action, okta, action, params, change, answer, output):
    a_known_user(okta)
    okta.post(change, json=answer)
    okta.delete(SESSIONS, status_code=204)

    result = run_action(action, dict(params, user=EMAIL, revoke_sessions=True))

    assert result.output == output
    assert requests_made(okta)[1:] == [("POST", change), ("DELETE", SESSIONS)]


@pytest.mark.parametrize(
    "action, params, change, answer, done",
    [
        pytest.param(
            "expire_password",
            {},
            USER + "/lifecycle/expire_password",
            EXPIRED,
            "The password of user 00u1 was expired, but clearing",
            id="expire",
        ),
        pytest.param(
            "set_password",
            {"new_password": GIVEN, "append_random_characters": 12},
            USER,
            SET,
            "The password of user 00u1 was set",
            id="set",
        ),
    ],
)
def test_a_failed_session_clear_is_an_error_that_says_the_password_was_changed(
    run_action, okta, action, params, change, answer, done
):
    a_known_user(okta)
    okta.post(change, json=answer)
    okta.delete(SESSIONS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action(action, dict(params, user=EMAIL, revoke_sessions=True))

    assert not result.ok
    assert result.exception["cause"].startswith(done)
    assert "clearing the user's sessions failed" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]
