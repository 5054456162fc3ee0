"""Verify Event Hook: POST …/lifecycle/verify; Okta's 400 (challenge failed) is success false in Okta's words."""

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOK_ID, HOOKS, hook

ONE = HOOKS + "/" + HOOK_ID


def test_a_hook_is_verified(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID))
    okta.post(ONE + "/lifecycle/verify", json=hook(hook_id=HOOK_ID, verified=True))

    result = run_action("verify_event_hook", {"event_hook": HOOK_ID})

    assert result.output["success"] is True and result.output["event_hook"]["verificationStatus"] == "VERIFIED"
    assert [(r.method, r.url) for r in okta.request_history] == [("GET", ONE), ("POST", ONE + "/lifecycle/verify")]


def test_an_already_verified_hook_is_verified_again(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID, verified=True))
    okta.post(ONE + "/lifecycle/verify", json=hook(hook_id=HOOK_ID, verified=True))

    assert run_action("verify_event_hook", {"event_hook": HOOK_ID}).output["success"] is True
    assert len(okta.request_history) == 2


def test_a_failed_challenge_is_success_false_with_oktas_reason(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID))
    okta.post(
        ONE + "/lifecycle/verify",
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: verifyEventHook", ["Event hook verification failed: status 404"]
        ),
    )

    result = run_action("verify_event_hook", {"event_hook": HOOK_ID})

    assert result.ok and result.output["success"] is False
    assert "Event hook verification failed: status 404" in result.output["message"]
    assert result.output["event_hook"]["verificationStatus"] == "UNVERIFIED"


def test_not_found_is_success_false(run_action, okta):
    okta.get(HOOKS, json=[])

    assert run_action("verify_event_hook", {"event_hook": "Nope"}).output["success"] is False


def test_another_okta_error_is_an_error(run_action, okta):
    okta.get(ONE, json=hook(hook_id=HOOK_ID))
    okta.post(ONE + "/lifecycle/verify", status_code=403, json=factories.error("E0000006", "No permission"))

    assert not run_action("verify_event_hook", {"event_hook": HOOK_ID}).ok
