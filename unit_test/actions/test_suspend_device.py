"""Suspend Device, what only it specifies: a device named by its hostname is found first, a refusal
from Okta is an explained error, and a blank device reaches no endpoint. What it shares with
Unsuspend and Deactivate Device is in test_device_lifecycle.py."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device

DEVICE_ID = "guo4a5u7JHHhjXrMK0g4"
DEVICE_URL = API + "/devices/" + DEVICE_ID
SUSPEND = DEVICE_URL + "/lifecycle/suspend"


def made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def test_a_device_named_by_its_hostname_is_found_and_suspended(run_action, okta):
    okta.get(API + "/devices", json=[device("DESKTOP-7QK2M9X", device_id=DEVICE_ID)])
    okta.get(DEVICE_URL, json=device("DESKTOP-7QK2M9X", device_id=DEVICE_ID))
    okta.post(SUSPEND, status_code=204)

    result = run_action("suspend_device", {"device": "DESKTOP-7QK2M9X"})

    assert result.output["success"] is True
    assert made(okta) == [("GET", API + "/devices"), ("GET", DEVICE_URL), ("POST", SUSPEND)]


def test_a_token_without_permission_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(DEVICE_URL, json=device(device_id=DEVICE_ID))
    okta.post(
        SUSPEND,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("suspend_device", {"device": DEVICE_ID})

    assert not result.ok
    assert "You do not have permission" in result.exception["cause"]
    assert result.exception["assistance"]


def test_a_blank_device_reaches_no_endpoint(run_action, okta):
    result = run_action("suspend_device", {"device": " "})

    assert not result.ok and "device" in result.error
    assert not okta.called
