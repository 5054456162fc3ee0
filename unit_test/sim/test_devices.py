"""Devices (Identity Engine): list with search, expand and paging; one device; a user's devices;
the lifecycle rules and what deactivation destroys; delete only when deactivated."""

import pytest

from .conftest import links


def err(r):
    return r.status_code, r.json()["errorCode"]


def device(api, did):
    return api.get(f"/api/v1/devices/{did}")


def lifecycle(api, did, action):
    return api.post(f"/api/v1/devices/{did}/lifecycle/{action}")


def test_every_device_is_listed(api, demo):
    assert {d["id"] for d in api.get("/api/v1/devices").json()} == {
        demo.JANE_IPHONE_DEVICE_ID,
        demo.JANE_LAPTOP_DEVICE_ID,
        demo.ATTACKER_DEVICE_ID,
        demo.JOHN_IPHONE_DEVICE_ID,
        demo.RETIRED_DEVICE_ID,
    }


def test_a_device_carries_profile_resource_fields_and_status_links(api, demo):
    d = device(api, demo.ATTACKER_DEVICE_ID).json()
    assert (d["profile"]["displayName"], d["profile"]["platform"], d["resourceType"], d["resourceId"]) == (
        demo.ATTACKER_DEVICE_NAME,
        "WINDOWS",
        "UDDevice",
        demo.ATTACKER_DEVICE_ID,
    )
    assert {"suspend", "deactivate", "self", "users"} == set(d["_links"])


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ('status eq "DEACTIVATED"', {"RETIRED_DEVICE_ID"}),
        ('profile.displayName co "iPhone"', {"JANE_IPHONE_DEVICE_ID", "JOHN_IPHONE_DEVICE_ID"}),
        ('profile.platform eq "WINDOWS" and status eq "ACTIVE"', {"ATTACKER_DEVICE_ID"}),
        ('profile.sid sw "S-1-5-21"', {"ATTACKER_DEVICE_ID"}),
    ],
)
def test_search_finds_the_matching_devices(api, demo, expr, expected):
    found = {d["id"] for d in api.get("/api/v1/devices", params={"search": expr}).json()}
    assert found == {getattr(demo, name) for name in expected}


@pytest.mark.parametrize("expr", ['profile.platform co "WIN"', "status eq", 'nickname eq "x"'])
def test_a_search_okta_refuses_is_400_E0000031(api, expr):
    assert err(api.get("/api/v1/devices", params={"search": expr})) == (400, "E0000031")


def test_expand_user_embeds_each_linked_user_in_full(api, demo):
    d = next(
        x for x in api.get("/api/v1/devices", params={"expand": "user"}).json() if x["id"] == demo.JANE_IPHONE_DEVICE_ID
    )
    (link,) = d["_embedded"]["users"]
    assert (link["managementStatus"], link["user"]["id"], link["user"]["status"]) == ("MANAGED", demo.JANE_ID, "ACTIVE")


def test_expand_user_summary_embeds_a_summary(api, demo):
    d = next(
        x
        for x in api.get("/api/v1/devices", params={"expand": "userSummary"}).json()
        if x["id"] == demo.ATTACKER_DEVICE_ID
    )
    (link,) = d["_embedded"]["users"]
    assert set(link["user"]) == {"id", "realmId", "profile", "_links"} and link["screenLockType"] == "NONE"


def test_without_expand_nothing_is_embedded(api):
    assert all("_embedded" not in d for d in api.get("/api/v1/devices").json())


def test_an_unknown_expand_is_400(api):
    assert err(api.get("/api/v1/devices", params={"expand": "factors"})) == (400, "E0000001")


def test_devices_are_paged_with_link_headers(api):
    r = api.get("/api/v1/devices", params={"limit": 2})
    seen = [d["id"] for d in r.json()]
    while len(links(r)) > 1:
        r = api.get(links(r)[1].split(">")[0].lstrip("<"))
        seen += [d["id"] for d in r.json()]
    assert len(seen) == len(set(seen)) == 5


def test_an_unknown_device_is_404_E0000007(api):
    assert err(device(api, "guoNoSuchDevice")) == (404, "E0000007")


