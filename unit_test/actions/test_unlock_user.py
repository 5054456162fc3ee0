"""Unlock User: LOCKED_OUT -> ACTIVE; a user who is not locked out succeeds without a request."""

from urllib.parse import urlsplit

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
UNLOCK = API + "/users/00u1/lifecycle/unlock"


def requests_made(okta):
    return [(r.method, urlsplit(r.url).path, urlsplit(r.url).query) for r in okta.request_history]


def test_unlocking_a_locked_out_user_posts_unlock(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="LOCKED_OUT", user_id="00u1"))
    okta.post(UNLOCK, json={})

    result = run_action("unlock_user", {"user": EMAIL})

    assert result.output == {"success": True}
    assert requests_made(okta)[1:] == [("POST", "/api/v1/users/00u1/lifecycle/unlock", "")]
    assert "Unlocked user 00u1" in result.body["log"]


def test_an_empty_answer_from_okta_is_a_success(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="LOCKED_OUT", user_id="00u1"))
    okta.post(UNLOCK, status_code=200)

    result = run_action("unlock_user", {"user": EMAIL})

    assert result.output == {"success": True}


def test_a_user_who_is_not_locked_out_is_a_success_without_a_request(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="ACTIVE", user_id="00u1"))

    result = run_action("unlock_user", {"user": EMAIL})

    assert result.output == {"success": True}
    assert okta.call_count == 1
    assert "not locked out" in result.body["log"]


def test_an_unknown_user_gives_success_false_with_a_message(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("unlock_user", {"user": EMAIL})

    assert result.ok
    assert result.output == {"success": False, "message": "No Okta user matches user@example.com."}
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_refusal_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="LOCKED_OUT", user_id="00u1"))
    okta.post(UNLOCK, status_code=403, json=factories.error("E0000032", "Unlock is not allowed for this user."))

    result = run_action("unlock_user", {"user": EMAIL})

    assert not result.ok
    assert "E0000032" in result.exception["cause"]
    assert "Unlock is not allowed for this user" in result.exception["cause"]


def test_an_empty_user_reaches_no_endpoint(run_action, okta):
    result = run_action("unlock_user", {"user": ""})

    assert not result.ok
    assert not okta.called
