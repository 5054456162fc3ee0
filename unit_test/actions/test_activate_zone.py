"""Activate Network Zone: one lifecycle POST; an ACTIVE zone is success without a request."""

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls, zone
from unit_test.conftest import API

ZID = "nzohxvr9QzHuWqXI65d5"
URL = API + "/zones/" + ZID


def test_activates_an_inactive_zone(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID, status="INACTIVE"))
    okta.post(URL + "/lifecycle/activate", json=zone(zone_id=ZID))
    result = run_action("activate_zone", {"zone": ZID})
    assert result.ok and result.output["success"] and result.output["zone"]["status"] == "ACTIVE"
    assert calls(okta) == [("GET", URL), ("POST", URL + "/lifecycle/activate")]


def test_an_active_zone_is_success_without_a_request(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID))
    result = run_action("activate_zone", {"zone": ZID})
    assert result.ok and result.output["success"] and calls(okta) == [("GET", URL)]
    assert "already ACTIVE" in result.stderr


def test_not_found_is_success_false(run_action, okta):
    okta.get(API + "/zones", json=[])
    result = run_action("activate_zone", {"zone": "Nope"})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


def test_okta_error_is_raised(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID, status="INACTIVE"))
    okta.post(URL + "/lifecycle/activate", status_code=403, json=factories.error("E0000006", "Access denied"))
    assert not run_action("activate_zone", {"zone": ZID}).ok


def test_blank_zone_reaches_no_endpoint(run_action, okta):
    assert not run_action("activate_zone", {"zone": ""}).ok and not okta.request_history
