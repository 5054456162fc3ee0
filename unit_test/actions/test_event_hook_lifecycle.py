"""Activate and Deactivate Event Hook (mirrored): the hook is resolved by ID or name, then one POST to
/eventHooks/{id}/lifecycle/{operation}; a hook already in the wanted status is success without a
lifecycle request, an unknown hook success false naming it, and Okta's refusal an error."""

import pytest

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOK_ID, HOOKS, hook
from unit_test.factories.hunting import calls

ONE = HOOKS + "/" + HOOK_ID
# action, the status it makes, the other status, the lifecycle operation
ACTIVATE = pytest.param("activate_event_hook", "ACTIVE", "INACTIVE", "activate", id="activate")
DEACTIVATE = pytest.param("deactivate_event_hook", "INACTIVE", "ACTIVE", "deactivate", id="deactivate")
MIRRORED = pytest.mark.parametrize("action, wanted, other, operation", [ACTIVATE, DEACTIVATE])


@MIRRORED
def test_a_hook_in_the_other_status_is_changed_with_one_post(run_action, okta, action, wanted, other, operation):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status=other))
    okta.post(ONE + "/lifecycle/" + operation, json=hook(hook_id=HOOK_ID, status=wanted))

    result = run_action(action, {"event_hook": HOOK_ID})

    assert result.ok and result.output["success"] is True and result.output["event_hook"]["status"] == wanted
    assert calls(okta) == [("GET", ONE), ("POST", ONE + "/lifecycle/" + operation)]


def by_id(okta, status):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status=status))
    return HOOK_ID


def by_name(okta, status):
    okta.get(HOOKS, json=[hook("SOAR", status=status)])
    return "SOAR"


@pytest.mark.parametrize(
    "action, wanted, named",
    [
        pytest.param("activate_event_hook", "ACTIVE", by_id, id="activate-by_id"),
        pytest.param("deactivate_event_hook", "INACTIVE", by_name, id="deactivate-by_name"),
    ],
)
def test_a_hook_already_so_is_success_without_a_lifecycle_request(run_action, okta, action, wanted, named):
    ref = named(okta, wanted)

    result = run_action(action, {"event_hook": ref})

    assert result.output["success"] is True and len(okta.request_history) == 1


@MIRRORED
def test_an_unknown_hook_is_success_false_naming_it(run_action, okta, action, wanted, other, operation):
    okta.get(HOOKS, json=[])

    result = run_action(action, {"event_hook": "Nope"})

    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


@MIRRORED
def test_okta_refusing_the_change_is_an_error_with_its_code(run_action, okta, action, wanted, other, operation):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status=other))
    okta.post(
        ONE + "/lifecycle/" + operation, status_code=403, json=factories.error("E0000006", "You do not have permission")
    )

    result = run_action(action, {"event_hook": HOOK_ID})

    assert not result.ok and "E0000006" in result.exception["cause"]
