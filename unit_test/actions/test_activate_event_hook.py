"""Activate Event Hook: POST …/lifecycle/activate unless already ACTIVE; not found is success false."""

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOK_ID, HOOKS, hook

ONE = HOOKS + "/" + HOOK_ID


def test_an_inactive_hook_is_activated(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status="INACTIVE"))
    okta.post(ONE + "/lifecycle/activate", json=hook(hook_id=HOOK_ID, status="ACTIVE"))

    result = run_action("activate_event_hook", {"event_hook": HOOK_ID})

    assert result.ok and result.output["success"] is True and result.output["event_hook"]["status"] == "ACTIVE"
    assert [(r.method, r.url) for r in okta.request_history] == [("GET", ONE), ("POST", ONE + "/lifecycle/activate")]


def test_an_active_hook_is_success_without_a_lifecycle_request(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status="ACTIVE"))

    result = run_action("activate_event_hook", {"event_hook": HOOK_ID})

    assert result.output["success"] is True and len(okta.request_history) == 1


def test_not_found_is_success_false(run_action, okta):
    okta.get(HOOKS, json=[])

    result = run_action("activate_event_hook", {"event_hook": "Nope"})

    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


def test_an_okta_error_is_an_error(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status="INACTIVE"))
    okta.post(
        ONE + "/lifecycle/activate", status_code=403, json=factories.error("E0000006", "You do not have permission")
    )

    result = run_action("activate_event_hook", {"event_hook": HOOK_ID})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_blank_hook_is_refused_before_any_request(run_action, okta):
    assert not run_action("activate_event_hook", {"event_hook": ""}).ok and okta.request_history == []
