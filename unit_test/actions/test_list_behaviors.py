"""List Behavior Detection Rules: Okta's whole list in one request, optionally only one status."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import behavior, calls

BEHAVIORS = API + "/behaviors"
RULES = [
    behavior("New Country", kind="ANOMALOUS_LOCATION"),
    behavior("New Device", status="INACTIVE"),
    behavior("Velocity", kind="VELOCITY"),
]


@pytest.mark.parametrize(
    "status, names",
    [
        (None, ["New Country", "New Device", "Velocity"]),
        ("INACTIVE", ["New Device"]),
        ("ACTIVE", ["New Country", "Velocity"]),
    ],
)
def test_the_rules_of_the_status_asked_for_come_from_one_request(run_action, okta, status, names):
    okta.get(BEHAVIORS, json=RULES)
    result = run_action("list_behaviors", {"status": status} if status else {})
    assert result.ok and [b["name"] for b in result.output["behaviors"]] == names
    assert result.output["count"] == len(names) and calls(okta) == [("GET", BEHAVIORS)]


def test_an_unknown_status_reaches_no_endpoint(run_action, okta):
    assert not run_action("list_behaviors", {"status": "OFF"}).ok and not okta.request_history


def test_okta_error_is_explained(run_action, okta):
    okta.get(BEHAVIORS, status_code=403, json=factories.error("E0000006", "Access denied"))
    result = run_action("list_behaviors", {})
    assert not result.ok and "E0000006" in result.error
