"""Suspend Device: ACTIVE -> SUSPENDED; already suspended needs no request; other statuses are explained."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device

DEVICE_ID = "guo4a5u7JHHhjXrMK0g4"
DEVICE_URL = API + "/devices/" + DEVICE_ID
SUSPEND = DEVICE_URL + "/lifecycle/suspend"


def made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def test_an_active_device_is_suspended(run_action, okta):
    okta.get(DEVICE_URL, json=device(device_id=DEVICE_ID))
    okta.post(SUSPEND, status_code=204)

    result = run_action("suspend_device", {"device": DEVICE_ID})

    assert result.ok, result.error
    assert result.output == {"success": True, "device_id": DEVICE_ID, "status": "SUSPENDED"}
    assert made(okta) == [("GET", DEVICE_URL), ("POST", SUSPEND)]


def test_a_device_named_by_its_hostname_is_found_and_suspended(run_action, okta):
    okta.get(API + "/devices", json=[device("DESKTOP-7QK2M9X", device_id=DEVICE_ID)])
    okta.get(DEVICE_URL, json=device("DESKTOP-7QK2M9X", device_id=DEVICE_ID))
    okta.post(SUSPEND, status_code=204)

    result = run_action("suspend_device", {"device": "DESKTOP-7QK2M9X"})

    assert result.output["success"] is True
    assert made(okta) == [("GET", API + "/devices"), ("GET", DEVICE_URL), ("POST", SUSPEND)]


def test_a_suspended_device_succeeds_without_a_request(run_action, okta):
    okta.get(DEVICE_URL, json=device(status="SUSPENDED", device_id=DEVICE_ID))

    result = run_action("suspend_device", {"device": DEVICE_ID})

    assert result.output == {"success": True, "device_id": DEVICE_ID, "status": "SUSPENDED"}
    assert made(okta) == [("GET", DEVICE_URL)]
    assert "already SUSPENDED" in result.body["log"]


def test_a_deactivated_device_is_not_suspended_and_the_message_says_why(run_action, okta):
    okta.get(DEVICE_URL, json=device(status="DEACTIVATED", device_id=DEVICE_ID))

    result = run_action("suspend_device", {"device": DEVICE_ID})

    assert result.ok
    assert result.output["success"] is False
    assert "is DEACTIVATED; Okta can suspend only a device that is ACTIVE" in result.output["message"]
    assert made(okta) == [("GET", DEVICE_URL)]


def test_an_unknown_device_gives_success_false_and_no_change(run_action, okta):
    okta.get(DEVICE_URL, status_code=404, json=factories.error())

    result = run_action("suspend_device", {"device": DEVICE_ID})

    assert result.ok
    assert result.output == {"success": False, "message": "No Okta device has the ID %s." % DEVICE_ID}


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
