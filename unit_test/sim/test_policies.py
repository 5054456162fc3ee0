"""Policies: listing by type, lifecycle, and the shape the recorded real policies have."""

import pytest

from . import vcr


def policies(api, ptype):
    return api.get("/api/v1/policies", params={"type": ptype}).json()


def _recorded_default(ptype):
    """The most recently changed recorded system policy of the type (read alone or in a list)."""
    found = [
        p
        for d in vcr.interactions(resource="policies", status=200, method="GET")
        if d["path_template"] in ("/api/v1/policies", "/api/v1/policies/{policyId}")
        for p in (d["response_body"] if isinstance(d["response_body"], list) else [d["response_body"]])
        if p["type"] == ptype and p["system"]
    ]
    return max(found, key=lambda p: p["lastUpdated"])


def test_listing_policies_needs_a_type(api):
    r = api.get("/api/v1/policies")
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000028")


def test_policies_of_a_type_come_in_priority_order_with_the_default_last(api):
    assert [(p["name"], p["system"]) for p in policies(api, "MFA_ENROLL")] == [
        ("Admins MFA", False),
        ("Default Policy", True),
    ]


def test_policy_deactivate_is_204(api):
    pid = policies(api, "ACCESS_POLICY")[0]["id"]
    assert api.post(f"/api/v1/policies/{pid}/lifecycle/deactivate").status_code == 204
    assert api.get(f"/api/v1/policies/{pid}").json()["status"] == "INACTIVE"


def test_default_password_policy_has_the_recorded_conditions_and_settings(api):
    real = _recorded_default("PASSWORD")
    [ours] = [p for p in policies(api, "PASSWORD") if p["system"]]
    ours = api.get(f"/api/v1/policies/{ours['id']}").json()
    assert vcr.key_tree(ours["conditions"]) == vcr.key_tree(real["conditions"])
    assert vcr.key_tree(ours["settings"]) == vcr.key_tree(real["settings"])


@pytest.mark.parametrize("ptype", ["OKTA_SIGN_ON", "MFA_ENROLL"])
def test_default_policy_applies_to_everyone_as_recorded(api, ptype):
    real = _recorded_default(ptype)
    everyone = api.get("/api/v1/groups", params={"q": "Everyone"}).json()[0]["id"]
    [ours] = [p for p in policies(api, ptype) if p["system"]]
    assert vcr.key_tree(ours["conditions"]) == vcr.key_tree(real["conditions"])
    assert ours["conditions"]["people"]["groups"]["include"] == [everyone]
    assert ("settings" in ours) == ("settings" in real)


def test_policy_for_a_group_names_the_group_in_its_conditions(api, demo):
    [admins] = [p for p in policies(api, "MFA_ENROLL") if not p["system"]]
    assert admins["conditions"] == {"people": {"groups": {"include": [demo.PRIVILEGED_GROUP_ID]}}}
    assert admins["settings"]["type"] == "AUTHENTICATORS"


def test_access_policy_has_null_conditions_and_no_settings_as_recorded(api):
    real = _recorded_default("ACCESS_POLICY")
    ours = api.get(f"/api/v1/policies/{policies(api, 'ACCESS_POLICY')[0]['id']}").json()
    assert ours["conditions"] is None is real["conditions"]
    assert "settings" not in ours and "settings" not in real


def test_access_policies_in_a_list_carry_their_resource_type_as_recorded(api):
    rec = vcr.one(
        lambda d: (
            d["resource"] == "policies"
            and d["status"] == 200
            and d["method"] == "GET"
            and d["path_template"] == "/api/v1/policies"
            and d["query"].get("type") == ["ACCESS_POLICY"]
            and "_embedded" in d["response_body"][0]
        )
    )
    listed = policies(api, "ACCESS_POLICY")[0]
    assert listed["_embedded"] == {"resourceType": "APP"} == rec["response_body"][0]["_embedded"]
    assert "_embedded" not in api.get(f"/api/v1/policies/{listed['id']}").json()


def test_policy_without_a_description_leaves_the_key_out_as_recorded(api, sim):
    real = _recorded_default("PROFILE_ENROLLMENT")
    sim.control("POST", "/__sim/org", json={"org": {"policies": [{"name": "Sign-up", "type": "PROFILE_ENROLLMENT"}]}})
    [ours] = policies(api, "PROFILE_ENROLLMENT")
    assert "description" not in ours and "description" not in real
    assert ours["conditions"] is None is real["conditions"]
