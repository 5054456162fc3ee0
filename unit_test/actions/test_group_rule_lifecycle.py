"""Activate and Deactivate Group Rule (mirrored): resolve, POST the lifecycle operation (204, no body);
a rule already so is success without a request; an INVALID rule, which Okta cannot change, is
success false with a message and no request."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, rule

RULES = API + "/groups/rules"
RID = "0prdemoRogueRule01d7"
URL = RULES + "/" + RID
GET = URL + "?expand=groupIdToGroupNameMap"
# action -> (the status it makes, the other status, the lifecycle operation)
MIRRORED = pytest.mark.parametrize(
    "action, wanted, other, operation",
    [
        ("activate_group_rule", "ACTIVE", "INACTIVE", "activate"),
        ("deactivate_group_rule", "INACTIVE", "ACTIVE", "deactivate"),
    ],
)


@MIRRORED
def test_a_rule_in_the_other_status_is_changed(run_action, okta, action, wanted, other, operation):
    okta.get(URL, json=rule("Contractor access sync", RID, other))
    okta.post(URL + "/lifecycle/" + operation, status_code=204)
    result = run_action(action, {"rule": RID})
    assert result.ok and result.output["success"] and result.output["rule"]["status"] == wanted
    assert calls(okta) == [("GET", GET), ("POST", URL + "/lifecycle/" + operation)]


@MIRRORED
def test_a_rule_already_so_is_success_without_a_request(run_action, okta, action, wanted, other, operation):
    okta.get(URL, json=rule("Contractor access sync", RID, wanted))
    result = run_action(action, {"rule": RID})
    assert result.ok and result.output["success"] and calls(okta) == [("GET", GET)]
    assert "already %s" % wanted in result.stderr


@MIRRORED
def test_an_invalid_rule_is_success_false_without_a_request(run_action, okta, action, wanted, other, operation):
    okta.get(URL, json=rule("Contractor access sync", RID, "INVALID"))
    result = run_action(action, {"rule": RID})
    assert result.ok and result.output["success"] is False and "INVALID" in result.output["message"]
    assert calls(okta) == [("GET", GET)]


@MIRRORED
def test_no_such_rule_is_success_false(run_action, okta, action, wanted, other, operation):
    okta.get(RULES, json=[])
    result = run_action(action, {"rule": "Nope"})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


@MIRRORED
def test_okta_refusing_the_change_is_an_explained_error(run_action, okta, action, wanted, other, operation):
    okta.get(URL, json=rule("Contractor access sync", RID, other))
    okta.post(URL + "/lifecycle/" + operation, status_code=403, json=factories.error("E0000006", "Access denied"))
    result = run_action(action, {"rule": RID})
    assert not result.ok and "E0000006" in result.error


@MIRRORED
def test_a_blank_rule_reaches_no_endpoint(run_action, okta, action, wanted, other, operation):
    assert not run_action(action, {"rule": ""}).ok and not okta.request_history
