"""Reactivate User: lifecycle/reactivate for PROVISIONED or RECOVERY users; no email by default."""

from urllib.parse import parse_qsl, urlsplit

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
REACTIVATE = API + "/users/00u1/lifecycle/reactivate"
TOKEN = "rE6wE17zmphl3KqAPFxQ"
URL = "https://example.okta.com/welcome/" + TOKEN


def requests_made(okta):
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def test_reactivating_returns_the_new_link_and_token_by_default(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="PROVISIONED", user_id="00u1"))
    okta.post(REACTIVATE, json={"activationUrl": URL, "activationToken": TOKEN})

    result = run_action("reactivate_user", {"user": EMAIL})

    assert result.output == {"success": True, "activation_url": URL, "activation_token": TOKEN}
    assert requests_made(okta)[1:] == [("POST", "/api/v1/users/00u1/lifecycle/reactivate", {"sendEmail": "false"})]


def test_the_link_and_token_never_reach_the_log(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="RECOVERY", user_id="00u1"))
    okta.post(REACTIVATE, json={"activationUrl": URL, "activationToken": TOKEN})

    result = run_action("reactivate_user", {"user": EMAIL})

    assert TOKEN not in result.body["log"] and TOKEN not in result.stderr


def test_with_email_okta_sends_the_link_and_nothing_secret_is_returned(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="PROVISIONED", user_id="00u1"))
    okta.post(REACTIVATE, json={})

    result = run_action("reactivate_user", {"user": EMAIL, "send_email": True})

    assert result.output == {"success": True}
    assert requests_made(okta)[1][2] == {"sendEmail": "true"}


def test_a_user_in_another_status_is_an_error_naming_the_status_and_what_to_run(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="ACTIVE", user_id="00u1"))
    okta.post(
        REACTIVATE,
        status_code=403,
        json=factories.error("E0000038", "This operation is not allowed in the user's current status."),
    )

    result = run_action("reactivate_user", {"user": EMAIL})

    assert not result.ok
    assert "This operation is not allowed in the user's current status" in result.exception["cause"]
    assert "PROVISIONED or RECOVERY; user 00u1 is ACTIVE" in result.exception["assistance"]


def test_every_call_reactivates_again_since_each_issues_a_new_link(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="PROVISIONED", user_id="00u1"))
    okta.post(REACTIVATE, json={"activationUrl": URL, "activationToken": TOKEN})

    run_action("reactivate_user", {"user": EMAIL})
    run_action("reactivate_user", {"user": EMAIL})

    assert [m for m, _, _ in requests_made(okta)].count("POST") == 2


def test_an_unknown_user_gives_success_false_with_a_message(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("reactivate_user", {"user": EMAIL})

    assert result.ok
    assert result.output == {"success": False, "message": "No Okta user matches user@example.com."}
    assert all(r.method == "GET" for r in okta.request_history)


def test_an_empty_user_reaches_no_endpoint(run_action, okta):
    result = run_action("reactivate_user", {"user": ""})

    assert not result.ok
    assert not okta.called
