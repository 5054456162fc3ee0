"""List User Devices: the user resolved, then their devices; an unknown user is found false."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device, user_device

LOGIN = "jane.doe@example.com"
BY_LOGIN = API + "/users/jane.doe%40example.com"
USER_DEVICES = API + "/users/00u1/devices"


def test_the_users_devices_are_listed_with_when_they_were_enrolled(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id="00u1"))
    okta.get(USER_DEVICES, json=[user_device(device("DESKTOP-7QK2M9X")), user_device(device("Jane's iPhone"))])

    result = run_action("list_user_devices", {"user": LOGIN})

    assert result.ok, result.error
    assert result.output["found"] is True and result.output["count"] == 2
    assert result.output["devices"][0]["device"]["profile"]["displayName"] == "DESKTOP-7QK2M9X"
    assert result.output["devices"][0]["created"] and result.output["devices"][0]["deviceUserId"]
    assert [r.url for r in okta.request_history] == [BY_LOGIN, USER_DEVICES]


def test_an_unknown_user_is_found_false_and_no_device_is_asked_for(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("list_user_devices", {"user": LOGIN})

    assert result.ok
    assert result.output == {"found": False, "message": "No Okta user matches %s." % LOGIN}
    assert USER_DEVICES not in [r.url for r in okta.request_history]


def test_a_blank_user_reaches_no_endpoint(run_action, okta):
    result = run_action("list_user_devices", {"user": "   "})

    assert not result.ok and "user" in result.error
    assert not okta.called


def test_a_classic_engine_org_is_told_it_lacks_identity_engine(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id="00u1"))
    okta.get(USER_DEVICES, status_code=401, json=factories.error("E0000015", "You do not have permission"))

    result = run_action("list_user_devices", {"user": LOGIN})

    assert not result.ok and "does not have Identity Engine" in result.exception["cause"]