def test_a_users_devices_carry_the_link_id_and_the_device(api, demo):
    found = api.get(f"/api/v1/users/{demo.JANE_ID}/devices").json()
    assert {x["device"]["id"] for x in found} == {
        demo.JANE_IPHONE_DEVICE_ID,
        demo.JANE_LAPTOP_DEVICE_ID,
        demo.ATTACKER_DEVICE_ID,
    }
    assert all(x["deviceUserId"] and x["created"] for x in found)


# ---- lifecycle: (device, action) -> status after; the other combinations are refused ------
ALLOWED = [
    ("ATTACKER_DEVICE_ID", "suspend", "SUSPENDED"),
    ("ATTACKER_DEVICE_ID", "deactivate", "DEACTIVATED"),
    ("RETIRED_DEVICE_ID", "activate", "ACTIVE"),
]
REFUSED = [
    ("ATTACKER_DEVICE_ID", "activate"),
    ("ATTACKER_DEVICE_ID", "unsuspend"),
    ("RETIRED_DEVICE_ID", "suspend"),
    ("RETIRED_DEVICE_ID", "unsuspend"),
    ("RETIRED_DEVICE_ID", "deactivate"),
]


@pytest.mark.parametrize(("name", "action", "after"), ALLOWED)
def test_an_allowed_transition_is_204_and_moves_the_status(api, sim, demo, name, action, after):
    did = getattr(demo, name)
    assert lifecycle(api, did, action).status_code == 204
    assert device(api, did).json()["status"] == after
    assert sim.store.logs[-1]["eventType"] == f"device.lifecycle.{action}"


@pytest.mark.parametrize(("name", "action"), REFUSED)
def test_a_transition_from_the_wrong_status_is_400_E0000001(api, demo, name, action):
    did = getattr(demo, name)
    before = device(api, did).json()["status"]
    assert err(lifecycle(api, did, action)) == (400, "E0000001")
    assert device(api, did).json()["status"] == before


@pytest.mark.parametrize("action", ["unsuspend", "deactivate"])
def test_a_suspended_device_can_be_unsuspended_or_deactivated(api, demo, action):
    lifecycle(api, demo.ATTACKER_DEVICE_ID, "suspend")
    assert lifecycle(api, demo.ATTACKER_DEVICE_ID, action).status_code == 204


def test_an_unknown_lifecycle_action_is_404(api, demo):
    assert err(lifecycle(api, demo.ATTACKER_DEVICE_ID, "wipe")) == (404, "E0000008")


def test_deactivation_destroys_the_device_bound_factor_and_the_user_link(api, demo):
    lifecycle(api, demo.JANE_IPHONE_DEVICE_ID, "deactivate")
    factors = {f["id"] for f in api.get(f"/api/v1/users/{demo.JANE_ID}/factors").json()}
    assert demo.JANE_PUSH_FACTOR_ID not in factors and demo.JANE_SMS_FACTOR_ID in factors
    mine = {x["device"]["id"] for x in api.get(f"/api/v1/users/{demo.JANE_ID}/devices").json()}
    assert demo.JANE_IPHONE_DEVICE_ID not in mine


def test_deactivation_destroys_the_device_bound_authenticator_enrollment(api, demo):
    lifecycle(api, demo.ATTACKER_DEVICE_ID, "deactivate")
    url = f"/api/v1/users/{demo.JANE_ID}/authenticator-enrollments/{demo.ATTACKER_OV_ENROLLMENT_ID}"
    assert api.get(url).status_code == 404


def test_suspension_is_not_destructive(api, demo):
    lifecycle(api, demo.JANE_IPHONE_DEVICE_ID, "suspend")
    factors = {f["id"] for f in api.get(f"/api/v1/users/{demo.JANE_ID}/factors").json()}
    assert demo.JANE_PUSH_FACTOR_ID in factors


@pytest.mark.parametrize("name", ["ATTACKER_DEVICE_ID", "JANE_LAPTOP_DEVICE_ID"])
def test_deleting_a_device_that_is_not_deactivated_is_403_E0000152(api, demo, name):
    assert err(api.delete(f"/api/v1/devices/{getattr(demo, name)}")) == (403, "E0000152")
    assert device(api, getattr(demo, name)).status_code == 200


def test_a_deactivated_device_can_be_deleted(api, sim, demo):
    assert api.delete(f"/api/v1/devices/{demo.RETIRED_DEVICE_ID}").status_code == 204
    assert device(api, demo.RETIRED_DEVICE_ID).status_code == 404
    assert sim.store.logs[-1]["eventType"] == "device.lifecycle.delete"
