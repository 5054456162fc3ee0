"""Suspend User: ACTIVE -> SUSPENDED; already suspended is a success without a request."""

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
SUSPEND = API + "/users/00u1/lifecycle/suspend"


def requests_made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def test_suspending_an_active_user_posts_suspend_and_succeeds(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(SUSPEND, json={})

    result = run_action("suspend_user", {"email": EMAIL})

    assert result.ok
    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("POST", SUSPEND)]


def test_suspending_a_suspended_user_succeeds_without_a_request(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="SUSPENDED", user_id="00u1"))

    result = run_action("suspend_user", {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN)]
    assert "already suspended" in result.body["log"]


def test_an_unknown_user_gives_success_false_and_no_lifecycle_request(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("suspend_user", {"email": EMAIL})

    assert result.ok
    assert result.output == {"success": False}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", SEARCH)]


def test_a_user_whose_login_is_not_the_email_is_found_by_email_search(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, user_id="00u1", login="jdoe")])
    okta.post(SUSPEND, json={})

    result = run_action("suspend_user", {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta)[-1] == ("POST", SUSPEND)


def test_an_email_shared_by_two_users_is_an_error_and_suspends_nobody(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, login="a"), factories.user(EMAIL, login="b")])

    result = run_action("suspend_user", {"email": EMAIL})

    assert not result.ok
    assert "2 Okta users" in result.exception["cause"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_state_okta_refuses_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="STAGED", user_id="00u1"))
    okta.post(
        SUSPEND,
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: suspendUser", ["Cannot suspend a user that is not active"]
        ),
    )

    result = run_action("suspend_user", {"email": EMAIL})

    assert not result.ok
    assert "Api validation failed: suspendUser" in result.exception["cause"]
    assert "Cannot suspend a user that is not active" in result.exception["cause"]


def test_a_token_without_permission_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(
        SUSPEND,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("suspend_user", {"email": EMAIL})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]
    assert okta.call_count == 2  # a 403 is not retried


def test_an_empty_email_reaches_no_endpoint(run_action, okta):
    result = run_action("suspend_user", {"email": ""})

    assert not result.ok
    assert not okta.called
