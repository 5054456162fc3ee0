"""Update Blacklist Zones: block/unblock an address in a named IP zone with a whole-object PUT."""

import pytest

from unit_test import factories
from unit_test.conftest import API

ZONES = API + "/zones"
NAME = "InsightConnect Blacklist Zone"


def zone(name=NAME, gateways=(), zone_id="nzo1", usage="BLOCKLIST", zone_type="IP", system=False, **extra):
    body = {
        "type": zone_type,
        "id": zone_id,
        "name": name,
        "status": "ACTIVE",
        "usage": usage,
        "created": "2020-11-01T01:00:47.000Z",
        "lastUpdated": "2020-11-01T23:36:53.000Z",
        "system": system,
        "gateways": [dict(g) for g in gateways],
        "proxies": None,
        "_links": {"self": {"href": "%s/zones/%s" % (API, zone_id), "hints": {"allow": ["GET", "PUT", "DELETE"]}}},
    }
    if zone_type != "IP":
        del body["gateways"], body["proxies"]
    body.update(extra)
    return body


def rng(value):
    return {"type": "RANGE", "value": value}


def cidr(value):
    return {"type": "CIDR", "value": value}


def calls(okta):
    return [(r.method, r.url) for r in okta.request_history]


def run(run_action, address, state=None, name=NAME):
    params = {"name": name, "address": address}
    if state is not None:
        params["blacklist_state"] = state
    return run_action("update_blacklist_zones", params)


def test_blocking_adds_the_address_as_okta_stores_it_with_a_whole_object_put(run_action, okta):
    existing = zone(gateways=[cidr("10.0.0.0/8")], proxies=[cidr("2.2.3.0/24")])
    okta.get(ZONES, json=[zone(name="Other", zone_id="nzo0"), existing])
    updated = dict(existing, gateways=[cidr("10.0.0.0/8"), rng("198.51.100.1-198.51.100.1")])
    okta.put(ZONES + "/nzo1", json=updated)

    result = run(run_action, "198.51.100.1")

    assert result.ok
    assert result.output["zone_list"]["gateways"] == updated["gateways"]
    assert result.output["zone_list"]["id"] == "nzo1"
    assert calls(okta) == [("GET", ZONES), ("PUT", ZONES + "/nzo1")]
    assert okta.request_history[1].json() == {
        "type": "IP",
        "name": NAME,
        "status": "ACTIVE",
        "usage": "BLOCKLIST",
        "gateways": [cidr("10.0.0.0/8"), rng("198.51.100.1-198.51.100.1")],
        "proxies": [cidr("2.2.3.0/24")],
    }


def test_blacklist_state_defaults_to_block(run_action, okta):
    okta.get(ZONES, json=[zone()])
    okta.put(ZONES + "/nzo1", json=zone(gateways=[cidr("198.51.100.0/24")]))

    run(run_action, "198.51.100.0/24")

    assert okta.request_history[-1].json()["gateways"] == [cidr("198.51.100.0/24")]


def test_blocking_an_ipv6_range_adds_it(run_action, okta):
    okta.get(ZONES, json=[zone()])
    okta.put(ZONES + "/nzo1", json=zone(gateways=[rng("2001:db8::1-2001:db8::ff")]))

    result = run(run_action, "2001:DB8::1-2001:db8::ff", True)

    assert result.ok
    assert okta.request_history[-1].json()["gateways"] == [rng("2001:db8::1-2001:db8::ff")]


@pytest.mark.parametrize("stored", [rng("1.1.1.1-1.1.1.1"), cidr("1.1.1.1/32"), cidr("1.1.1.0/24")])
def test_blocking_an_address_already_covered_makes_no_put(run_action, okta, stored):
    okta.get(ZONES, json=[zone(gateways=[stored])])

    result = run(run_action, "1.1.1.1")

    assert result.ok
    assert result.output["zone_list"]["gateways"] == [stored]
    assert calls(okta) == [("GET", ZONES)]
    assert "already blocked" in result.stderr


@pytest.mark.parametrize("stored", [rng("1.1.1.1-1.1.1.1"), cidr("1.1.1.1/32")])
def test_unblocking_removes_the_equivalent_entry(run_action, okta, stored):
    okta.get(ZONES, json=[zone(gateways=[cidr("10.0.0.0/8"), stored])])
    okta.put(ZONES + "/nzo1", json=zone(gateways=[cidr("10.0.0.0/8")]))

    result = run(run_action, "1.1.1.1", False)

    assert result.ok
    assert result.output["zone_list"]["gateways"] == [cidr("10.0.0.0/8")]
    assert calls(okta) == [("GET", ZONES), ("PUT", ZONES + "/nzo1")]
    assert okta.request_history[1].json()["gateways"] == [cidr("10.0.0.0/8")]


def test_unblocking_an_absent_address_makes_no_put_and_returns_the_zone(run_action, okta):
    okta.get(ZONES, json=[zone(gateways=[cidr("10.0.0.0/8")])])

    result = run(run_action, "1.1.1.1", False)

    assert result.ok
    assert result.output["zone_list"]["gateways"] == [cidr("10.0.0.0/8")]
    assert calls(okta) == [("GET", ZONES)]


