"""Assign User to Application: POST the app user; already assigned returns the existing assignment."""

import pytest

from unit_test import factories
from unit_test.conftest import API

APP = "0oa1gjh63g214q0Hq0g4"
USER_ID = "00u15s1KDETTQMQYABRL"
APP_USERS = API + "/apps/%s/users" % APP
APP_USER = APP_USERS + "/" + USER_ID
APPUSER = {"id": USER_ID, "scope": "USER", "credentials": {"userName": "user@example.com"}}


def assigned(**extra):
    return dict(APPUSER, status="PROVISIONED", syncState="DISABLED", **extra)


def calls(okta):
    return [(r.method, r.url) for r in okta.request_history]


def run(run_action, appuser=APPUSER, app=APP):
    params = {"applicationId": app}
    if appuser is not None:
        params["appuser"] = appuser
    return run_action("assign_user_to_app_sso", params)


def test_the_app_user_is_posted_and_oktas_answer_returned(run_action, okta):
    okta.post(APP_USERS, json=assigned())

    result = run(run_action)

    assert result.ok
    assert result.output == {"result": assigned()}
    assert calls(okta) == [("POST", APP_USERS)]
    assert okta.request_history[0].json() == APPUSER


def test_an_email_as_appuser_id_is_resolved_to_the_user_id_first(run_action, okta):
    by_login = API + "/users/user%40example.com"
    okta.get(by_login, json=factories.user("user@example.com", user_id=USER_ID))
    okta.post(APP_USERS, json=assigned())

    result = run(run_action, dict(APPUSER, id="user@example.com"))

    assert result.ok
    assert calls(okta) == [("GET", by_login), ("POST", APP_USERS)]
    assert okta.request_history[1].json()["id"] == USER_ID


def test_an_unknown_email_as_appuser_id_is_an_error_without_a_post(run_action, okta):
    okta.get(API + "/users/nobody%40example.com", status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run(run_action, {"id": "nobody@example.com"})

    assert not result.ok
    assert "nobody@example.com" in result.exception["cause"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_already_assigned_returns_the_existing_assignment(run_action, okta):
    okta.post(
        APP_USERS,
        status_code=409,
        json=factories.error("E0000062", "The specified user is already assigned to the application."),
    )
    okta.get(APP_USER, json=assigned())

    result = run(run_action)

    assert result.ok
    assert result.output == {"result": assigned()}
    assert calls(okta) == [("POST", APP_USERS), ("GET", APP_USER)]
    assert "already assigned" in result.stderr


def test_another_conflict_is_an_explained_error(run_action, okta):
    okta.post(APP_USERS, status_code=409, json=factories.error("E0000195", "Validation conflict"))

    result = run(run_action)

    assert not result.ok
    assert "E0000195" in result.exception["cause"]
    assert calls(okta) == [("POST", APP_USERS)]


@pytest.mark.parametrize("appuser", [None, {}, {"scope": "USER"}, {"id": ""}, {"id": "  "}, {"id": 5}])
def test_a_missing_or_idless_appuser_is_refused_before_any_request(run_action, okta, appuser):
    result = run(run_action, appuser)

    assert not result.ok
    assert "appuser" in result.exception["cause"]
    assert okta.request_history == []


def test_an_unknown_application_is_an_error_naming_application_id(run_action, okta):
    okta.post(APP_USERS, status_code=404, json=factories.error(summary="Not found: Resource not found: %s (App)" % APP))

    result = run(run_action)

    assert not result.ok
    assert "applicationId" in result.exception["assistance"]
    assert calls(okta) == [("POST", APP_USERS)]


def test_an_inactive_user_error_is_explained(run_action, okta):
    okta.post(APP_USERS, status_code=403, json=factories.error("E0000117", "Cannot assign apps to an inactive user"))

    result = run(run_action)

    assert not result.ok
    assert "E0000117" in result.exception["cause"]


def test_the_post_is_not_blindly_retried_after_a_server_error(run_action, okta):
    okta.post(APP_USERS, status_code=500, json=factories.error("E0000009", "Internal Server Error"))

    result = run(run_action)

    assert not result.ok
    assert calls(okta) == [("POST", APP_USERS)]
