"""The hunt end to end against the demo org: what an attacker left behind is found and undone.

Each test runs the action through the CLI and the web-server mode (the `plugin` fixture), on a
fresh demo org, and checks two things: the effect in the simulator's state, and the exact
requests the plugin made (method, path and query, in order, read from the simulator's log
before the test reads any state).
"""

from urllib.parse import parse_qsl

import pytest

from oktasim.orgs import demo as org
from unit_test.integration.conftest import okta_get

RULES = "/api/v1/groups/rules"
EXPAND = {"expand": "groupIdToGroupNameMap"}
THREATS = "/api/v1/threats/configuration"
ORIGINS = "/api/v1/trustedOrigins"
BEHAVIORS = "/api/v1/behaviors"


def sent(sim) -> list:
    """(method, path, query as a dict) of every API request the simulator received, in order."""
    return [(r["method"], r["path"], dict(parse_qsl(r["query"]))) for r in sim.requests()]


def group_names(sim, login) -> set:
    return {g["profile"]["name"] for g in okta_get(sim, "/api/v1/users/%s/groups" % login)}


def zone_id(sim, name) -> str:
    return next(z["id"] for z in okta_get(sim, "/api/v1/zones") if z["name"] == name)


# -- group rules ------------------------------------------------------------------------------------
def test_list_group_rules_names_the_privileged_group_the_rogue_rule_fills(plugin, sim):
    run = plugin("list_group_rules", {"name": "Contractor"})
    assert sent(sim) == [("GET", RULES, dict(EXPAND, search="Contractor", limit="200"))]
    assert run.ok and [r["id"] for r in run.output["rules"]] == [org.ROGUE_RULE_ID]
    assert run.output["rules"][0]["assigned_groups"] == [
        {"id": org.PROD_ACCESS_GROUP_ID, "name": org.PROD_ACCESS_GROUP_NAME}
    ]


def test_get_group_rule_by_name_shows_its_expression(plugin, sim):
    run = plugin("get_group_rule", {"rule": org.ROGUE_RULE_NAME})
    assert sent(sim) == [("GET", RULES, dict(EXPAND, search=org.ROGUE_RULE_NAME, limit="200"))]
    assert run.ok and run.output["rule"]["conditions"]["expression"]["value"] == org.ROGUE_RULE_EXPRESSION


@pytest.mark.parametrize(
    "action, rule_id, wanted",
    [
        ("deactivate_group_rule", org.ROGUE_RULE_ID, "INACTIVE"),
        ("activate_group_rule", org.FINANCE_RULE_ID, "ACTIVE"),
    ],
)
def test_a_group_rule_lifecycle_change_reaches_the_org(plugin, sim, action, rule_id, wanted):
    run = plugin(action, {"rule": rule_id})
    operation = "activate" if wanted == "ACTIVE" else "deactivate"
    assert sent(sim) == [
        ("GET", RULES + "/" + rule_id, EXPAND),
        ("POST", "%s/%s/lifecycle/%s" % (RULES, rule_id, operation), {}),
    ]
    assert run.ok and run.output["success"] and run.output["rule"]["status"] == wanted
    assert okta_get(sim, RULES + "/" + rule_id)["status"] == wanted


def test_activating_an_active_rule_sends_no_change(plugin, sim):
    run = plugin("activate_group_rule", {"rule": org.ENGINEERING_RULE_ID})
    assert sent(sim) == [("GET", RULES + "/" + org.ENGINEERING_RULE_ID, EXPAND)]
    assert run.ok and run.output["success"]


def test_deactivating_the_rogue_rule_keeps_the_member_it_added(plugin, sim):
    assert plugin("deactivate_group_rule", {"rule": org.ROGUE_RULE_NAME}).output["success"]
    assert org.PROD_ACCESS_GROUP_NAME in group_names(sim, org.ROGUE_RULE_MEMBER_LOGIN)


def test_delete_group_rule_with_remove_users_takes_back_the_membership_it_added(plugin, sim):
    run = plugin("delete_group_rule", {"rule": org.ROGUE_RULE_ID, "remove_users": True})
    assert sent(sim) == [
        ("GET", RULES + "/" + org.ROGUE_RULE_ID, EXPAND),
        ("POST", RULES + "/" + org.ROGUE_RULE_ID + "/lifecycle/deactivate", {}),
        ("DELETE", RULES + "/" + org.ROGUE_RULE_ID, {"removeUsers": "true"}),
    ]
    assert run.ok and run.output["success"]
    assert org.ROGUE_RULE_ID not in {r["id"] for r in okta_get(sim, RULES)}
    assert org.PROD_ACCESS_GROUP_NAME not in group_names(sim, org.ROGUE_RULE_MEMBER_LOGIN)


def test_create_group_rule_activated_assigns_the_users_it_matches_except_the_excluded(plugin, sim):
    params = {
        "name": "IT Support on the VPN",
        "expression": 'user.department == "IT Support"',
        "groups": ["VPN Users"],
        "exclude_users": [org.JOHN_LOGIN],
        "activate": True,
    }
    run = plugin("create_group_rule", params)
    rule_id = run.output["rule"]["id"]
    assert sent(sim) == [
        ("GET", "/api/v1/groups", {"search": 'profile.name eq "VPN Users"', "limit": "200"}),
        ("GET", "/api/v1/users/" + org.JOHN_LOGIN, {}),
        ("POST", RULES, {}),
        ("POST", RULES + "/" + rule_id + "/lifecycle/activate", {}),
    ]
    assert run.ok and run.output["rule"]["status"] == "ACTIVE"
    assert run.output["rule"]["assigned_groups"][0]["name"] == "VPN Users"
    assert okta_get(sim, RULES + "/" + rule_id)["status"] == "ACTIVE"
    support = [
        u
        for u in okta_get(sim, "/api/v1/users?limit=200")
        if u["profile"].get("department") == "IT Support" and u["status"] == "ACTIVE"
    ]
    assert len(support) > 1 and "VPN Users" not in group_names(sim, org.JOHN_LOGIN)
    assert all(
        "VPN Users" in group_names(sim, u["profile"]["login"])
        for u in support
        if u["profile"]["login"] != org.JOHN_LOGIN
    )


