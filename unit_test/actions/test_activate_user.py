"""Activate User: lifecycle/activate; the activation link and token appear only in their outputs."""

from urllib.parse import parse_qsl, urlsplit

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
ACTIVATE = API + "/users/00u1/lifecycle/activate"
TOKEN = "XE6wE17zmphl3KqAPFxO"
URL = "https://example.okta.com/welcome/" + TOKEN


def requests_made(okta):
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def test_activating_a_staged_user_sends_the_email_by_default(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="STAGED", user_id="00u1"))
    okta.post(ACTIVATE, json={})

    result = run_action("activate_user", {"user": EMAIL})

    assert result.output == {"success": True}
    assert requests_made(okta)[1:] == [("POST", "/api/v1/users/00u1/lifecycle/activate", {"sendEmail": "true"})]


def test_without_email_the_url_and_token_are_returned_only_in_their_outputs(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="STAGED", user_id="00u1"))
    okta.post(ACTIVATE, json={"activationUrl": URL, "activationToken": TOKEN})

    result = run_action("activate_user", {"user": EMAIL, "send_email": False})

    assert result.output == {"success": True, "activation_url": URL, "activation_token": TOKEN}
    assert requests_made(okta)[1][2] == {"sendEmail": "false"}
    assert TOKEN not in result.body["log"] and TOKEN not in result.stderr


def test_an_active_user_is_a_success_without_a_request(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="ACTIVE", user_id="00u1"))

    result = run_action("activate_user", {"user": EMAIL})

    assert result.output == {"success": True}
    assert okta.call_count == 1
    assert "already active" in result.body["log"]


def test_oktas_already_activated_answer_is_a_success(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="LOCKED_OUT", user_id="00u1"))
    okta.post(
        ACTIVATE,
        status_code=403,
        json=factories.error("E0000016", "Activation failed because the user is already active"),
    )

    result = run_action("activate_user", {"user": EMAIL, "send_email": False})

    assert result.ok and result.output == {"success": True}
    assert "E0000016" in result.body["log"]


def test_an_answer_without_link_when_one_was_asked_for_is_an_error(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="STAGED", user_id="00u1"))
    okta.post(ACTIVATE, json={})

    result = run_action("activate_user", {"user": EMAIL, "send_email": False})

    assert not result.ok
    assert "no activation link" in result.exception["cause"]


def test_an_unknown_user_gives_success_false_with_a_message(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("activate_user", {"user": EMAIL})

    assert result.ok
    assert result.output == {"success": False, "message": "No Okta user matches user@example.com."}
    assert all(r.method == "GET" for r in okta.request_history)


def test_another_refusal_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="STAGED", user_id="00u1"))
    okta.post(
        ACTIVATE,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("activate_user", {"user": EMAIL})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_a_blank_user_reaches_no_endpoint(run_action, okta):
    result = run_action("activate_user", {"user": "   "})

    assert not result.ok and "'user' is required and must not be empty" in result.exception["cause"]
    assert not okta.called
