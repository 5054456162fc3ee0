"""Update Network Zone: GET, change, whole-object PUT; APPEND skips covered addresses; no change, no PUT."""

import pytest

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls, cidr, rng, zone
from unit_test.conftest import API

ZONES = API + "/zones"
ZID = "nzohxvr9QzHuWqXI65d5"
URL = ZONES + "/" + ZID


def existing(**kwargs):
    kwargs.setdefault("gateways", [cidr("10.0.0.0/8")])
    kwargs.setdefault("usage", "POLICY")
    return zone(name="Corp", zone_id=ZID, **kwargs)


def test_append_adds_uncovered_addresses_and_keeps_every_other_field(run_action, okta):
    current = existing(proxies=[cidr("172.16.0.1/32")], useAsExemptList=False)
    okta.get(URL, json=current)
    okta.put(URL, json=dict(current, gateways=current["gateways"] + [rng("192.0.2.1-192.0.2.1")]))
    result = run_action("update_zone", {"zone": ZID, "gateways": ["10.1.2.3", "192.0.2.1", "192.0.2.1/32"]})
    assert result.ok and result.output["success"]
    assert calls(okta) == [("GET", URL), ("PUT", URL)]
    assert okta.request_history[1].json() == {
        "type": "IP",
        "name": "Corp",
        "status": "ACTIVE",
        "usage": "POLICY",
        "useAsExemptList": False,
        "gateways": [cidr("10.0.0.0/8"), rng("192.0.2.1-192.0.2.1")],
        "proxies": [cidr("172.16.0.1/32")],
    }


def test_override_replaces_and_an_empty_list_clears_proxies(run_action, okta):
    current = existing(proxies=[cidr("172.16.0.1/32")])
    okta.get(URL, json=current)
    okta.put(URL, json=current)
    run_action("update_zone", {"zone": ZID, "mode": "OVERRIDE", "gateways": ["192.0.2.0/24"], "proxies": []})
    body = okta.request_history[1].json()
    assert body["gateways"] == [cidr("192.0.2.0/24")] and body["proxies"] is None


def test_rename_by_name_checks_the_new_name_is_free(run_action, okta):
    current = existing()
    okta.get(ZONES, [{"json": [current]}, {"json": [current]}])
    okta.put(URL, json=dict(current, name="Corporate"))
    result = run_action("update_zone", {"zone": "Corp", "name": "Corporate"})
    assert result.output["zone"]["name"] == "Corporate"
    assert calls(okta) == [("GET", ZONES), ("GET", ZONES), ("PUT", URL)]
    assert okta.request_history[2].json()["name"] == "Corporate"
    assert okta.request_history[2].json()["gateways"] == current["gateways"]


def test_rename_to_another_zones_name_is_success_false(run_action, okta):
    okta.get(URL, json=existing())
    okta.get(ZONES, json=[existing(), zone(name="Taken", zone_id="nzo2")])
    result = run_action("update_zone", {"zone": ZID, "name": "Taken"})
    assert result.output["success"] is False and "Taken" in result.output["message"]
    assert calls(okta) == [("GET", URL), ("GET", ZONES)]


def test_dynamic_zone_can_be_renamed_without_gateways_appearing(run_action, okta):
    dynamic = zone(name="Geo", zone_id=ZID, zone_type="DYNAMIC", locations=[{"country": "KP", "region": None}])
    okta.get(URL, json=dynamic)
    okta.get(ZONES, json=[dynamic])
    okta.put(URL, json=dict(dynamic, name="Geo2"))
    run_action("update_zone", {"zone": ZID, "name": "Geo2"})
    assert okta.request_history[-1].json() == {
        "type": "DYNAMIC",
        "name": "Geo2",
        "status": "ACTIVE",
        "usage": "BLOCKLIST",
        "locations": [{"country": "KP", "region": None}],
    }


def test_dynamic_zone_refuses_gateways_without_a_put(run_action, okta):
    okta.get(URL, json=zone(name="Geo", zone_id=ZID, zone_type="DYNAMIC"))
    result = run_action("update_zone", {"zone": ZID, "gateways": ["1.1.1.1"]})
    assert not result.ok and "DYNAMIC" in result.error and calls(okta) == [("GET", URL)]


@pytest.mark.parametrize(
    "params",
    [
        {"gateways": ["10.9.9.9"]},  # already covered by 10.0.0.0/8
        {"gateways": ["10.0.0.0-10.255.255.255"], "mode": "OVERRIDE"},  # the same addresses, written otherwise
        {"name": "Corp"},  # the same name
    ],
)
def test_no_change_makes_no_put(run_action, okta, params):
    okta.get(URL, json=existing())
    result = run_action("update_zone", dict(params, zone=ZID))
    assert result.ok and result.output["success"] and calls(okta) == [("GET", URL)]


def test_not_found_is_success_false(run_action, okta):
    okta.get(ZONES, json=[])
    result = run_action("update_zone", {"zone": "Nope", "gateways": ["1.1.1.1"]})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


def test_okta_error_on_put_is_raised(run_action, okta):
    okta.get(URL, json=existing())
    okta.put(URL, status_code=400, json=factories.error("E0000001", "Api validation failed: gateways"))
    result = run_action("update_zone", {"zone": ZID, "gateways": ["1.1.1.1"]})
    assert not result.ok and "E0000001" in result.error


def test_caps_are_checked_before_the_put(run_action, okta):
    okta.get(URL, json=existing(gateways=[rng("10.0.%d.1-10.0.%d.1" % (i, i)) for i in range(150)]))
    result = run_action("update_zone", {"zone": ZID, "gateways": ["192.0.2.1"]})
    assert not result.ok and "150" in result.error and calls(okta) == [("GET", URL)]


def test_proxies_refused_for_a_blocklist_zone(run_action, okta):
    okta.get(URL, json=existing(usage="BLOCKLIST"))
    result = run_action("update_zone", {"zone": ZID, "proxies": ["1.1.1.1"]})
    assert not result.ok and "proxies" in result.error and calls(okta) == [("GET", URL)]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"zone": ZID}, "Nothing to change"),
        ({"zone": ZID, "name": " "}, "name"),
        ({"zone": " ", "name": "x"}, "zone"),
        ({"zone": ZID, "gateways": ["300.1.1.1"]}, "gateways[0]"),
        ({"zone": ZID, "proxies": ["1.1.1.9-1.1.1.1"]}, "proxies[0]"),
    ],
)
def test_bad_input_reaches_no_endpoint(run_action, okta, params, field):
    result = run_action("update_zone", params)
    assert not result.ok and field in result.error and not okta.request_history
