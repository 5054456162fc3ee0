"""Zone, realm, policy and raw request actions end to end: envelope out, and the sim's org really changed."""

from oktasim.orgs import demo as org
from unit_test.integration.conftest import okta_get


def zone_named(sim, name):
    return [z for z in okta_get(sim, "/api/v1/zones") if z["name"] == name]


def test_list_zones_filters_blocklist_zones(plugin, sim):
    run = plugin("list_zones", {"filter": 'usage eq "BLOCKLIST"'})
    expected = {z["id"] for z in okta_get(sim, "/api/v1/zones") if z["usage"] == "BLOCKLIST"}
    assert run.ok and {z["id"] for z in run.output["zones"]} == expected and org.BLOCKLIST_ZONE_ID in expected
    assert run.output["count"] == len(expected)


def test_get_zone_by_name(plugin):
    run = plugin("get_zone", {"zone": org.BLOCKLIST_ZONE_NAME})
    assert run.ok and run.output["found"] and run.output["zone"]["id"] == org.BLOCKLIST_ZONE_ID


def test_create_zone_creates_an_active_ip_zone_once(plugin, sim):
    params = {
        "name": "SOAR Test Zone",
        "usage": "POLICY",
        "gateways": ["203.0.113.0/24", "2001:db8::1"],
        "proxies": ["198.18.0.1"],
    }
    first, second = plugin("create_zone", params), plugin("create_zone", params)
    assert first.ok and first.output["success"] and not second.output["success"]
    [stored] = zone_named(sim, "SOAR Test Zone")
    assert stored["status"] == "ACTIVE" and stored["gateways"] == [
        {"type": "CIDR", "value": "203.0.113.0/24"},
        {"type": "RANGE", "value": "2001:db8::1-2001:db8::1"},
    ]


def test_update_zone_appends_once_and_keeps_other_fields(plugin, sim):
    before = okta_get(sim, "/api/v1/zones/" + org.BLOCKLIST_ZONE_ID)
    run = plugin("update_zone", {"zone": org.BLOCKLIST_ZONE_ID, "gateways": ["203.0.113.9", "198.51.100.7"]})
    again = plugin("update_zone", {"zone": org.BLOCKLIST_ZONE_ID, "gateways": ["203.0.113.9"]})
    after = okta_get(sim, "/api/v1/zones/" + org.BLOCKLIST_ZONE_ID)
    assert run.ok and again.ok and again.output["success"]
    assert after["gateways"] == before["gateways"] + [{"type": "RANGE", "value": "203.0.113.9-203.0.113.9"}]
    assert {k: after[k] for k in ("name", "usage", "status", "type")} == {
        k: before[k] for k in ("name", "usage", "status", "type")
    }


def test_deactivate_then_activate_zone(plugin, sim):
    assert plugin("deactivate_zone", {"zone": org.BLOCKLIST_ZONE_NAME}).output["success"]
    assert okta_get(sim, "/api/v1/zones/" + org.BLOCKLIST_ZONE_ID)["status"] == "INACTIVE"
    run = plugin("activate_zone", {"zone": org.BLOCKLIST_ZONE_ID})
    assert run.ok and run.output["zone"]["status"] == "ACTIVE"
    assert okta_get(sim, "/api/v1/zones/" + org.BLOCKLIST_ZONE_ID)["status"] == "ACTIVE"


def test_delete_zone_deactivates_then_deletes_and_refuses_system_zones(plugin, sim):
    run = plugin("delete_zone", {"zone": org.BLOCKLIST_ZONE_NAME})
    assert run.ok and run.output == {"success": True} and not zone_named(sim, org.BLOCKLIST_ZONE_NAME)
    system = plugin("delete_zone", {"zone": "BlockedIpZone"})
    assert system.ok and not system.output["success"] and zone_named(sim, "BlockedIpZone")


def test_list_realms_finds_partners_by_part_of_the_name(plugin):
    run = plugin("list_realms", {"query": "artner"})
    assert run.ok and [r["profile"]["name"] for r in run.output["realms"]] == ["Partners"]


def test_list_policies_of_a_type(plugin, sim):
    run = plugin("list_policies", {"type": "MFA_ENROLL", "limit": 1})
    assert run.ok and run.output["count"] == 1
    assert run.output["policies"][0]["id"] in {p["id"] for p in okta_get(sim, "/api/v1/policies?type=MFA_ENROLL")}


def test_raw_request_gets_users_with_paging(plugin, sim):
    run = plugin("raw_request", {"path": "/api/v1/users", "paginate": True, "limit": 3, "query": {"limit": 2}})
    assert run.ok and run.output["status_code"] == 200 and run.output["count"] == 3
    one = plugin("raw_request", {"path": "users/" + org.JANE_LOGIN})
    assert one.output["body"]["id"] == org.JANE_ID


def test_raw_request_refuses_an_escaping_path_without_a_request(plugin, sim):
    sim.control("DELETE", "/__sim/requests")
    run = plugin("raw_request", {"path": "/users/%2e%2e/%2e%2e/oauth2/v1/token"})
    assert not run.ok and "Refused" in run.body["error"]
    assert sim.control("GET", "/__sim/requests") == []  # nothing reached the org
    missing = plugin("raw_request", {"path": "/users/nobody%40nowhere.example"})
    assert missing.ok and missing.output["status_code"] == 404
