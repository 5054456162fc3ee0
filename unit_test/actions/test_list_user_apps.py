"""List User Applications: GET /users/{id}/appLinks (not paged); found false for an unknown user."""

from unit_test import factories
from unit_test.conftest import API

USER_ID = "00u1abcdefghijklmnop"
USER = API + "/users/" + USER_ID
LINKS = USER + "/appLinks"


def link(app_id, label):
    return {
        "id": "00ub" + app_id[3:],
        "label": label,
        "linkUrl": "https://example.okta.com/home/x/" + app_id,
        "logoUrl": "https://example.okta.com/logo.png",
        "appName": label.lower(),
        "appInstanceId": app_id,
        "appAssignmentId": "0ua" + app_id[3:],
        "credentialsSetup": False,
        "hidden": False,
        "sortOrder": 0,
        "extra": "dropped",
    }


def test_the_users_app_links_are_listed_with_their_count(run_action, okta):
    okta.get(LINKS, json=[link("0oa1", "Salesforce"), link("0oa2", "Slack")], complete_qs=True)

    result = run_action("list_user_apps", {"user": USER_ID})

    assert result.ok and result.output["found"] is True and result.output["count"] == 2
    assert [a["appInstanceId"] for a in result.output["apps"]] == ["0oa1", "0oa2"]
    assert "extra" not in result.output["apps"][0]
    assert [r.url for r in okta.request_history] == [LINKS]  # an Okta id needs no lookup


def test_a_limit_keeps_the_first_links_of_the_single_request(run_action, okta):
    okta.get(LINKS, json=[link("0oa1", "A"), link("0oa2", "B")], complete_qs=True)

    result = run_action("list_user_apps", {"user": USER_ID, "limit": 1})

    assert result.output["count"] == 1 and result.output["apps"][0]["appInstanceId"] == "0oa1"
    assert len(okta.request_history) == 1


def test_an_unknown_user_gives_found_false_and_a_message(run_action, okta):
    okta.get(LINKS, status_code=404, json=factories.error())

    result = run_action("list_user_apps", {"user": USER_ID})

    assert result.ok and result.output == {"found": False, "message": "No Okta user matches %s." % USER_ID}


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.get(LINKS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("list_user_apps", {"user": USER_ID})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_blank_user_is_refused_before_any_request(run_action, okta):
    result = run_action("list_user_apps", {"user": ""})

    assert not result.ok and "user" in result.error
    assert okta.request_history == []
