"""Deactivate Device: ACTIVE or SUSPENDED -> DEACTIVATED; already deactivated needs no request."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device

DEVICE_ID = "guo4a5u7JHHhjXrMK0g4"
DEVICE_URL = API + "/devices/" + DEVICE_ID
DEACTIVATE = DEVICE_URL + "/lifecycle/deactivate"


def made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


@pytest.mark.parametrize("status", ["ACTIVE", "SUSPENDED"])
def test_an_active_or_suspended_device_is_deactivated(run_action, okta, status):
    okta.get(DEVICE_URL, json=device(status=status, device_id=DEVICE_ID))
    okta.post(DEACTIVATE, status_code=204)

    result = run_action("deactivate_device", {"device": DEVICE_ID})

    assert result.ok, result.error
    assert result.output == {"success": True, "device_id": DEVICE_ID, "status": "DEACTIVATED"}
    assert made(okta) == [("GET", DEVICE_URL), ("POST", DEACTIVATE)]


def test_a_deactivated_device_succeeds_without_a_request(run_action, okta):
    okta.get(DEVICE_URL, json=device(status="DEACTIVATED", device_id=DEVICE_ID))

    result = run_action("deactivate_device", {"device": DEVICE_ID})

    assert result.output == {"success": True, "device_id": DEVICE_ID, "status": "DEACTIVATED"}
    assert made(okta) == [("GET", DEVICE_URL)]
    assert "already DEACTIVATED" in result.body["log"]


def test_an_answer_lost_after_okta_deactivated_the_device_is_still_a_success(run_action, okta):
    okta.get(
        DEVICE_URL, [{"json": device(device_id=DEVICE_ID)}, {"json": device(status="DEACTIVATED", device_id=DEVICE_ID)}]
    )
    okta.post(
        DEACTIVATE,
        [
            {"status_code": 503, "text": "unavailable"},
            {
                "status_code": 400,
                "json": factories.error(
                    "E0000001", "Api validation failed: status", ["Cannot deactivate a device that is DEACTIVATED"]
                ),
            },
        ],
    )

    result = run_action("deactivate_device", {"device": DEVICE_ID})

    assert result.ok, result.error
    assert result.output["success"] is True
    assert made(okta) == [("GET", DEVICE_URL), ("POST", DEACTIVATE), ("POST", DEACTIVATE), ("GET", DEVICE_URL)]


def test_an_unknown_device_gives_success_false(run_action, okta):
    okta.get(DEVICE_URL, status_code=404, json=factories.error())

    result = run_action("deactivate_device", {"device": DEVICE_ID})

    assert result.output == {"success": False, "message": "No Okta device has the ID %s." % DEVICE_ID}


def test_a_classic_engine_org_is_told_it_lacks_identity_engine(run_action, okta):
    okta.get(DEVICE_URL, status_code=401, json=factories.error("E0000015", "You do not have permission"))

    result = run_action("deactivate_device", {"device": DEVICE_ID})

    assert not result.ok and "does not have Identity Engine" in result.exception["cause"]
