"""Get Group Rule: an ID is fetched directly (expanded), a name is Okta's search matched exactly;
a miss, or a name several rules share, is found false with a message."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, rule

RULES = API + "/groups/rules"
RID = "0prdemoRogueRule01d7"
PROD = "00g%017d" % 21
SEARCH = RULES + "?expand=groupIdToGroupNameMap&search=Contractor+access+sync&limit=200"


def test_an_id_is_fetched_directly_with_its_group_names(run_action, okta):
    okta.get(
        RULES + "/" + RID,
        json=rule("Contractor access sync", RID, group_ids=[PROD], names={PROD: "AWS Production Access"}),
    )
    result = run_action("get_group_rule", {"rule": RID})
    assert result.ok and result.output["found"] and result.output["rule"]["id"] == RID
    assert result.output["rule"]["assigned_groups"] == [{"id": PROD, "name": "AWS Production Access"}]
    assert calls(okta) == [("GET", RULES + "/" + RID + "?expand=groupIdToGroupNameMap")]


def test_a_name_is_matched_exactly_among_the_search_results(run_action, okta):
    okta.get(RULES, json=[rule("Contractor access sync v2"), rule("Contractor access sync", RID)])
    result = run_action("get_group_rule", {"rule": "Contractor access sync"})
    assert result.output["found"] and result.output["rule"]["id"] == RID
    assert calls(okta) == [("GET", SEARCH)]


def test_a_name_differing_only_in_case_matches_when_it_is_the_only_one(run_action, okta):
    okta.get(RULES, json=[rule("CONTRACTOR ACCESS SYNC", RID)])
    assert run_action("get_group_rule", {"rule": "Contractor access sync"}).output["rule"]["id"] == RID


def test_an_unknown_id_is_then_tried_as_a_name(run_action, okta):
    okta.get(
        RULES + "/" + RID,
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: %s (PolicyRule)" % RID),
    )
    okta.get(RULES, json=[])
    result = run_action("get_group_rule", {"rule": RID})
    assert result.ok and result.output["found"] is False and RID in result.output["message"]
    assert len(okta.request_history) == 2


@pytest.mark.parametrize(
    "rules, words",
    [
        ([], "No Okta group rule has the ID or name Contractor access sync"),
        ([rule("Contractor access sync"), rule("Contractor access sync")], "2 Okta group rules are named"),
    ],
)
def test_a_miss_or_a_shared_name_is_found_false_with_a_message(run_action, okta, rules, words):
    okta.get(RULES, json=rules)
    result = run_action("get_group_rule", {"rule": "Contractor access sync"})
    assert result.ok and result.output["found"] is False and words in result.output["message"]


def test_a_blank_rule_reaches_no_endpoint(run_action, okta):
    assert not run_action("get_group_rule", {"rule": "  "}).ok and not okta.request_history
