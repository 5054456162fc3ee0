"""Delete Device: only a DEACTIVATED device is deleted; any other is refused with what to run first."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device

DEVICE_ID = "guo4a5u7JHHhjXrMK0g4"
DEVICE_URL = API + "/devices/" + DEVICE_ID


def made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def test_a_deactivated_device_is_deleted(run_action, okta):
    okta.get(DEVICE_URL, json=device(status="DEACTIVATED", device_id=DEVICE_ID))
    okta.delete(DEVICE_URL, status_code=204)

    result = run_action("delete_device", {"device": DEVICE_ID})

    assert result.ok, result.error
    assert result.output == {"success": True, "device_id": DEVICE_ID}
    assert made(okta) == [("GET", DEVICE_URL), ("DELETE", DEVICE_URL)]


@pytest.mark.parametrize("status", ["ACTIVE", "SUSPENDED"])
def test_a_device_not_deactivated_is_kept_and_the_message_says_to_deactivate_it_first(run_action, okta, status):
    okta.get(DEVICE_URL, json=device(status=status, device_id=DEVICE_ID))

    result = run_action("delete_device", {"device": DEVICE_ID})

    assert result.ok
    assert result.output["success"] is False
    assert "Okta deletes only a DEACTIVATED device. Run Deactivate Device first" in result.output["message"]
    assert made(okta) == [("GET", DEVICE_URL)]


def test_an_unknown_device_gives_success_false(run_action, okta):
    okta.get(DEVICE_URL, status_code=404, json=factories.error())

    result = run_action("delete_device", {"device": DEVICE_ID})

    assert result.output == {"success": False, "message": "No Okta device has the ID %s." % DEVICE_ID}


def test_a_token_without_permission_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(DEVICE_URL, json=device(status="DEACTIVATED", device_id=DEVICE_ID))
    okta.delete(
        DEVICE_URL,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("delete_device", {"device": DEVICE_ID})

    assert not result.ok and "You do not have permission" in result.exception["cause"]
