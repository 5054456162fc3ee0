"""Update Application User: POST /apps/{appId}/users/{userId} with the given profile and/or credentials."""

from urllib.parse import urlsplit

from unit_test import factories
from unit_test.conftest import API

APP_ID = "0oa1abcdefghijklmnop"
USER_ID = "00u1abcdefghijklmnop"
APP = API + "/apps/" + APP_ID
USER = API + "/users/" + USER_ID
ASSIGNMENT = APP + "/users/" + USER_ID


def found(okta):
    okta.get(APP, json={"id": APP_ID, "label": "Salesforce", "status": "ACTIVE"})
    okta.get(USER, json=factories.user(user_id=USER_ID))


def test_the_given_profile_and_credentials_are_posted_and_the_password_is_not_returned(run_action, okta):
    found(okta)
    okta.post(
        ASSIGNMENT,
        json={
            "id": USER_ID,
            "scope": "USER",
            "profile": {"department": "Security"},
            "credentials": {"userName": "new", "password": {}},
        },
    )
    params = {
        "app": APP_ID,
        "user": USER_ID,
        "profile": {"department": "Security"},
        "credentials": {"userName": "new", "password": {"value": "Pa55-word!x"}},
    }

    result = run_action("update_app_user", params)

    assert result.ok and result.output["success"] is True
    assert result.output["app_user"]["credentials"] == {"userName": "new"}
    last = okta.request_history[-1]
    assert (last.method, urlsplit(last.url).path) == ("POST", "/api/v1/apps/%s/users/%s" % (APP_ID, USER_ID))
    assert last.json() == {
        "profile": {"department": "Security"},
        "credentials": {"userName": "new", "password": {"value": "Pa55-word!x"}},
    }
    assert "Pa55-word!x" not in result.stderr and "Pa55-word!x" not in str(result.output)


def test_only_the_profile_is_sent_when_only_the_profile_is_given(run_action, okta):
    found(okta)
    okta.post(ASSIGNMENT, json={"id": USER_ID})

    run_action("update_app_user", {"app": APP_ID, "user": USER_ID, "profile": {"title": "x"}})

    assert okta.request_history[-1].json() == {"profile": {"title": "x"}}


def test_a_user_not_assigned_gives_success_false_and_a_message(run_action, okta):
    found(okta)
    okta.post(ASSIGNMENT, status_code=404, json=factories.error())

    result = run_action("update_app_user", {"app": APP_ID, "user": USER_ID, "profile": {"title": "x"}})

    assert result.ok and result.output["success"] is False and "not assigned" in result.output["message"]


def test_an_unknown_app_gives_success_false_without_an_update(run_action, okta):
    okta.get(API + "/apps", json=[])

    result = run_action("update_app_user", {"app": "Nothing", "user": USER_ID, "profile": {"title": "x"}})

    assert result.output["success"] is False and len(okta.request_history) == 1


def test_an_okta_refusal_is_an_error_envelope_with_oktas_summary(run_action, okta):
    found(okta)
    okta.post(ASSIGNMENT, status_code=403, json=factories.error("E0000075", "Cannot modify the title attribute"))

    result = run_action("update_app_user", {"app": APP_ID, "user": USER_ID, "profile": {"title": "x"}})

    assert not result.ok and "E0000075" in result.exception["cause"]


def test_neither_profile_nor_credentials_is_refused_before_any_request(run_action, okta):
    result = run_action("update_app_user", {"app": APP_ID, "user": USER_ID, "profile": {}})

    assert not result.ok and "profile" in result.error and "credentials" in result.error
    assert okta.request_history == []
