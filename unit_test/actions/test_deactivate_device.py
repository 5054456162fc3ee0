"""Deactivate Device, what only it specifies: an answer lost after Okta deactivated the device is
still a success. What it shares with Suspend and Unsuspend Device is in test_device_lifecycle.py."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device

DEVICE_ID = "guo4a5u7JHHhjXrMK0g4"
DEVICE_URL = API + "/devices/" + DEVICE_ID
DEACTIVATE = DEVICE_URL + "/lifecycle/deactivate"


def made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


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
