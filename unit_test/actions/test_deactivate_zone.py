"""Deactivate Network Zone: one lifecycle POST; an INACTIVE zone is success without a request."""

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls, zone
from unit_test.conftest import API

ZID = "nzohxvr9QzHuWqXI65d5"
URL = API + "/zones/" + ZID


def test_deactivates_an_active_zone(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID, status="ACTIVE"))
    okta.post(URL + "/lifecycle/deactivate", json=zone(zone_id=ZID, status="INACTIVE"))
    result = run_action("deactivate_zone", {"zone": ZID})
    assert result.ok and result.output["success"] and result.output["zone"]["status"] == "INACTIVE"
    assert calls(okta) == [("GET", URL), ("POST", URL + "/lifecycle/deactivate")]


def test_an_inactive_zone_is_success_without_a_request(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID, status="INACTIVE"))
    result = run_action("deactivate_zone", {"zone": ZID})
    assert result.ok and result.output["success"] and calls(okta) == [("GET", URL)]
    assert "already INACTIVE" in result.stderr


def test_not_found_is_success_false(run_action, okta):
    okta.get(API + "/zones", json=[])
    result = run_action("deactivate_zone", {"zone": "Nope"})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


def test_okta_error_is_raised(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID, status="ACTIVE"))
    okta.post(URL + "/lifecycle/deactivate", status_code=403, json=factories.error("E0000006", "Access denied"))
    assert not run_action("deactivate_zone", {"zone": ZID}).ok


def test_blank_zone_reaches_no_endpoint(run_action, okta):
    assert not run_action("deactivate_zone", {"zone": ""}).ok and not okta.request_history
