"""ThreatInsight: the configuration, and the POST that replaces it."""

import pytest

from oktasim.testing import running_sim

from .conftest import Api

CONFIG = "/api/v1/threats/configuration"


def zone_id(sim, name):
    return next(z["id"] for z in sim.store.zones.values() if z["name"] == name)


def test_a_new_org_has_threatinsight_off_with_no_excluded_zone():
    with running_sim(org="empty") as sim:
        api = Api(sim)
        c = api.get(CONFIG).json()
        api.s.close()
    assert (c["action"], c["excludeZones"]) == ("none", [])


def test_the_demo_audits_and_excludes_the_corporate_network(api, sim, demo):
    c = api.get(CONFIG).json()
    assert (c["action"], c["excludeZones"]) == (demo.THREAT_INSIGHT_ACTION, [zone_id(sim, demo.CORPORATE_ZONE_NAME)])
    assert c["_links"]["self"]["hints"] == {"allow": ["GET", "POST"]}


def test_post_sets_the_action_and_the_excluded_zones(api, sim, demo):
    zones = [zone_id(sim, demo.CORPORATE_ZONE_NAME), demo.BLOCKLIST_ZONE_ID]
    r = api.post(CONFIG, json={"action": "block", "excludeZones": zones})
    assert (r.status_code, r.json()["action"], r.json()["excludeZones"]) == (200, "block", zones)
    assert api.get(CONFIG).json()["action"] == "block"


def test_post_replaces_the_whole_configuration_so_absent_zones_are_none(api):
    assert api.post(CONFIG, json={"action": "block"}).json()["excludeZones"] == []


def test_post_moves_last_updated_and_keeps_created(api, sim):
    before = api.get(CONFIG).json()
    sim.control("POST", "/clock", json={"advance": 60})
    after = api.post(CONFIG, json={"action": "block"}).json()
    assert after["created"] == before["created"] and after["lastUpdated"] > before["lastUpdated"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "action"),
        ({"action": "BLOCK"}, "action"),
        ({"action": "log"}, "action"),
        ({"action": "block", "excludeZones": "nzo1"}, "excludeZones"),
        ({"action": "block", "excludeZones": ["nzonope"]}, "excludeZones"),
    ],
)
def test_a_body_okta_refuses_is_400_E0000001_naming_the_field(api, payload, field):
    r = api.post(CONFIG, json=payload)
    assert (r.status_code, r.json()["errorSummary"]) == (400, f"Api validation failed: {field}")


def test_a_refused_update_changes_nothing(api, demo):
    api.post(CONFIG, json={"action": "block", "excludeZones": ["nzonope"]})
    assert api.get(CONFIG).json()["action"] == demo.THREAT_INSIGHT_ACTION


def test_an_update_logs_the_change_from_and_to(api, sim, demo):
    api.post(CONFIG, json={"action": "block"})
    last = sim.store.logs[-1]
    change = last["target"][0]["changeDetails"]
    assert last["eventType"] == "security.threat.configuration.update"
    assert (change["from"]["action"], change["to"]) == (
        demo.THREAT_INSIGHT_ACTION,
        {"action": "block", "excludeZones": []},
    )


def test_put_is_405_E0000022_okta_updates_with_post(api):
    r = api.put(CONFIG, json={"action": "block"})
    assert (r.status_code, r.json()["errorCode"]) == (405, "E0000022")


@pytest.mark.parametrize("raw", ["{not json", "[]", ""])
def test_a_body_that_is_not_a_json_object_is_400_E0000003(api, raw):
    r = api.post(CONFIG, data=raw, headers={"Content-Type": "application/json"})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000003")
