"""Suspend, Unsuspend and Deactivate Device (mirrored): the device is fetched, then one POST to
/devices/{id}/lifecycle/{operation} (204); a device already in the wanted status is success without a
request, a status the operation cannot leave is success false saying why, an unknown device success
false, and an org without Identity Engine is told so."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device

DEVICE_ID = "guo4a5u7JHHhjXrMK0g4"
DEVICE_URL = API + "/devices/" + DEVICE_ID
LIFECYCLE = DEVICE_URL + "/lifecycle/"


def made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


@pytest.mark.parametrize(
    "action, operation, status, wanted",
    [
        pytest.param("suspend_device", "suspend", "ACTIVE", "SUSPENDED", id="suspend-ACTIVE"),
        pytest.param("unsuspend_device", "unsuspend", "SUSPENDED", "ACTIVE", id="unsuspend-SUSPENDED"),
        pytest.param("deactivate_device", "deactivate", "ACTIVE", "DEACTIVATED", id="deactivate-ACTIVE"),
        pytest.param("deactivate_device", "deactivate", "SUSPENDED", "DEACTIVATED", id="deactivate-SUSPENDED"),
    ],
)
def test_a_device_in_a_status_the_action_changes_gets_one_lifecycle_post(
    run_action, okta, action, operation, status, wanted
):
    okta.get(DEVICE_URL, json=device(status=status, device_id=DEVICE_ID))
    okta.post(LIFECYCLE + operation, status_code=204)

    result = run_action(action, {"device": DEVICE_ID})

    assert result.ok, result.error
    assert result.output == {"success": True, "device_id": DEVICE_ID, "status": wanted}
    assert made(okta) == [("GET", DEVICE_URL), ("POST", LIFECYCLE + operation)]


@pytest.mark.parametrize(
    "action, wanted",
    [
        pytest.param("suspend_device", "SUSPENDED", id="suspend"),
        pytest.param("unsuspend_device", "ACTIVE", id="unsuspend"),
        pytest.param("deactivate_device", "DEACTIVATED", id="deactivate"),
    ],
)
def test_a_device_already_so_succeeds_without_a_request(run_action, okta, action, wanted):
    okta.get(DEVICE_URL, json=device(status=wanted, device_id=DEVICE_ID))

    result = run_action(action, {"device": DEVICE_ID})

    assert result.output == {"success": True, "device_id": DEVICE_ID, "status": wanted}
    assert made(okta) == [("GET", DEVICE_URL)]
    assert "already %s" % wanted in result.body["log"]


@pytest.mark.parametrize(
    "action, words",
    [
        pytest.param("suspend_device", "is DEACTIVATED; Okta can suspend only a device that is ACTIVE", id="suspend"),
        pytest.param("unsuspend_device", "cannot be brought back by unsuspending", id="unsuspend"),
    ],
)
def test_a_deactivated_device_is_left_as_it_is_and_the_message_says_why(run_action, okta, action, words):
    okta.get(DEVICE_URL, json=device(status="DEACTIVATED", device_id=DEVICE_ID))

    result = run_action(action, {"device": DEVICE_ID})

    assert result.ok
    assert result.output["success"] is False
    assert words in result.output["message"]
    assert made(okta) == [("GET", DEVICE_URL)]


@pytest.mark.parametrize("action", ["suspend_device", "deactivate_device"], ids=["suspend", "deactivate"])
def test_an_unknown_device_id_gives_success_false_and_no_change(run_action, okta, action):
    okta.get(DEVICE_URL, status_code=404, json=factories.error())

    result = run_action(action, {"device": DEVICE_ID})

    assert result.ok
    assert result.output == {"success": False, "message": "No Okta device has the ID %s." % DEVICE_ID}


@pytest.mark.parametrize("action", ["unsuspend_device", "deactivate_device"], ids=["unsuspend", "deactivate"])
def test_a_classic_engine_org_is_told_it_lacks_identity_engine(run_action, okta, action):
    okta.get(DEVICE_URL, status_code=401, json=factories.error("E0000015", "You do not have permission"))

    result = run_action(action, {"device": DEVICE_ID})

    assert not result.ok and "does not have Identity Engine" in result.exception["cause"]
