"""Deactivate User: any status -> DEPROVISIONED; a DEPROVISIONED user is a success without a request."""

import pytest

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
DEACTIVATE = API + "/users/00u1/lifecycle/deactivate"


def requests_made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


@pytest.mark.parametrize("status", ["ACTIVE", "SUSPENDED", "STAGED", "LOCKED_OUT"])
def test_deactivating_a_user_not_yet_deprovisioned_posts_deactivate_and_succeeds(run_action, okta, status):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status=status, user_id="00u1"))
    okta.post(DEACTIVATE, status_code=200)  # Okta answers with an empty body

    result = run_action("deactivate_user", {"email": EMAIL})

    assert result.ok
    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("POST", DEACTIVATE)]


def test_deactivating_a_deprovisioned_user_succeeds_without_a_request(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="DEPROVISIONED", user_id="00u1"))

    result = run_action("deactivate_user", {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN)]
    assert "already deactivated" in result.body["log"]


def test_an_unknown_user_gives_success_false_and_no_lifecycle_request(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("deactivate_user", {"email": EMAIL})

    assert result.ok
    assert result.output == {"success": False}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", SEARCH)]


def test_a_user_whose_login_is_not_the_email_is_found_by_email_search(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, user_id="00u1", login="jdoe")])
    okta.post(DEACTIVATE, status_code=200)

    result = run_action("deactivate_user", {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta)[-1] == ("POST", DEACTIVATE)


def test_an_email_shared_by_two_users_is_an_error_and_deactivates_nobody(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, login="a"), factories.user(EMAIL, login="b")])

    result = run_action("deactivate_user", {"email": EMAIL})

    assert not result.ok
    assert "2 Okta users" in result.exception["cause"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_token_without_permission_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(
        DEACTIVATE,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("deactivate_user", {"email": EMAIL})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_an_empty_email_reaches_no_endpoint(run_action, okta):
    result = run_action("deactivate_user", {"email": ""})

    assert not result.ok
    assert not okta.called


def test_a_user_already_being_deactivated_gets_no_second_deactivation(run_action, okta):
    from unit_test import factories as f
    from unit_test.conftest import API

    user = dict(f.user(status="ACTIVE"), transitioningToStatus="DEPROVISIONED")
    okta.get(API + "/users/user%40example.com", json=user)
    result = run_action("deactivate_user", {"email": "user@example.com"})
    assert result.output == {"email": "user@example.com", "user_id": user["id"], "success": True}
    assert [r.method for r in okta.request_history] == ["GET"]
