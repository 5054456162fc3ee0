"""Create Event Hook: one POST with Okta's body; verify and deactivate afterwards when asked."""

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOK_ID, HOOKS, SECRET, hook, no_secret

ONE = HOOKS + "/" + HOOK_ID
URL = "https://soar.example.com/okta/events"
BASE = {
    "name": "SOAR events",
    "url": URL,
    "event_types": ["user.lifecycle.deactivate", "user.account.lock"],
    "secret": SECRET,
}


def test_a_hook_is_created_with_oktas_body_and_the_secret_only_in_the_body(run_action, okta):
    okta.post(HOOKS, json=hook("SOAR events", HOOK_ID, items=BASE["event_types"]))

    result = run_action("create_event_hook", dict(BASE, headers={"X-Source": "okta"}, description="d"))

    assert result.ok and result.output["success"] is True and result.output["event_hook"]["id"] == HOOK_ID
    assert [(r.method, r.url) for r in okta.request_history] == [("POST", HOOKS)]
    assert okta.request_history[0].json() == {
        "name": "SOAR events",
        "description": "d",
        "events": {"type": "EVENT_TYPE", "items": ["user.lifecycle.deactivate", "user.account.lock"]},
        "channel": {
            "type": "HTTP",
            "version": "1.0.0",
            "config": {
                "uri": URL,
                "headers": [{"key": "X-Source", "value": "okta"}],
                "authScheme": {"type": "HEADER", "key": "Authorization", "value": SECRET},
            },
        },
    }
    no_secret(result)


def test_without_a_secret_no_auth_scheme_is_sent(run_action, okta):
    okta.post(HOOKS, json=hook(hook_id=HOOK_ID, auth_key=None))

    run_action("create_event_hook", {"name": "n", "url": URL, "event_types": ["user.account.lock"]})

    assert "authScheme" not in okta.request_history[0].json()["channel"]["config"]


def test_verify_then_deactivate_in_that_order(run_action, okta):
    okta.post(HOOKS, json=hook(hook_id=HOOK_ID))
    okta.post(ONE + "/lifecycle/verify", json=hook(hook_id=HOOK_ID, verified=True))
    okta.post(ONE + "/lifecycle/deactivate", json=hook(hook_id=HOOK_ID, verified=True, status="INACTIVE"))

    result = run_action("create_event_hook", dict(BASE, verify=True, activate=False))

    assert [r.url for r in okta.request_history] == [HOOKS, ONE + "/lifecycle/verify", ONE + "/lifecycle/deactivate"]
    hook_out = result.output["event_hook"]
    assert (hook_out["status"], hook_out["verificationStatus"]) == ("INACTIVE", "VERIFIED")


def test_a_failed_verification_is_success_with_the_hook_and_oktas_reason(run_action, okta):
    okta.post(HOOKS, json=hook(hook_id=HOOK_ID))
    okta.post(
        ONE + "/lifecycle/verify",
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: verifyEventHook", ["Event hook verification failed: no response"]
        ),
    )

    result = run_action("create_event_hook", dict(BASE, verify=True))

    assert result.ok and result.output["success"] is True and result.output["event_hook"]["id"] == HOOK_ID
    assert "verification failed: no response" in result.output["message"]
    no_secret(result)


def test_ineligible_and_unknown_types_are_success_false_naming_each_with_suggestions(run_action, okta):
    result = run_action(
        "create_event_hook",
        dict(BASE, event_types=["user.lifecycle.deactivat", "user.session.start", "policy.evaluate_sign_on"]),
    )

    assert result.ok and result.output["success"] is False
    message = result.output["message"]
    assert "user.lifecycle.deactivat (did you mean user.lifecycle.deactivate" in message
    assert "policy.evaluate_sign_on" in message and "user.session.start:" not in message
    assert okta.request_history == []


def test_more_than_300_types_are_refused_before_any_request(run_action, okta):
    result = run_action("create_event_hook", dict(BASE, event_types=["t%d" % i for i in range(301)]))

    assert not result.ok and "event_types" in result.error and "300" in result.error
    assert okta.request_history == []


def test_plain_http_is_refused_except_to_this_machine(run_action, okta):
    refused = run_action("create_event_hook", dict(BASE, url="http://soar.example.com/hook"))
    assert not refused.ok and "url" in refused.error and okta.request_history == []

    okta.post(HOOKS, json=hook(hook_id=HOOK_ID))
    assert run_action("create_event_hook", dict(BASE, url="http://127.0.0.1:8080/hook")).ok


def test_bad_inputs_name_the_field_and_reach_no_endpoint(run_action, okta):
    for change, field in [
        ({"name": " "}, "name"),
        ({"url": "soar.example.com"}, "url"),
        ({"event_types": []}, "event_types"),
        ({"headers": {"X": {"a": 1}}}, "headers"),
        ({"auth_header": "Bad Header"}, "auth_header"),
        ({"secret": "   "}, "secret"),
    ]:
        result = run_action("create_event_hook", dict(BASE, **change))
        assert not result.ok and field in result.error, change
        no_secret(result)
    assert okta.request_history == []


def test_an_okta_error_is_an_error_without_the_secret(run_action, okta):
    okta.post(
        HOOKS,
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: eventHook", ["At most 25 active, verified event hooks per org"]
        ),
    )

    result = run_action("create_event_hook", BASE)

    assert not result.ok and "At most 25" in result.exception["cause"]
    assert len(okta.request_history) == 1  # a POST is never retried after Okta answered
    no_secret(result)
