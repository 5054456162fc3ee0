"""Remove Application User: GET the assignment, then DELETE /apps/{appId}/users/{userId}?sendEmail=…."""

from urllib.parse import parse_qsl, urlsplit

from unit_test import factories
from unit_test.conftest import API

APP_ID = "0oa1abcdefghijklmnop"
USER_ID = "00u1abcdefghijklmnop"
APP = API + "/apps/" + APP_ID
USER = API + "/users/" + USER_ID
ASSIGNMENT = APP + "/users/" + USER_ID
ASSIGNMENT_PATH = "/api/v1/apps/%s/users/%s" % (APP_ID, USER_ID)


def sent(okta):
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def found(okta, scope="USER"):
    okta.get(ASSIGNMENT, json={"id": USER_ID, "scope": scope})


def test_a_direct_assignment_is_deleted_without_an_email_by_default(run_action, okta):
    found(okta)
    okta.delete(ASSIGNMENT, status_code=204)

    result = run_action("remove_app_user", {"app": APP_ID, "user": USER_ID})

    assert result.ok and result.output == {"success": True}
    assert sent(okta) == [("GET", ASSIGNMENT_PATH, {}), ("DELETE", ASSIGNMENT_PATH, {"sendEmail": "false"})]


def test_send_email_is_sent_when_asked(run_action, okta):
    found(okta)
    okta.delete(ASSIGNMENT, status_code=204)

    run_action("remove_app_user", {"app": APP_ID, "user": USER_ID, "send_email": True})

    assert sent(okta)[-1][2] == {"sendEmail": "true"}


def test_a_user_not_assigned_gives_success_false_saying_there_is_nothing_to_remove(run_action, okta):
    okta.get(APP, json={"id": APP_ID, "label": "Salesforce", "status": "ACTIVE"})
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.get(ASSIGNMENT, status_code=404, json=factories.error())

    result = run_action("remove_app_user", {"app": APP_ID, "user": USER_ID})

    assert result.ok and result.output["success"] is False and "nothing to remove" in result.output["message"]
    assert "DELETE" not in [r.method for r in okta.request_history]


def test_a_user_assigned_through_a_group_is_not_removed_and_the_message_says_why(run_action, okta):
    found(okta, scope="GROUP")

    result = run_action("remove_app_user", {"app": APP_ID, "user": USER_ID})

    assert result.output["success"] is False and "through a group" in result.output["message"]
    assert "DELETE" not in [r.method for r in okta.request_history]


def test_an_assignment_removed_meanwhile_gives_success_false(run_action, okta):
    found(okta)
    okta.get(APP, json={"id": APP_ID, "label": "Salesforce", "status": "ACTIVE"})
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.delete(ASSIGNMENT, status_code=404, json=factories.error())

    result = run_action("remove_app_user", {"app": APP_ID, "user": USER_ID})

    assert result.output["success"] is False and "not assigned" in result.output["message"]


def test_an_unknown_user_gives_success_false_and_a_message(run_action, okta):
    okta.get(ASSIGNMENT, status_code=404, json=factories.error())
    okta.get(APP, json={"id": APP_ID, "label": "Salesforce", "status": "ACTIVE"})
    okta.get(USER, status_code=404, json=factories.error())

    result = run_action("remove_app_user", {"app": APP_ID, "user": USER_ID})

    assert result.output == {
        "success": False,
        "message": "No Okta user matches %s. There is nothing to remove." % USER_ID,
    }


def test_an_okta_refusal_is_an_error_envelope_with_oktas_summary(run_action, okta):
    found(okta)
    okta.delete(ASSIGNMENT, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("remove_app_user", {"app": APP_ID, "user": USER_ID})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_blank_app_is_refused_before_any_request(run_action, okta):
    result = run_action("remove_app_user", {"app": "", "user": USER_ID})

    assert not result.ok and "app" in result.error
    assert okta.request_history == []
