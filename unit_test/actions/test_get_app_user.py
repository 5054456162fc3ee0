"""Get Application User: GET /apps/{appId}/users/{userId}; found false when not assigned."""

from unit_test import factories
from unit_test.conftest import API

APP_ID = "0oa1abcdefghijklmnop"
USER_ID = "00u1abcdefghijklmnop"
APP = API + "/apps/" + APP_ID
USER = API + "/users/" + USER_ID
ASSIGNMENT = APP + "/users/" + USER_ID


def app():
    return {"id": APP_ID, "label": "Salesforce", "name": "salesforce", "status": "ACTIVE"}


def test_the_assignment_is_returned_without_the_password(run_action, okta):
    okta.get(
        ASSIGNMENT,
        json={
            "id": USER_ID,
            "scope": "USER",
            "status": "PROVISIONED",
            "passwordChanged": None,
            "credentials": {"userName": "u", "password": {"value": "hunter2"}},
        },
    )

    result = run_action("get_app_user", {"app": APP_ID, "user": USER_ID})

    assert result.ok and result.output == {
        "found": True,
        "app_user": {"id": USER_ID, "scope": "USER", "status": "PROVISIONED", "credentials": {"userName": "u"}},
    }


def test_a_user_not_assigned_gives_found_false_and_a_message(run_action, okta):
    okta.get(APP, json=app())
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.get(ASSIGNMENT, status_code=404, json=factories.error())

    result = run_action("get_app_user", {"app": APP_ID, "user": USER_ID})

    assert result.ok and result.output["found"] is False and "not assigned" in result.output["message"]


def test_an_unknown_user_login_gives_found_false_without_asking_for_the_assignment(run_action, okta):
    okta.get(API + "/users/nobody", status_code=404, json=factories.error())

    result = run_action("get_app_user", {"app": APP_ID, "user": "nobody"})

    assert result.output == {"found": False, "message": "No Okta user matches nobody."}
    assert len(okta.request_history) == 1


def test_an_unknown_app_gives_found_false_without_looking_up_the_user(run_action, okta):
    okta.get(API + "/apps", json=[])

    result = run_action("get_app_user", {"app": "Nothing", "user": USER_ID})

    assert result.output["found"] is False and "Nothing" in result.output["message"]
    assert len(okta.request_history) == 1


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(APP, json=app())
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.get(ASSIGNMENT, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("get_app_user", {"app": APP_ID, "user": USER_ID})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_blank_user_is_refused_before_any_request(run_action, okta):
    result = run_action("get_app_user", {"app": APP_ID, "user": ""})

    assert not result.ok and "user" in result.error
    assert okta.request_history == []
