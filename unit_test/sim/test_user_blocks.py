"""A user's device-based blocks: none, unknown devices only, or every device when locked out."""

import pytest

UNKNOWN = [{"type": "DEVICE_BASED", "appliesTo": "UNKNOWN_DEVICES"}]
ANY = [{"type": "DEVICE_BASED", "appliesTo": "ANY_DEVICES"}]


def blocks(api, key):
    return api.get(f"/api/v1/users/{key}/blocks")


@pytest.mark.parametrize("key", ["BLOCKED_USER_ID", "JOHN_LOGIN"])
def test_the_demo_user_blocked_after_a_spray_is_blocked_on_unknown_devices(api, demo, key):
    r = blocks(api, getattr(demo, key))
    assert (r.status_code, r.json()) == (200, UNKNOWN)


def test_a_user_with_no_block_has_an_empty_list(api, demo):
    assert blocks(api, demo.JANE_ID).json() == []


def test_a_locked_out_user_is_blocked_on_every_device(api, sim, demo):
    sim.control("POST", f"/users/{demo.JANE_ID}/lockout")
    assert blocks(api, demo.JANE_ID).json() == ANY


def test_unlocking_lifts_the_block(api, sim, demo):
    sim.control("POST", f"/users/{demo.JANE_ID}/lockout")
    api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/unlock")
    assert blocks(api, demo.JANE_ID).json() == []


def test_an_unknown_user_is_404_E0000007(api):
    r = blocks(api, "00unope")
    assert (r.status_code, r.json()["errorSummary"]) == (404, "Not found: Resource not found: 00unope (User)")
