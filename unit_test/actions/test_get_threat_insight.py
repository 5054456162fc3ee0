"""Get ThreatInsight: one GET of the org's configuration, returned as Okta answered it."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, threat_config

URL = API + "/threats/configuration"


def test_returns_the_action_and_the_excluded_zones_in_one_request(run_action, okta):
    okta.get(URL, json=threat_config("audit", ["nzo1q7jEOsoCnoKcj0g4"]))
    result = run_action("get_threat_insight", {})
    assert result.ok and calls(okta) == [("GET", URL)]
    assert result.output["threat_insight"]["action"] == "audit"
    assert result.output["threat_insight"]["excludeZones"] == ["nzo1q7jEOsoCnoKcj0g4"]


def test_a_missing_permission_is_an_explained_error(run_action, okta):
    okta.get(
        URL,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )
    result = run_action("get_threat_insight", {})
    assert not result.ok and "403" in result.error and "E0000006" in result.error
