"""Unsuspend Device: SUSPENDED -> ACTIVE; already active needs no request; a deactivated device cannot come back."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device

DEVICE_ID = "guo4a5u7JHHhjXrMK0g4"
DEVICE_URL = API + "/devices/" + DEVICE_ID
UNSUSPEND = DEVICE_URL + "/lifecycle/unsuspend"


def made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def test_a_suspended_device_is_made_active(run_action, okta):
    okta.get(DEVICE_URL, json=device(status="SUSPENDED", device_id=DEVICE_ID))
    okta.post(UNSUSPEND, status_code=204)

    result = run_action("unsuspend_device", {"device": DEVICE_ID})

    assert result.ok, result.error
    assert result.output == {"success": True, "device_id": DEVICE_ID, "status": "ACTIVE"}
    assert made(okta) == [("GET", DEVICE_URL), ("POST", UNSUSPEND)]


def test_an_active_device_succeeds_without_a_request(run_action, okta):
    okta.get(DEVICE_URL, json=device(status="ACTIVE", device_id=DEVICE_ID))

    result = run_action("unsuspend_device", {"device": DEVICE_ID})

    assert result.output == {"success": True, "device_id": DEVICE_ID, "status": "ACTIVE"}
    assert made(okta) == [("GET", DEVICE_URL)]


def test_a_deactivated_device_cannot_be_unsuspended_and_the_message_says_why(run_action, okta):
    okta.get(DEVICE_URL, json=device(status="DEACTIVATED", device_id=DEVICE_ID))

    result = run_action("unsuspend_device", {"device": DEVICE_ID})

    assert result.output["success"] is False
    assert "cannot be brought back by unsuspending" in result.output["message"]
    assert made(okta) == [("GET", DEVICE_URL)]


@pytest.mark.parametrize("found", [[], [device("PC"), device("PC")]], ids=["no match", "two matches"])
def test_a_name_that_names_no_single_device_gives_success_false(run_action, okta, found):
    okta.get(API + "/devices", json=found)

    result = run_action("unsuspend_device", {"device": "PC"})

    assert result.ok and result.output["success"] is False and "PC" in result.output["message"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_classic_engine_org_is_told_it_lacks_identity_engine(run_action, okta):
    okta.get(DEVICE_URL, status_code=401, json=factories.error("E0000015", "You do not have permission"))

    result = run_action("unsuspend_device", {"device": DEVICE_ID})

    assert not result.ok and "does not have Identity Engine" in result.exception["cause"]
