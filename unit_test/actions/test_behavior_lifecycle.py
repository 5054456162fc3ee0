"""Activate and Deactivate Behavior Detection Rule (mirrored): one list finds the rule by ID or exact
name, one POST changes it; a rule already so is success without a request."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import behavior, calls

BEHAVIORS = API + "/behaviors"
BID = "abhdemoNewDevice01d7"
URL = BEHAVIORS + "/" + BID
MIRRORED = pytest.mark.parametrize(
    "action, wanted, other, operation",
    [
        ("activate_behavior", "ACTIVE", "INACTIVE", "activate"),
        ("deactivate_behavior", "INACTIVE", "ACTIVE", "deactivate"),
    ],
)


@MIRRORED
@pytest.mark.parametrize("ref", [BID, "New Device", "new device"])
def test_a_rule_in_the_other_status_is_changed(run_action, okta, action, wanted, other, operation, ref):
    okta.get(BEHAVIORS, json=[behavior("New Country"), behavior("New Device", BID, other)])
    okta.post(URL + "/lifecycle/" + operation, json=behavior("New Device", BID, wanted))
    result = run_action(action, {"behavior": ref})
    assert result.ok and result.output["success"] and result.output["behavior"]["status"] == wanted
    assert calls(okta) == [("GET", BEHAVIORS), ("POST", URL + "/lifecycle/" + operation)]


@MIRRORED
def test_a_rule_already_so_is_success_without_a_request(run_action, okta, action, wanted, other, operation):
    okta.get(BEHAVIORS, json=[behavior("New Device", BID, wanted)])
    result = run_action(action, {"behavior": "New Device"})
    assert result.ok and result.output["success"] and calls(okta) == [("GET", BEHAVIORS)]
    assert "already %s" % wanted in result.stderr


@MIRRORED
@pytest.mark.parametrize(
    "rules, words",
    [
        ([], "No Okta behavior detection rule has the ID or name New Device"),
        ([behavior("New Device"), behavior("New Device")], "2 Okta behavior detection rules are named New Device"),
    ],
)
def test_a_miss_or_a_shared_name_is_success_false(run_action, okta, action, wanted, other, operation, rules, words):
    okta.get(BEHAVIORS, json=rules)
    result = run_action(action, {"behavior": "New Device"})
    assert result.ok and result.output["success"] is False and words in result.output["message"]
    assert calls(okta) == [("GET", BEHAVIORS)]


@MIRRORED
def test_okta_refusing_is_an_explained_error(run_action, okta, action, wanted, other, operation):
    okta.get(BEHAVIORS, json=[behavior("New Device", BID, other)])
    okta.post(URL + "/lifecycle/" + operation, status_code=403, json=factories.error("E0000006", "Access denied"))
    result = run_action(action, {"behavior": BID})
    assert not result.ok and "E0000006" in result.error


@MIRRORED
def test_a_blank_rule_reaches_no_endpoint(run_action, okta, action, wanted, other, operation):
    assert not run_action(action, {"behavior": "  "}).ok and not okta.request_history
