"""Get Network Zone: by ID (one GET) or exact name (the list), not found, ambiguous, errors."""

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls, zone
from unit_test.conftest import API

ZONES = API + "/zones"
ZID = "nzohxvr9QzHuWqXI65d5"


def test_by_id_is_one_get(run_action, okta):
    okta.get(ZONES + "/" + ZID, json=zone(zone_id=ZID))
    result = run_action("get_zone", {"zone": ZID})
    assert result.ok and result.output["found"] and result.output["zone"]["id"] == ZID
    assert calls(okta) == [("GET", ZONES + "/" + ZID)]


def test_by_exact_name_reads_the_list(run_action, okta):
    okta.get(ZONES, json=[zone(name="Corp", zone_id="nzo0"), zone(name="Blocked Now", zone_id="nzo1")])
    result = run_action("get_zone", {"zone": "Blocked Now"})
    assert result.output["zone"]["id"] == "nzo1" and calls(okta) == [("GET", ZONES)]


def test_name_match_is_exact(run_action, okta):
    okta.get(ZONES, json=[zone(name="blocked now")])
    result = run_action("get_zone", {"zone": "Blocked Now"})
    assert result.ok and result.output == {
        "found": False,
        "message": "No Okta network zone has the ID or name Blocked Now.",
    }


def test_an_unknown_id_falls_back_to_names_then_not_found(run_action, okta):
    okta.get(ZONES + "/" + ZID, status_code=404, json=factories.error())
    okta.get(ZONES, json=[zone()])
    result = run_action("get_zone", {"zone": ZID})
    assert result.ok and result.output["found"] is False and ZID in result.output["message"]
    assert calls(okta) == [("GET", ZONES + "/" + ZID), ("GET", ZONES)]


def test_two_zones_of_one_name_are_not_guessed(run_action, okta):
    okta.get(ZONES, json=[zone(name="Dup", zone_id="nzo1"), zone(name="Dup", zone_id="nzo2")])
    result = run_action("get_zone", {"zone": "Dup"})
    assert result.output["found"] is False and "nzo1, nzo2" in result.output["message"]


def test_okta_error_is_raised(run_action, okta):
    okta.get(ZONES + "/" + ZID, status_code=403, json=factories.error("E0000006", "You do not have permission"))
    result = run_action("get_zone", {"zone": ZID})
    assert not result.ok and "403" in result.error


def test_blank_zone_reaches_no_endpoint(run_action, okta):
    result = run_action("get_zone", {"zone": "  "})
    assert not result.ok and "zone" in result.error and not okta.request_history
