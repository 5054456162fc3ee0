"""Behavior detection rules: Okta's defaults in every org, the demo's disabled one, get and lifecycle."""

import pytest

from oktasim.testing import running_sim

from .conftest import Api

BEHAVIORS = "/api/v1/behaviors"
DEFAULTS = {
    "New Country": "ANOMALOUS_LOCATION",
    "New State": "ANOMALOUS_LOCATION",
    "New City": "ANOMALOUS_LOCATION",
    "New Geo-Location": "ANOMALOUS_LOCATION",
    "New Device": "ANOMALOUS_DEVICE",
    "New IP": "ANOMALOUS_IP",
    "Velocity": "VELOCITY",
}


def test_every_org_starts_with_oktas_default_rules_all_active():
    with running_sim(org="empty") as sim:
        api = Api(sim)
        found = api.get(BEHAVIORS).json()
        api.s.close()
    assert {b["name"]: b["type"] for b in found} == DEFAULTS
    assert {b["status"] for b in found} == {"ACTIVE"}


def test_the_demo_has_new_device_detection_turned_off(api, demo):
    b = api.get(f"{BEHAVIORS}/{demo.DISABLED_BEHAVIOR_ID}").json()
    assert (b["name"], b["type"], b["status"]) == (demo.DISABLED_BEHAVIOR_NAME, "ANOMALOUS_DEVICE", "INACTIVE")
    assert [x["name"] for x in api.get(BEHAVIORS).json()] == list(DEFAULTS)


def test_a_rule_links_itself(api, demo):
    b = api.get(f"{BEHAVIORS}/{demo.DISABLED_BEHAVIOR_ID}").json()
    assert b["_link"]["self"]["href"].endswith(f"{BEHAVIORS}/{demo.DISABLED_BEHAVIOR_ID}")


@pytest.mark.parametrize("suffix", ["", "/lifecycle/activate", "/lifecycle/deactivate"])
def test_an_unknown_rule_is_404_E0000007(api, suffix):
    r = api.s.request("GET" if not suffix else "POST", api.url(f"{BEHAVIORS}/abhnope{suffix}"))
    assert (r.status_code, r.json()["errorCode"]) == (404, "E0000007")


@pytest.mark.parametrize(("action", "status"), [("activate", "ACTIVE"), ("deactivate", "INACTIVE")])
def test_lifecycle_answers_200_with_the_rule_in_its_new_status(api, demo, action, status):
    r = api.post(f"{BEHAVIORS}/{demo.DISABLED_BEHAVIOR_ID}/lifecycle/{action}")
    assert (r.status_code, r.json()["status"]) == (200, status)
    assert api.get(f"{BEHAVIORS}/{demo.DISABLED_BEHAVIOR_ID}").json()["status"] == status


def test_a_lifecycle_change_writes_a_behavior_settings_update(api, sim, demo):
    api.post(f"{BEHAVIORS}/{demo.DISABLED_BEHAVIOR_ID}/lifecycle/activate")
    last = sim.store.logs[-1]
    assert (last["eventType"], last["target"][0]["id"]) == (
        "security.behavior.settings.update",
        demo.DISABLED_BEHAVIOR_ID,
    )


def test_an_unknown_lifecycle_action_is_404_E0000008(api, demo):
    r = api.post(f"{BEHAVIORS}/{demo.DISABLED_BEHAVIOR_ID}/lifecycle/suspend")
    assert (r.status_code, r.json()["errorCode"]) == (404, "E0000008")
