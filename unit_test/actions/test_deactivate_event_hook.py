"""Deactivate Event Hook: POST …/lifecycle/deactivate unless already INACTIVE."""

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOK_ID, HOOKS, hook

ONE = HOOKS + "/" + HOOK_ID


def test_an_active_hook_is_deactivated(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status="ACTIVE"))
    okta.post(ONE + "/lifecycle/deactivate", json=hook(hook_id=HOOK_ID, status="INACTIVE"))

    result = run_action("deactivate_event_hook", {"event_hook": HOOK_ID})

    assert result.output["success"] is True and result.output["event_hook"]["status"] == "INACTIVE"
    assert [(r.method, r.url) for r in okta.request_history] == [("GET", ONE), ("POST", ONE + "/lifecycle/deactivate")]


def test_an_inactive_hook_is_success_without_a_lifecycle_request(run_action, okta):
    okta.get(HOOKS, json=[hook("SOAR", status="INACTIVE")])

    result = run_action("deactivate_event_hook", {"event_hook": "SOAR"})

    assert result.output["success"] is True and len(okta.request_history) == 1


def test_not_found_is_success_false(run_action, okta):
    okta.get(HOOKS, json=[])

    assert run_action("deactivate_event_hook", {"event_hook": "Nope"}).output["success"] is False


def test_an_okta_error_is_an_error(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID))
    okta.post(ONE + "/lifecycle/deactivate", status_code=403, json=factories.error("E0000006", "No permission"))

    assert not run_action("deactivate_event_hook", {"event_hook": HOOK_ID}).ok
