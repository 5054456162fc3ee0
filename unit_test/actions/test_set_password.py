"""Set Password, what only it specifies: a partial user update with only the password, random characters
appended on request, and the password never in a log or error. What it shares with Expire and Reset
Password is in test_password_changes.py."""

import json
from urllib.parse import parse_qsl, urlsplit

from komand_okta.okta.users_passwords import ALPHABET, CLASSES
from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
USER = API + "/users/00u1"
SESSIONS = API + "/users/00u1/sessions"
GIVEN = "Correct-Horse-Battery-Staple-42"


def requests_made(okta):
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def everything_shown(result) -> str:
    """The log, stderr, error and exception texts, unescaped, as a reader would see them."""
    return "\n".join(
        [
            result.body["log"],
            result.stderr,
            result.error or "",
            *(str(value) for value in (result.exception or {}).values()),
        ]
    )


def test_setting_a_password_posts_only_the_password_and_returns_no_password(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(USER, json=factories.user(EMAIL, user_id="00u1"))

    result = run_action("set_password", {"user": EMAIL, "new_password": GIVEN})

    assert result.output == {"success": True, "user_id": "00u1"}
    assert requests_made(okta) == [("GET", "/api/v1/users/user%40example.com", {}), ("POST", "/api/v1/users/00u1", {})]
    assert okta.request_history[1].json() == {"credentials": {"password": {"value": GIVEN}}}


def test_appended_characters_are_random_and_the_password_is_returned_only_in_its_output(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(USER, json=factories.user(EMAIL, user_id="00u1"))

    result = run_action("set_password", {"user": EMAIL, "new_password": GIVEN, "append_random_characters": 10})

    sent = okta.request_history[1].json()["credentials"]["password"]["value"]
    suffix = sent[len(GIVEN) :]
    assert sent.startswith(GIVEN) and len(suffix) == 10
    assert result.output == {"success": True, "user_id": "00u1", "new_password": sent}
    assert suffix not in result.body["log"] and suffix not in result.stderr


def test_appended_characters_hold_every_character_class_and_differ_between_runs(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(USER, json=factories.user(EMAIL, user_id="00u1"))

    passwords = {
        run_action("set_password", {"user": EMAIL, "new_password": GIVEN, "append_random_characters": 8}).output[
            "new_password"
        ]
        for _ in range(5)
    }

    assert len(passwords) == 5
    for password in passwords:
        suffix = password[len(GIVEN) :]
        assert set(suffix) <= set(ALPHABET)
        assert all(set(suffix) & set(chars) for chars in CLASSES)


def test_the_error_of_a_failed_session_clear_does_not_show_the_password_that_was_set(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(USER, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(SESSIONS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action(
        "set_password", {"user": EMAIL, "new_password": GIVEN, "append_random_characters": 12, "revoke_sessions": True}
    )

    suffix = okta.request_history[1].json()["credentials"]["password"]["value"][len(GIVEN) :]
    assert not result.ok
    assert suffix not in everything_shown(result)


def test_a_policy_refusal_is_an_error_with_oktas_causes_and_advice_about_the_policy(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(
        USER,
        status_code=403,
        json=factories.error(
            "E0000080",
            "The password does not meet the complexity requirements of the current password policy.",
            ["password: Password requirements were not met. Password requirements: at least 20 characters."],
        ),
    )

    result = run_action("set_password", {"user": EMAIL, "new_password": GIVEN})

    assert not result.ok
    assert "E0000080" in result.exception["cause"]
    assert "at least 20 characters" in result.exception["cause"]
    assert "password policy" in result.exception["assistance"]


def test_a_password_okta_echoes_in_its_error_is_masked_everywhere(run_action, okta):
    def echo(request, context):
        context.status_code = 400
        value = request.json()["credentials"]["password"]["value"]
        return factories.error("E0000001", "Api validation failed: password", ["password: %s was used before" % value])

    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(USER, json=echo)

    result = run_action("set_password", {"user": EMAIL, "new_password": 'pa"ss\\word-1', "append_random_characters": 6})

    sent = okta.request_history[1].json()["credentials"]["password"]["value"]
    shown = everything_shown(result)
    assert not result.ok
    assert "was used before" in result.exception["cause"]
    for form in (sent, sent[-6:], json.dumps(sent)[1:-1], 'pa\\"ss\\\\word-1'):
        assert form not in shown


def test_a_negative_number_of_random_characters_reaches_no_endpoint(run_action, okta):
    result = run_action("set_password", {"user": EMAIL, "new_password": GIVEN, "append_random_characters": -1})

    assert not result.ok
    assert "append_random_characters" in result.exception["cause"]
    assert not okta.called


def test_too_many_random_characters_reach_no_endpoint(run_action, okta):
    result = run_action("set_password", {"user": EMAIL, "new_password": GIVEN, "append_random_characters": 65})

    assert not result.ok
    assert "between 0 and 64" in result.exception["cause"]
    assert not okta.called


def test_an_empty_password_reaches_no_endpoint(run_action, okta):
    result = run_action("set_password", {"user": EMAIL, "new_password": ""})

    assert not result.ok
    assert not okta.called