# -- trusted origins ---------------------------------------------------------------------------------
def test_list_trusted_origins_shows_the_phishing_origin_and_who_made_it(plugin, sim):
    run = plugin("list_trusted_origins", {"filter": 'status eq "ACTIVE"'})
    assert sent(sim) == [("GET", ORIGINS, {"filter": 'status eq "ACTIVE"', "limit": "200"})]
    rogue = next(o for o in run.output["trusted_origins"] if o["id"] == org.ROGUE_ORIGIN_ID)
    assert rogue["origin"] == org.ROGUE_ORIGIN and rogue["createdBy"] == org.JANE_ID
    assert run.output["count"] == len(run.output["trusted_origins"]) == 2


def test_deactivate_trusted_origin_by_its_url(plugin, sim):
    run = plugin("deactivate_trusted_origin", {"trusted_origin": org.ROGUE_ORIGIN + "/"})
    assert sent(sim) == [
        ("GET", ORIGINS, {"q": org.ROGUE_ORIGIN, "limit": "200"}),
        ("POST", "%s/%s/lifecycle/deactivate" % (ORIGINS, org.ROGUE_ORIGIN_ID), {}),
    ]
    assert run.ok and run.output["success"]
    assert okta_get(sim, ORIGINS + "/" + org.ROGUE_ORIGIN_ID)["status"] == "INACTIVE"


def test_delete_trusted_origin_by_name(plugin, sim):
    run = plugin("delete_trusted_origin", {"trusted_origin": org.ROGUE_ORIGIN_NAME})
    assert sent(sim) == [
        ("GET", ORIGINS, {"q": org.ROGUE_ORIGIN_NAME, "limit": "200"}),
        ("DELETE", ORIGINS + "/" + org.ROGUE_ORIGIN_ID, {}),
    ]
    assert run.ok and run.output["success"]
    assert [o["id"] for o in okta_get(sim, ORIGINS)] == [org.PORTAL_ORIGIN_ID]


# -- behavior detection rules -----------------------------------------------------------------------
def test_list_behaviors_finds_the_detection_turned_off(plugin, sim):
    run = plugin("list_behaviors", {"status": "INACTIVE"})
    assert sent(sim) == [("GET", BEHAVIORS, {})]
    assert run.ok and [b["id"] for b in run.output["behaviors"]] == [org.DISABLED_BEHAVIOR_ID]


@pytest.mark.parametrize(
    "action, name, wanted",
    [
        ("activate_behavior", org.DISABLED_BEHAVIOR_NAME, "ACTIVE"),
        ("deactivate_behavior", "Velocity", "INACTIVE"),
    ],
)
def test_a_behavior_lifecycle_change_reaches_the_org(plugin, sim, action, name, wanted):
    run = plugin(action, {"behavior": name})
    behavior_id = run.output["behavior"]["id"]
    operation = "activate" if wanted == "ACTIVE" else "deactivate"
    assert sent(sim) == [
        ("GET", BEHAVIORS, {}),
        ("POST", "%s/%s/lifecycle/%s" % (BEHAVIORS, behavior_id, operation), {}),
    ]
    assert run.ok and run.output["success"]
    assert okta_get(sim, BEHAVIORS + "/" + behavior_id)["status"] == wanted


def test_deactivating_an_inactive_behavior_sends_no_change(plugin, sim):
    run = plugin("deactivate_behavior", {"behavior": org.DISABLED_BEHAVIOR_ID})
    assert sent(sim) == [("GET", BEHAVIORS, {})] and run.ok and run.output["success"]


# -- ThreatInsight -----------------------------------------------------------------------------------
def test_get_threat_insight_shows_audit_and_the_corporate_exclusion(plugin, sim):
    run = plugin("get_threat_insight", {})
    assert sent(sim) == [("GET", THREATS, {})]
    assert run.ok and run.output["threat_insight"]["action"] == org.THREAT_INSIGHT_ACTION
    assert run.output["threat_insight"]["excludeZones"] == [zone_id(sim, org.CORPORATE_ZONE_NAME)]


def test_set_threat_insight_to_block_keeps_the_excluded_zones(plugin, sim):
    run = plugin("set_threat_insight", {"action": "block"})
    assert sent(sim) == [("GET", THREATS, {}), ("POST", THREATS, {})]
    config = okta_get(sim, THREATS)
    assert run.ok and run.output["success"] and config["action"] == "block"
    assert config["excludeZones"] == [zone_id(sim, org.CORPORATE_ZONE_NAME)]


def test_set_threat_insight_swaps_excluded_zones_named_by_name_and_keeps_the_action(plugin, sim):
    corporate = zone_id(sim, org.CORPORATE_ZONE_NAME)
    sim.control("DELETE", "/__sim/requests")
    run = plugin(
        "set_threat_insight", {"add_excluded_zones": [org.BLOCKLIST_ZONE_NAME], "remove_excluded_zones": [corporate]}
    )
    assert sent(sim) == [("GET", "/api/v1/zones", {}), ("GET", THREATS, {}), ("POST", THREATS, {})]
    config = okta_get(sim, THREATS)
    assert run.ok and config == dict(config, action=org.THREAT_INSIGHT_ACTION, excludeZones=[org.BLOCKLIST_ZONE_ID])
