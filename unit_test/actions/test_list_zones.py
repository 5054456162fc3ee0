"""List Network Zones: all pages, a filter, a limit, and input refused before any request."""

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls, zone
from unit_test.conftest import API

ZONES = API + "/zones"


def test_lists_every_zone_following_next_links(run_action, okta):
    okta.get(
        ZONES,
        [
            {"json": [zone(zone_id="nzo1")], "headers": factories.next_link(ZONES + "?after=nzo1")},
            {"json": [zone(name="B", zone_id="nzo2")]},
        ],
    )
    result = run_action("list_zones", {})
    assert result.ok and result.output["count"] == 2
    assert [z["id"] for z in result.output["zones"]] == ["nzo1", "nzo2"]
    assert "proxies" not in result.output["zones"][0]  # null dropped by the runtime
    assert calls(okta) == [("GET", ZONES), ("GET", ZONES + "?after=nzo1")]


def test_filter_is_sent_as_okta_filter(run_action, okta):
    okta.get(ZONES, json=[zone()])
    result = run_action("list_zones", {"filter": 'usage eq "BLOCKLIST"'})
    assert result.ok and okta.request_history[0].qs == {"filter": ['usage eq "blocklist"']}


def test_limit_below_a_page_is_one_request_for_exactly_that_many(run_action, okta):
    okta.get(
        ZONES,
        json=[zone(zone_id="nzo1"), zone(zone_id="nzo2")],
        headers=factories.next_link(ZONES + "?after=nzo2&limit=2"),
    )
    result = run_action("list_zones", {"limit": 2})
    assert result.output["count"] == 2 and len(okta.request_history) == 1
    assert okta.request_history[0].qs == {"limit": ["2"]}


def test_no_zones_is_an_empty_list(run_action, okta):
    okta.get(ZONES, json=[])
    assert run_action("list_zones", {}).output == {"zones": [], "count": 0}


def test_okta_error_is_raised_explained(run_action, okta):
    okta.get(ZONES, status_code=400, json=factories.error("E0000031", "Invalid search criteria."))
    result = run_action("list_zones", {"filter": "name eq \"x\""})
    assert not result.ok and "E0000031" in result.error


def test_a_limit_below_one_reaches_no_endpoint(run_action, okta):
    result = run_action("list_zones", {"limit": 0})
    assert not result.ok and "limit" in result.error and not okta.request_history
