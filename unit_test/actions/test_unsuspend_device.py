"""Unsuspend Device, what only it specifies: a name that names no single device is success false.
What it shares with Suspend and Deactivate Device is in test_device_lifecycle.py."""

import pytest

from unit_test.conftest import API
from unit_test.factories.devices import device


@pytest.mark.parametrize("found", [[], [device("PC"), device("PC")]], ids=["no match", "two matches"])
def test_a_name_that_names_no_single_device_gives_success_false(run_action, okta, found):
    okta.get(API + "/devices", json=found)

    result = run_action("unsuspend_device", {"device": "PC"})

    assert result.ok and result.output["success"] is False and "PC" in result.output["message"]
    assert all(r.method == "GET" for r in okta.request_history)
