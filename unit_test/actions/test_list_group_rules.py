"""List Group Rules: Okta's list with the group names expanded in the same request, each rule
showing the groups it assigns by ID and name; a keyword is Okta's `search`."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, rule

RULES = API + "/groups/rules"
PROD, GONE = "00g%017d" % 11, "00g%017d" % 12


def test_each_rule_names_the_groups_it_assigns_from_one_expanded_request(run_action, okta):
    okta.get(RULES, json=[rule("Contractor access sync", group_ids=[PROD], names={PROD: "AWS Production Access"})])
    result = run_action("list_group_rules", {})
    assert result.ok and result.output["count"] == 1
    assert result.output["rules"][0]["assigned_groups"] == [{"id": PROD, "name": "AWS Production Access"}]
    assert calls(okta) == [("GET", RULES + "?expand=groupIdToGroupNameMap&limit=200")]


def test_a_group_okta_no_longer_knows_keeps_its_id_without_a_name(run_action, okta):
    okta.get(RULES, json=[rule(status="INVALID", group_ids=[GONE], names={})])
    [shown] = run_action("list_group_rules", {}).output["rules"]
    assert shown["assigned_groups"] == [{"id": GONE}] and shown["status"] == "INVALID"


def test_a_name_keyword_is_okta_search_and_a_limit_asks_for_just_that_many(run_action, okta):
    okta.get(RULES, json=[rule("Contractor access sync")])
    result = run_action("list_group_rules", {"name": " Contractor ", "limit": 5})
    assert result.ok and calls(okta) == [("GET", RULES + "?expand=groupIdToGroupNameMap&search=Contractor&limit=5")]


def test_every_page_is_read(run_action, okta):
    second = RULES + "?after=0pr2&limit=200&expand=groupIdToGroupNameMap"
    okta.get(RULES, [{"json": [rule("One")], "headers": factories.next_link(second)}, {"json": [rule("Two")]}])
    result = run_action("list_group_rules", {})
    assert [r["name"] for r in result.output["rules"]] == ["One", "Two"] and len(okta.request_history) == 2


def test_no_rules_is_an_empty_list(run_action, okta):
    okta.get(RULES, json=[])
    result = run_action("list_group_rules", {"name": "Nope"})
    assert (
        result.ok and result.output == {"rules": [], "count": 0} and "No Okta group rules match Nope" in result.stderr
    )


def test_okta_error_is_explained(run_action, okta):
    okta.get(RULES, status_code=403, json=factories.error("E0000006", "You do not have permission"))
    result = run_action("list_group_rules", {})
    assert not result.ok and "E0000006" in result.error
