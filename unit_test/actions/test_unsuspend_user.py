"""Unsuspend User: SUSPENDED -> ACTIVE; an ACTIVE user is a success without a request."""

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
UNSUSPEND = API + "/users/00u1/lifecycle/unsuspend"


def requests_made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def test_unsuspending_a_suspended_user_posts_unsuspend_and_succeeds(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="SUSPENDED", user_id="00u1"))
    okta.post(UNSUSPEND, json={})

    result = run_action("unsuspend_user", {"email": EMAIL})

    assert result.ok
    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("POST", UNSUSPEND)]


def test_unsuspending_an_active_user_succeeds_without_a_request(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="ACTIVE", user_id="00u1"))

    result = run_action("unsuspend_user", {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN)]
    assert "already active" in result.body["log"]


def test_an_unknown_user_gives_success_false_and_no_lifecycle_request(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("unsuspend_user", {"email": EMAIL})

    assert result.ok
    assert result.output == {"success": False}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", SEARCH)]


def test_a_user_whose_login_is_not_the_email_is_found_by_email_search(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, status="SUSPENDED", user_id="00u1", login="jdoe")])
    okta.post(UNSUSPEND, json={})

    result = run_action("unsuspend_user", {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta)[-1] == ("POST", UNSUSPEND)


def test_an_email_shared_by_two_users_is_an_error_and_unsuspends_nobody(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, login="a"), factories.user(EMAIL, login="b")])

    result = run_action("unsuspend_user", {"email": EMAIL})

    assert not result.ok
    assert "2 Okta users" in result.exception["cause"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_state_okta_refuses_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="STAGED", user_id="00u1"))
    okta.post(
        UNSUSPEND,
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: unsuspendUser", ["Cannot unsuspend a user that is not suspended"]
        ),
    )

    result = run_action("unsuspend_user", {"email": EMAIL})

    assert not result.ok
    assert "Api validation failed: unsuspendUser" in result.exception["cause"]
    assert "Cannot unsuspend a user that is not suspended" in result.exception["cause"]


def test_a_token_without_permission_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="SUSPENDED", user_id="00u1"))
    okta.post(
        UNSUSPEND,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("unsuspend_user", {"email": EMAIL})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_an_empty_email_reaches_no_endpoint(run_action, okta):
    result = run_action("unsuspend_user", {"email": ""})

    assert not result.ok
    assert not okta.called
