"""Create Network Zone: validated addresses POSTed as Okta stores them; duplicates and caps refused."""

import pytest

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls, cidr, rng, zone
from unit_test.conftest import API

ZONES = API + "/zones"


def test_creates_an_active_ip_zone_with_normalised_distinct_addresses(run_action, okta):
    okta.get(ZONES, json=[zone(name="Other")])
    created = zone(
        name="SOAR Blocklist",
        zone_id="nzoNew",
        usage="POLICY",
        gateways=[cidr("198.51.100.0/24"), rng("2001:db8::1-2001:db8::1")],
    )
    okta.post(ZONES, json=created)
    result = run_action(
        "create_zone",
        {
            "name": "SOAR Blocklist",
            "gateways": ["198.51.100.7/24", "2001:DB8::1", "2001:db8::1/128"],
            "proxies": ["203.0.113.10"],
        },
    )
    assert result.ok and result.output["success"] and result.output["zone"]["id"] == "nzoNew"
    assert calls(okta) == [("GET", ZONES), ("POST", ZONES)]
    assert okta.request_history[1].json() == {
        "type": "IP",
        "name": "SOAR Blocklist",
        "status": "ACTIVE",
        "usage": "POLICY",
        "gateways": [cidr("198.51.100.0/24"), rng("2001:db8::1-2001:db8::1")],
        "proxies": [rng("203.0.113.10-203.0.113.10")],
    }


def test_blocklist_zone_without_proxies_sends_null(run_action, okta):
    okta.get(ZONES, json=[])
    okta.post(ZONES, json=zone(name="B"))
    run_action("create_zone", {"name": "B", "usage": "BLOCKLIST", "gateways": ["1.1.1.1"]})
    assert okta.request_history[1].json()["proxies"] is None
    assert okta.request_history[1].json()["usage"] == "BLOCKLIST"


def test_an_existing_name_is_success_false_and_no_post(run_action, okta):
    okta.get(ZONES, json=[zone(name="B")])
    result = run_action("create_zone", {"name": "B", "gateways": ["1.1.1.1"]})
    assert result.ok and result.output["success"] is False and "already exists" in result.output["message"]
    assert calls(okta) == [("GET", ZONES)]


def test_okta_error_is_raised(run_action, okta):
    okta.get(ZONES, json=[])
    okta.post(ZONES, status_code=400, json=factories.error("E0000001", "Api validation failed: gateways"))
    result = run_action("create_zone", {"name": "B", "gateways": ["1.1.1.1"]})
    assert not result.ok and "E0000001" in result.error


@pytest.mark.parametrize(
    "params, field",
    [
        ({"name": " ", "gateways": ["1.1.1.1"]}, "name"),
        ({"name": "B", "gateways": ["1.1.1.1", "not-an-ip"]}, "gateways[1]"),
        ({"name": "B", "gateways": ["1.1.1.0/24-1.1.1.9"]}, "gateways[0]"),
        ({"name": "B", "gateways": ["1.1.1.1"], "proxies": ["fe80::1%eth0"]}, "proxies[0]"),
        ({"name": "B", "usage": "BLOCKLIST", "gateways": ["1.1.1.1"], "proxies": ["2.2.2.2"]}, "proxies"),
        ({"name": "B", "gateways": ["10.0.%d.1" % i for i in range(151)]}, "gateways"),
        (
            {"name": "B", "usage": "BLOCKLIST", "gateways": ["10.%d.%d.1" % (i // 250, i % 250) for i in range(1001)]},
            "gateways",
        ),
    ],
)
def test_bad_input_reaches_no_endpoint(run_action, okta, params, field):
    result = run_action("create_zone", params)
    assert not result.ok and field in result.error and not okta.request_history


def test_a_blocklist_zone_may_hold_up_to_1000_gateways(run_action, okta):
    okta.get(ZONES, json=[])
    okta.post(ZONES, json=zone(name="B"))
    result = run_action(
        "create_zone",
        {"name": "B", "usage": "BLOCKLIST", "gateways": ["10.%d.%d.1" % (i // 250, i % 250) for i in range(1000)]},
    )
    assert result.ok and len(okta.request_history[1].json()["gateways"]) == 1000
