"""Activate and Deactivate Network Zone (mirrored): the zone is fetched, then one POST to
/zones/{id}/lifecycle/{operation}; a zone already in the wanted status is success without a request,
an unknown zone success false, and Okta's refusal an error."""

import pytest

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls, zone
from unit_test.conftest import API

ZID = "nzohxvr9QzHuWqXI65d5"
URL = API + "/zones/" + ZID
# action, the status it makes, the other status, the lifecycle operation
MIRRORED = pytest.mark.parametrize(
    "action, wanted, other, operation",
    [
        pytest.param("activate_zone", "ACTIVE", "INACTIVE", "activate", id="activate"),
        pytest.param("deactivate_zone", "INACTIVE", "ACTIVE", "deactivate", id="deactivate"),
    ],
)


@MIRRORED
def test_a_zone_in_the_other_status_is_changed_with_one_post(run_action, okta, action, wanted, other, operation):
    okta.get(URL, json=zone(zone_id=ZID, status=other))
    okta.post(URL + "/lifecycle/" + operation, json=zone(zone_id=ZID, status=wanted))
    result = run_action(action, {"zone": ZID})
    assert result.ok and result.output["success"] and result.output["zone"]["status"] == wanted
    assert calls(okta) == [("GET", URL), ("POST", URL + "/lifecycle/" + operation)]


@MIRRORED
def test_a_zone_already_so_is_success_without_a_request(run_action, okta, action, wanted, other, operation):
    okta.get(URL, json=zone(zone_id=ZID, status=wanted))
    result = run_action(action, {"zone": ZID})
    assert result.ok and result.output["success"] and calls(okta) == [("GET", URL)]
    assert "already %s" % wanted in result.stderr


@MIRRORED
def test_an_unknown_zone_is_success_false_naming_it(run_action, okta, action, wanted, other, operation):
    okta.get(API + "/zones", json=[])
    result = run_action(action, {"zone": "Nope"})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


@MIRRORED
def test_okta_refusing_the_change_is_an_error(run_action, okta, action, wanted, other, operation):
    okta.get(URL, json=zone(zone_id=ZID, status=other))
    okta.post(URL + "/lifecycle/" + operation, status_code=403, json=factories.error("E0000006", "Access denied"))
    assert not run_action(action, {"zone": ZID}).ok


@MIRRORED
def test_a_blank_zone_reaches_no_endpoint(run_action, okta, action, wanted, other, operation):
    assert not run_action(action, {"zone": ""}).ok and not okta.request_history
