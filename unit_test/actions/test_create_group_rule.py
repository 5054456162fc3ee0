"""Create Group Rule: resolve the groups and excluded users, POST the rule (Okta creates it INACTIVE),
activate it when asked; anything not found creates nothing."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, rule

RULES = API + "/groups/rules"
GID = "00g%017d" % 31
RID = "0pr%017d" % 31
EXPRESSION = 'user.department == "Sales"'
PARAMS = {"name": "Sales department", "expression": EXPRESSION, "groups": ["Sales"]}


@pytest.fixture
def sales(okta):
    okta.get(API + "/groups", json=[factories.group("Sales", GID)])


def created(status="INACTIVE"):
    return rule("Sales department", RID, status, group_ids=[GID], expression=EXPRESSION)


def test_the_rule_is_created_inactive_for_the_resolved_groups(run_action, okta, sales):
    okta.post(RULES, json=created())
    result = run_action("create_group_rule", PARAMS)
    assert result.ok and result.output["success"] and result.output["rule"]["status"] == "INACTIVE"
    assert result.output["rule"]["assigned_groups"] == [{"id": GID, "name": "Sales"}]
    assert okta.request_history[-1].json() == {
        "type": "group_rule",
        "name": "Sales department",
        "conditions": {
            "people": {"users": {"exclude": []}},
            "expression": {"value": EXPRESSION, "type": "urn:okta:expression:1.0"},
        },
        "actions": {"assignUserToGroups": {"groupIds": [GID]}},
    }


def test_excluded_users_are_sent_by_id(run_action, okta, sales):
    user = factories.user("sam.sales@example.net")
    okta.get(API + "/users/sam.sales%40example.net", json=user)
    okta.post(RULES, json=created())
    result = run_action("create_group_rule", dict(PARAMS, exclude_users=["sam.sales@example.net"]))
    assert result.ok and okta.request_history[-1].json()["conditions"]["people"]["users"]["exclude"] == [user["id"]]


def test_activate_makes_the_new_rule_active_with_one_more_request(run_action, okta, sales):
    okta.post(RULES, json=created())
    okta.post(RULES + "/" + RID + "/lifecycle/activate", status_code=204)
    result = run_action("create_group_rule", dict(PARAMS, activate=True))
    assert result.ok and result.output["rule"]["status"] == "ACTIVE"
    assert calls(okta)[-2:] == [("POST", RULES), ("POST", RULES + "/" + RID + "/lifecycle/activate")]


def test_an_unknown_group_creates_nothing(run_action, okta):
    okta.get(API + "/groups", json=[])
    result = run_action("create_group_rule", PARAMS)
    assert result.ok and result.output["success"] is False
    assert "Sales" in result.output["message"] and "not created" in result.output["message"]
    assert all(method == "GET" for method, _ in calls(okta))


def test_an_unknown_excluded_user_creates_nothing(run_action, okta, sales):
    okta.get(API + "/users/ghost%40example.com", status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])
    result = run_action("create_group_rule", dict(PARAMS, exclude_users=["ghost@example.com"]))
    assert result.ok and result.output["success"] is False and "ghost@example.com" in result.output["message"]
    assert all(method == "GET" for method, _ in calls(okta))


@pytest.mark.parametrize(
    "change, words",
    [
        ({"name": "x" * 51}, "at most 50"),
        ({"expression": "  "}, "'expression' is required and must not be empty"),
        ({"groups": []}, "Groups (groups) is empty"),
    ],
)
def test_bad_input_reaches_no_endpoint(run_action, okta, change, words):
    result = run_action("create_group_rule", dict(PARAMS, **change))
    assert not result.ok and words in result.error and not okta.request_history


def test_an_expression_okta_cannot_parse_is_explained_in_its_words(run_action, okta, sales):
    okta.post(
        RULES,
        status_code=400,
        json=factories.error(
            "E0000001",
            "Api validation failed: validateRule",
            ["Invalid expression syntax user.department ==", "conditions: Invalid expression"],
        ),
    )
    result = run_action("create_group_rule", dict(PARAMS, expression="user.department =="))
    assert not result.ok and "validateRule" in result.error and "Invalid expression syntax" in result.error
