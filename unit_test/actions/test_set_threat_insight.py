"""Set ThreatInsight: read, change only what was asked, POST the whole configuration back.

Okta's POST replaces the configuration (no excludeZones = none excluded), so every field not
asked to change must go back as it was read. Zones are named by ID or exact name through one
zone listing; a zone that names no single zone changes nothing.
"""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, threat_config, zone

URL = API + "/threats/configuration"
ZONES = API + "/zones"
CORP, PARTNER = "nzo1q7jEOsoCnoKcj0g4", "nzouagptWUz5DlLfM0g3"


def mock_zones(okta, *zones):
    okta.get(ZONES, json=list(zones) or [zone("Corporate Network", CORP), zone("Partner VPN", PARTNER)])


def test_a_new_action_keeps_the_excluded_zones_and_lists_no_zones(run_action, okta):
    okta.get(URL, json=threat_config("audit", [CORP]))
    okta.post(URL, json=threat_config("block", [CORP]))
    result = run_action("set_threat_insight", {"action": "block"})
    assert result.ok and result.output["success"] and result.output["threat_insight"]["action"] == "block"
    assert calls(okta) == [("GET", URL), ("POST", URL)]
    assert okta.request_history[-1].json() == {"action": "block", "excludeZones": [CORP]}


def test_a_zone_added_by_name_is_appended_by_id_and_the_action_kept(run_action, okta):
    mock_zones(okta)
    okta.get(URL, json=threat_config("audit", [CORP]))
    okta.post(URL, json=threat_config("audit", [CORP, PARTNER]))
    result = run_action("set_threat_insight", {"add_excluded_zones": ["Partner VPN"]})
    assert result.ok and result.output["success"]
    assert calls(okta) == [("GET", ZONES), ("GET", URL), ("POST", URL)]
    assert okta.request_history[-1].json() == {"action": "audit", "excludeZones": [CORP, PARTNER]}


def test_a_zone_removed_by_id_leaves_the_others(run_action, okta):
    mock_zones(okta)
    okta.get(URL, json=threat_config("block", [CORP, PARTNER]))
    okta.post(URL, json=threat_config("block", [PARTNER]))
    result = run_action("set_threat_insight", {"remove_excluded_zones": [CORP]})
    assert result.ok and okta.request_history[-1].json() == {"action": "block", "excludeZones": [PARTNER]}


def test_a_configuration_that_already_holds_is_success_without_an_update(run_action, okta):
    mock_zones(okta)
    okta.get(URL, json=threat_config("block", [CORP]))
    result = run_action("set_threat_insight", {"action": "block", "add_excluded_zones": ["Corporate Network"]})
    assert result.ok and result.output["success"] and result.output["threat_insight"]["action"] == "block"
    assert calls(okta) == [("GET", ZONES), ("GET", URL)]
    assert "nothing to change" in result.stderr


@pytest.mark.parametrize(
    "zones, words",
    [
        ([], "no network zone has the ID or name Partner VPN"),
        ([zone("Partner VPN", PARTNER), zone("Partner VPN", "nzo0000000000000000x")], "2 zones are named Partner VPN"),
    ],
)
def test_a_zone_naming_no_single_zone_changes_nothing(run_action, okta, zones, words):
    okta.get(ZONES, json=zones)
    result = run_action("set_threat_insight", {"action": "block", "add_excluded_zones": ["Partner VPN"]})
    assert result.ok and result.output["success"] is False and words in result.output["message"]
    assert calls(okta) == [("GET", ZONES)]


@pytest.mark.parametrize(
    "params, words",
    [
        ({}, "Nothing to change"),
        ({"add_excluded_zones": ["  "]}, "is blank"),
        ({"add_excluded_zones": [CORP], "remove_excluded_zones": [CORP]}, "both to be added to and removed"),
        ({"action": "off"}, "action"),
    ],
)
def test_bad_input_reaches_no_endpoint(run_action, okta, params, words):
    result = run_action("set_threat_insight", params)
    assert not result.ok and words in result.error and not okta.request_history


def test_one_zone_named_both_ways_to_add_and_remove_is_refused_before_any_change(run_action, okta):
    mock_zones(okta)
    result = run_action(
        "set_threat_insight", {"add_excluded_zones": ["Corporate Network"], "remove_excluded_zones": [CORP]}
    )
    assert not result.ok and "both to be added to and removed" in result.error
    assert calls(okta) == [("GET", ZONES)]


def test_okta_refusing_the_update_is_an_explained_error(run_action, okta):
    okta.get(URL, json=threat_config("audit"))
    okta.post(
        URL,
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: action", ["action: The value must be one of none, audit, block"]
        ),
    )
    result = run_action("set_threat_insight", {"action": "block"})
    assert not result.ok and "E0000001" in result.error and "none, audit, block" in result.error
