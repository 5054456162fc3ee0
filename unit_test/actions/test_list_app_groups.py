"""List Application Groups: GET /apps/{id}/groups?expand=group in pages of 200 (an ID needs no
lookup, a label is resolved first); each assignment carries its group in the plugin's shape."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls

APP_ID = "0oa1abcdefghijklmnop"
GROUPS = API + "/apps/%s/groups" % APP_ID
FIRST = GROUPS + "?expand=group&limit=200"


def assignment(name, priority, group_id=None):
    group = factories.group(name, group_id)
    return {
        "id": group["id"],
        "priority": priority,
        "lastUpdated": "2024-08-13T12:00:00.000Z",
        "profile": {},
        "_embedded": {"group": group},
        "_links": {"group": {"href": API + "/groups/" + group["id"]}},
    }


def test_an_app_id_lists_its_groups_in_one_request_each_with_its_group_named(run_action, okta):
    okta.get(FIRST, json=[assignment("Privileged Admins", 0), assignment("AWS Production Access", 1)])
    result = run_action("list_app_groups", {"app": APP_ID})
    assert result.ok and result.output["found"] and result.output["count"] == 2 and result.output["app_id"] == APP_ID
    assert [(g["priority"], g["group"]["name"]) for g in result.output["groups"]] == [
        (0, "Privileged Admins"),
        (1, "AWS Production Access"),
    ]
    assert calls(okta) == [("GET", FIRST)]


def test_the_next_page_is_followed(run_action, okta):
    second = GROUPS + "?after=00g2&expand=group&limit=200"
    okta.get(FIRST, json=[assignment("A", 0)], headers=factories.next_link(second))
    okta.get(second, json=[assignment("B", 1)])
    result = run_action("list_app_groups", {"app": APP_ID})
    assert [g["group"]["name"] for g in result.output["groups"]] == ["A", "B"]


def test_the_query_is_okta_q_on_the_group_name(run_action, okta):
    okta.get(GROUPS + "?expand=group&q=AWS&limit=200", json=[assignment("AWS Production Access", 1)])
    result = run_action("list_app_groups", {"app": APP_ID, "query": " AWS "})
    assert result.ok and result.output["count"] == 1


def test_a_limit_below_oktas_minimum_page_still_asks_for_a_full_page_and_returns_the_limit(run_action, okta):
    okta.get(FIRST, json=[assignment("A", 0), assignment("B", 1), assignment("C", 2)])
    result = run_action("list_app_groups", {"app": APP_ID, "limit": 2})
    assert [g["group"]["name"] for g in result.output["groups"]] == ["A", "B"] and calls(okta) == [("GET", FIRST)]


def test_a_label_is_resolved_first(run_action, okta):
    okta.get(API + "/apps?q=AWS+Console&limit=200", json=[{"id": APP_ID, "label": "AWS Console", "status": "ACTIVE"}])
    okta.get(FIRST, json=[])
    result = run_action("list_app_groups", {"app": "AWS Console"})
    assert result.ok and result.output == {"found": True, "app_id": APP_ID, "groups": [], "count": 0}


def test_an_unknown_app_id_is_found_false_naming_it(run_action, okta):
    okta.get(FIRST, status_code=404, json=factories.error(summary="Not found: Resource not found: x (AppInstance)"))
    result = run_action("list_app_groups", {"app": APP_ID})
    assert result.ok and result.output == {
        "found": False,
        "message": "No Okta application has the ID or label %s." % APP_ID,
    }


def test_a_limit_below_one_is_refused_before_any_request(run_action, okta):
    result = run_action("list_app_groups", {"app": APP_ID, "limit": 0})
    assert not result.ok and "limit" in result.error and okta.request_history == []


def test_okta_refusing_the_read_is_an_explained_error(run_action, okta):
    okta.get(FIRST, status_code=403, json=factories.error("E0000006", "You do not have permission"))
    result = run_action("list_app_groups", {"app": APP_ID})
    assert not result.ok and "E0000006" in result.error
