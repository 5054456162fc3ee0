"""Delete Network Zone: deactivate first when ACTIVE, then DELETE; system zones and refusals are success false."""

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls, zone
from unit_test.conftest import API

ZID = "nzohxvr9QzHuWqXI65d5"
URL = API + "/zones/" + ZID


def test_an_active_zone_is_deactivated_then_deleted(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID))
    okta.post(URL + "/lifecycle/deactivate", json=zone(zone_id=ZID, status="INACTIVE"))
    okta.delete(URL, status_code=204)
    result = run_action("delete_zone", {"zone": ZID})
    assert result.ok and result.output == {"success": True}
    assert calls(okta) == [("GET", URL), ("POST", URL + "/lifecycle/deactivate"), ("DELETE", URL)]


def test_an_inactive_zone_is_deleted_directly(run_action, okta):
    okta.get(API + "/zones", json=[zone(name="Old", zone_id=ZID, status="INACTIVE")])
    okta.delete(URL, status_code=204)
    result = run_action("delete_zone", {"zone": "Old"})
    assert result.output == {"success": True} and calls(okta) == [("GET", API + "/zones"), ("DELETE", URL)]


def test_a_system_zone_is_refused_without_a_request(run_action, okta):
    okta.get(URL, json=zone(name="BlockedIpZone", zone_id=ZID, system=True))
    result = run_action("delete_zone", {"zone": ZID})
    assert result.ok and result.output["success"] is False and "system zone" in result.output["message"]
    assert calls(okta) == [("GET", URL)]


def test_a_zone_okta_refuses_to_delete_is_activated_again(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID))
    okta.post(URL + "/lifecycle/deactivate", json=zone(zone_id=ZID, status="INACTIVE"))
    okta.delete(URL, status_code=400, json=factories.error("E0000001", "Api validation failed: zone is in use"))
    okta.post(URL + "/lifecycle/activate", json=zone(zone_id=ZID))
    result = run_action("delete_zone", {"zone": ZID})
    assert result.ok and result.output["success"] is False
    assert "in use" in result.output["message"] and "activated again" in result.output["message"]
    assert calls(okta)[-1] == ("POST", URL + "/lifecycle/activate")


def test_a_404_on_delete_means_it_is_already_gone(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID, status="INACTIVE"))
    okta.delete(URL, status_code=404, json=factories.error())
    assert run_action("delete_zone", {"zone": ZID}).output == {"success": True}


def test_not_found_is_success_false(run_action, okta):
    okta.get(API + "/zones", json=[])
    result = run_action("delete_zone", {"zone": "Nope"})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


def test_server_error_is_raised(run_action, okta):
    okta.get(URL, json=zone(zone_id=ZID, status="INACTIVE"))
    okta.delete(URL, status_code=500, json=factories.error("E0000009", "Internal Server Error"))
    result = run_action("delete_zone", {"zone": ZID})
    assert not result.ok and "500" in result.error


def test_blank_zone_reaches_no_endpoint(run_action, okta):
    assert not run_action("delete_zone", {"zone": " "}).ok and not okta.request_history
