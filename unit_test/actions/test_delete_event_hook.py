"""Delete Event Hook: deactivate an ACTIVE hook, then DELETE; not found is success false."""

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOK_ID, HOOKS, hook

ONE = HOOKS + "/" + HOOK_ID


def test_an_active_hook_is_deactivated_then_deleted(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status="ACTIVE"))
    okta.post(ONE + "/lifecycle/deactivate", json=hook(hook_id=HOOK_ID, status="INACTIVE"))
    okta.delete(ONE, status_code=204)

    result = run_action("delete_event_hook", {"event_hook": HOOK_ID})

    assert result.ok and result.output == {"success": True}
    assert [(r.method, r.url) for r in okta.request_history] == [
        ("GET", ONE),
        ("POST", ONE + "/lifecycle/deactivate"),
        ("DELETE", ONE),
    ]


def test_an_inactive_hook_is_deleted_without_deactivating(run_action, okta):
    okta.get(HOOKS, json=[hook("SOAR", hook_id=HOOK_ID, status="INACTIVE")])
    okta.delete(ONE, status_code=204)

    result = run_action("delete_event_hook", {"event_hook": "SOAR"})

    assert result.output == {"success": True}
    assert [r.method for r in okta.request_history] == ["GET", "DELETE"]


def test_not_found_is_success_false_with_no_delete(run_action, okta):
    okta.get(HOOKS, json=[])

    result = run_action("delete_event_hook", {"event_hook": "Nope"})

    assert result.output["success"] is False and "Nope" in result.output["message"]
    assert [r.method for r in okta.request_history] == ["GET"]


def test_a_hook_deleted_meanwhile_is_success_false(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status="INACTIVE"))
    okta.delete(ONE, status_code=404, json=factories.error())

    assert run_action("delete_event_hook", {"event_hook": HOOK_ID}).output["success"] is False


def test_an_okta_error_is_an_error(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, status="INACTIVE"))
    okta.delete(ONE, status_code=403, json=factories.error("E0000006", "No permission"))

    result = run_action("delete_event_hook", {"event_hook": HOOK_ID})

    assert not result.ok and "E0000006" in result.exception["cause"]
