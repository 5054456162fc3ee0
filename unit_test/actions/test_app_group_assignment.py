"""Assign Group to Application and Unassign Group from Application: PUT / DELETE
/apps/{appId}/groups/{groupId}. IDs go straight to Okta (one request); a label or group name is
resolved first; Okta's 404 is success false in Okta's words, which name the missing object."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls

APP_ID = "0oa1abcdefghijklmnop"
GROUP_ID = "00g1abcdefghijklmnop"
ASSIGNMENT = API + "/apps/%s/groups/%s" % (APP_ID, GROUP_ID)
GROUP_BY_NAME = API + "/groups?search=profile.name+eq+%22Marketing%22&limit=200"
ANSWER = {
    "id": GROUP_ID,
    "lastUpdated": "2024-08-13T12:00:00.000Z",
    "priority": 1,
    "profile": {},
    "_links": {"group": {"href": API + "/groups/" + GROUP_ID}},
}
MISSING_GROUP = "Not found: Resource not found: %s (UserGroup)" % GROUP_ID
# action -> (method, Okta's success status and body)
BOTH = pytest.mark.parametrize(
    "action, method, status, body",
    [
        ("assign_group_to_app", "PUT", 200, ANSWER),
        ("unassign_group_from_app", "DELETE", 204, None),
    ],
)


def answer(okta, method, status, body):
    okta.register_uri(method, ASSIGNMENT, status_code=status, **({"json": body} if body is not None else {}))


@BOTH
def test_ids_go_straight_to_okta_in_one_request(run_action, okta, action, method, status, body):
    answer(okta, method, status, body)
    result = run_action(action, {"app": APP_ID, "group": GROUP_ID})
    assert result.ok and result.output["success"] is True
    assert calls(okta) == [(method, ASSIGNMENT)]


@BOTH
def test_a_label_and_a_group_name_are_resolved_first(run_action, okta, action, method, status, body):
    okta.get(API + "/apps?q=Salesforce&limit=200", json=[{"id": APP_ID, "label": "Salesforce", "status": "ACTIVE"}])
    okta.get(GROUP_BY_NAME, json=[factories.group("Marketing", GROUP_ID)])
    answer(okta, method, status, body)
    result = run_action(action, {"app": "Salesforce", "group": "Marketing"})
    assert result.ok and result.output["success"] is True and calls(okta)[-1] == (method, ASSIGNMENT)


@BOTH
def test_a_group_name_no_group_carries_is_success_false_and_nothing_changes(
    run_action, okta, action, method, status, body
):
    okta.get(GROUP_BY_NAME, json=[])
    result = run_action(action, {"app": APP_ID, "group": "Marketing"})
    assert result.ok and result.output["success"] is False and "Marketing" in result.output["message"]
    assert [m for m, _ in calls(okta)] == ["GET"]


@BOTH
def test_an_app_label_no_app_carries_is_success_false_and_the_group_is_not_looked_up(
    run_action, okta, action, method, status, body
):
    okta.get(API + "/apps?q=Nope&limit=200", json=[])
    result = run_action(action, {"app": "Nope", "group": "Marketing"})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]
    assert len(calls(okta)) == 1


@BOTH
def test_oktas_404_is_success_false_in_oktas_words(run_action, okta, action, method, status, body):
    okta.register_uri(method, ASSIGNMENT, status_code=404, json=factories.error(summary=MISSING_GROUP))
    result = run_action(action, {"app": APP_ID, "group": GROUP_ID})
    assert result.ok and result.output["success"] is False and MISSING_GROUP in result.output["message"]


@BOTH
def test_okta_refusing_the_change_is_an_explained_error(run_action, okta, action, method, status, body):
    okta.register_uri(method, ASSIGNMENT, status_code=403, json=factories.error("E0000006", "Access denied"))
    result = run_action(action, {"app": APP_ID, "group": GROUP_ID})
    assert not result.ok and "E0000006" in result.error


def test_assign_sends_the_priority_and_profile_given_and_returns_the_assignment(run_action, okta):
    okta.put(ASSIGNMENT, json=dict(ANSWER, priority=3, profile={"role": "viewer"}))
    result = run_action(
        "assign_group_to_app", {"app": APP_ID, "group": GROUP_ID, "priority": 3, "profile": {"role": "viewer"}}
    )
    assert okta.request_history[0].json() == {"priority": 3, "profile": {"role": "viewer"}}
    assert result.output["assignment"]["priority"] == 3 and result.output["assignment"]["id"] == GROUP_ID


def test_assign_without_priority_or_profile_sends_an_empty_body_so_okta_keeps_them(run_action, okta):
    okta.put(ASSIGNMENT, json=ANSWER)
    run_action("assign_group_to_app", {"app": APP_ID, "group": GROUP_ID})
    assert okta.request_history[0].json() == {}


def test_assign_refuses_a_negative_priority_before_any_request(run_action, okta):
    result = run_action("assign_group_to_app", {"app": APP_ID, "group": GROUP_ID, "priority": -1})
    assert not result.ok and "priority" in result.error and okta.request_history == []
