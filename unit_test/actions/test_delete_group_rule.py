"""Delete Group Rule: an ACTIVE rule is deactivated first, then deleted (202); removeUsers is sent as
asked (false by default); a rule gone meanwhile counts as deleted."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, rule

RULES = API + "/groups/rules"
RID = "0prdemoRogueRule01d7"
URL = RULES + "/" + RID
GET = URL + "?expand=groupIdToGroupNameMap"


def test_an_active_rule_is_deactivated_then_deleted_keeping_its_users_by_default(run_action, okta):
    okta.get(URL, json=rule("Contractor access sync", RID, "ACTIVE"))
    okta.post(URL + "/lifecycle/deactivate", status_code=204)
    okta.delete(URL, status_code=202, json={})
    result = run_action("delete_group_rule", {"rule": RID})
    assert result.ok and result.output["success"] and result.output["rule"]["id"] == RID
    assert calls(okta) == [
        ("GET", GET),
        ("POST", URL + "/lifecycle/deactivate"),
        ("DELETE", URL + "?removeUsers=false"),
    ]


@pytest.mark.parametrize("status", ["INACTIVE", "INVALID"])
def test_a_rule_not_active_is_deleted_directly_and_remove_users_is_sent(run_action, okta, status):
    okta.get(URL, json=rule("Contractor access sync", RID, status))
    okta.delete(URL, status_code=202, json={})
    result = run_action("delete_group_rule", {"rule": RID, "remove_users": True})
    assert result.ok and result.output["success"]
    assert calls(okta) == [("GET", GET), ("DELETE", URL + "?removeUsers=true")]


def test_a_rule_gone_meanwhile_counts_as_deleted(run_action, okta):
    okta.get(URL, json=rule("Contractor access sync", RID, "INACTIVE"))
    okta.delete(URL, status_code=404, json=factories.error())
    result = run_action("delete_group_rule", {"rule": RID})
    assert result.ok and result.output["success"] and "already gone" in result.stderr


def test_no_such_rule_is_success_false(run_action, okta):
    okta.get(RULES, json=[])
    result = run_action("delete_group_rule", {"rule": "Nope"})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


def test_okta_refusing_the_delete_is_an_explained_error(run_action, okta):
    okta.get(URL, json=rule("Contractor access sync", RID, "INACTIVE"))
    okta.delete(URL, status_code=403, json=factories.error("E0000006", "Access denied"))
    result = run_action("delete_group_rule", {"rule": RID})
    assert not result.ok and "E0000006" in result.error


def test_a_blank_rule_reaches_no_endpoint(run_action, okta):
    assert not run_action("delete_group_rule", {"rule": " "}).ok and not okta.request_history
