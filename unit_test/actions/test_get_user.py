"""Get User: the user's record by email, login or id; found false when nobody matches."""

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"


def test_a_user_found_by_login_is_returned_with_found_true(run_action, okta):
    user = factories.user(EMAIL, user_id="00u1")
    okta.get(BY_LOGIN, json=user)

    result = run_action("get_user", {"email": EMAIL})

    assert result.ok
    assert result.output["found"] is True
    assert result.output["id"] == "00u1"
    assert result.output["profile"]["email"] == EMAIL
    assert [(r.method, r.url) for r in okta.request_history] == [("GET", BY_LOGIN)]


def test_null_fields_and_undeclared_fields_are_left_out_of_the_output(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL))

    output = run_action("get_user", {"email": EMAIL}).output

    assert "lastLogin" not in output and "passwordChanged" not in output
    assert "type" not in output


def test_a_user_whose_login_differs_is_found_by_searching_the_email(run_action, okta):
    user = factories.user(EMAIL, user_id="00u2", login="jdoe")
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[user])

    result = run_action("get_user", {"email": EMAIL})

    assert result.output["id"] == "00u2"
    search = okta.request_history[1]
    assert search.qs["search"] == ['profile.email eq "user@example.com"']


def test_no_matching_user_gives_found_false_not_an_error(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("get_user", {"email": EMAIL})

    assert result.ok
    assert result.output == {"found": False}


def test_an_email_shared_by_two_users_is_an_error_naming_the_count(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, login="a"), factories.user(EMAIL, login="b")])

    result = run_action("get_user", {"email": EMAIL})

    assert not result.ok
    assert "2 Okta users" in result.exception["cause"]


def test_an_okta_refusal_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(
        BY_LOGIN,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("get_user", {"email": EMAIL})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_an_empty_email_reaches_no_endpoint(run_action, okta):
    result = run_action("get_user", {"email": ""})

    assert not result.ok
    assert not okta.called