def test_unblocking_inside_a_wider_entry_is_an_error_naming_it_without_a_put(run_action, okta):
    okta.get(ZONES, json=[zone(gateways=[cidr("1.1.1.0/24")])])

    result = run(run_action, "1.1.1.1", False)

    assert not result.ok
    assert "1.1.1.0/24" in result.exception["cause"]
    assert calls(okta) == [("GET", ZONES)]


def test_unblocking_with_no_zone_of_that_name_is_an_error(run_action, okta):
    okta.get(ZONES, json=[zone(name="Other")])

    result = run(run_action, "1.1.1.1", False)

    assert not result.ok
    assert "No Okta network zone is named %s" % NAME in result.exception["cause"]
    assert calls(okta) == [("GET", ZONES)]


def test_the_zone_name_must_match_exactly(run_action, okta):
    okta.get(ZONES, json=[zone(name=NAME.lower())])

    result = run(run_action, "1.1.1.1", False)

    assert not result.ok


def test_blocking_with_no_zone_of_that_name_creates_a_blocklist_zone(run_action, okta):
    okta.get(ZONES, json=[])
    created = zone(gateways=[rng("1.1.1.1-1.1.1.1")], zone_id="nzo9")
    okta.post(ZONES, json=created)

    result = run(run_action, "1.1.1.1")

    assert result.ok
    assert result.output["zone_list"]["id"] == "nzo9"
    assert calls(okta) == [("GET", ZONES), ("POST", ZONES)]
    assert okta.request_history[1].json() == {
        "type": "IP",
        "name": NAME,
        "status": "ACTIVE",
        "usage": "BLOCKLIST",
        "gateways": [rng("1.1.1.1-1.1.1.1")],
        "proxies": None,
    }


def test_the_zone_is_found_on_a_later_page_following_the_next_link(run_action, okta):
    page2 = ZONES + "?after=nzo5"
    okta.get(ZONES, [{"json": [zone(name="Other", zone_id="nzo5")], "headers": factories.next_link(page2)}])
    okta.get(page2, json=[zone(gateways=[])], complete_qs=True)
    okta.put(ZONES + "/nzo1", json=zone(gateways=[rng("1.1.1.1-1.1.1.1")]))

    result = run(run_action, "1.1.1.1")

    assert result.ok
    assert calls(okta) == [("GET", ZONES), ("GET", page2), ("PUT", ZONES + "/nzo1")]


def test_a_next_link_to_another_host_is_not_followed(run_action, okta):
    okta.get(ZONES, json=[zone(name="Other")], headers=factories.next_link("https://evil.example.com/api/v1/zones"))

    result = run(run_action, "1.1.1.1", False)

    assert not result.ok
    assert calls(okta) == [("GET", ZONES)]


@pytest.mark.parametrize("address", ["1.1.1", "1.1.1.1/33", "1.1.1.9-1.1.1.1", "1.1.1.1-::1", "hello", "   "])
def test_an_invalid_address_is_refused_before_any_request(run_action, okta, address):
    result = run(run_action, address)

    assert not result.ok
    assert "address" in result.error.lower()
    assert okta.request_history == []


def test_a_dynamic_zone_is_refused_without_a_put(run_action, okta):
    okta.get(ZONES, json=[zone(zone_type="DYNAMIC", proxyType="TorAnonymizer", locations=None)])

    result = run(run_action, "1.1.1.1")

    assert not result.ok
    assert "DYNAMIC" in result.exception["cause"]
    assert calls(okta) == [("GET", ZONES)]


def test_a_full_blocklist_zone_gives_a_clear_error_before_any_put(run_action, okta):
    full = [cidr("10.%d.%d.0/24" % divmod(i, 256)) for i in range(1000)]
    okta.get(ZONES, json=[zone(gateways=full)])

    result = run(run_action, "1.1.1.1")

    assert not result.ok
    assert "1000" in result.exception["cause"]
    assert calls(okta) == [("GET", ZONES)]


def test_a_full_policy_zone_is_capped_at_150(run_action, okta):
    full = [cidr("10.0.%d.0/24" % i) for i in range(150)]
    okta.get(ZONES, json=[zone(gateways=full, usage="POLICY")])

    result = run(run_action, "1.1.1.1")

    assert not result.ok
    assert "150" in result.exception["cause"]
    assert calls(okta) == [("GET", ZONES)]


def test_an_okta_error_on_put_is_explained(run_action, okta):
    okta.get(ZONES, json=[zone()])
    okta.put(
        ZONES + "/nzo1",
        status_code=400,
        json=factories.error("E0000001", "Api validation failed: gateways", ["gateways: too many"]),
    )

    result = run(run_action, "1.1.1.1")

    assert not result.ok
    assert "E0000001" in result.exception["cause"]
    assert calls(okta) == [("GET", ZONES), ("PUT", ZONES + "/nzo1")]


def test_the_put_is_retried_after_a_server_error_because_it_is_idempotent(run_action, okta):
    okta.get(ZONES, json=[zone()])
    okta.put(
        ZONES + "/nzo1",
        [
            {"status_code": 503, "json": factories.error("E0000010", "read-only")},
            {"json": zone(gateways=[rng("1.1.1.1-1.1.1.1")])},
        ],
    )

    result = run(run_action, "1.1.1.1")

    assert result.ok
    assert calls(okta) == [("GET", ZONES), ("PUT", ZONES + "/nzo1"), ("PUT", ZONES + "/nzo1")]
