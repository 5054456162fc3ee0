"""Update Event Hook: GET, merge the given inputs, PUT the whole object; secret only when given."""

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOK_ID, HOOKS, SECRET, hook, no_secret

ONE = HOOKS + "/" + HOOK_ID
CURRENT = hook(
    "Old",
    HOOK_ID,
    uri="https://old.example.com/hook",
    items=["user.account.lock"],
    headers=[{"key": "X-A", "value": "1"}],
)


def test_given_fields_are_merged_and_the_whole_object_is_put(run_action, okta):
    okta.get(ONE, json=CURRENT)
    okta.put(ONE, json=hook("New", HOOK_ID))

    result = run_action(
        "update_event_hook",
        {"event_hook": HOOK_ID, "name": "New", "secret": SECRET, "event_types": ["user.lifecycle.deactivate"]},
    )

    assert result.ok and result.output["success"] is True and result.output["event_hook"]["name"] == "New"
    assert [(r.method, r.url) for r in okta.request_history] == [("GET", ONE), ("PUT", ONE)]
    assert okta.request_history[1].json() == {
        "name": "New",
        "events": {"type": "EVENT_TYPE", "items": ["user.lifecycle.deactivate"]},
        "channel": {
            "type": "HTTP",
            "version": "1.0.0",
            "config": {
                "uri": "https://old.example.com/hook",
                "headers": [{"key": "X-A", "value": "1"}],
                "authScheme": {"type": "HEADER", "key": "Authorization", "value": SECRET},
            },
        },
    }
    no_secret(result)


def test_without_a_secret_the_auth_scheme_is_sent_without_a_value_and_a_warning_logged(run_action, okta):
    okta.get(ONE, json=CURRENT)
    okta.put(ONE, json=CURRENT)

    result = run_action(
        "update_event_hook",
        {
            "event_hook": HOOK_ID,
            "url": "https://new.example.com/hook",
            "headers": {"X-B": "2"},
            "auth_header": "X-Secret",
        },
    )

    config = okta.request_history[1].json()["channel"]["config"]
    assert config == {
        "uri": "https://new.example.com/hook",
        "headers": [{"key": "X-B", "value": "2"}],
        "authScheme": {"type": "HEADER", "key": "X-Secret"},
    }
    assert "No secret was given" in result.stderr


def test_no_change_makes_no_put(run_action, okta):
    okta.get(ONE, json=CURRENT)

    result = run_action("update_event_hook", {"event_hook": HOOK_ID})

    assert result.output["success"] is True and [r.method for r in okta.request_history] == ["GET"]


def test_not_found_is_success_false(run_action, okta):
    okta.get(HOOKS, json=[])

    result = run_action("update_event_hook", {"event_hook": "Nope", "name": "x"})

    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]


def test_ineligible_types_are_success_false_before_any_request(run_action, okta):
    result = run_action("update_event_hook", {"event_hook": HOOK_ID, "event_types": ["user.session.star"]})

    assert result.output["success"] is False and "user.session.star" in result.output["message"]
    assert okta.request_history == []


def test_bad_input_is_refused_before_any_request(run_action, okta):
    result = run_action("update_event_hook", {"event_hook": HOOK_ID, "url": "ftp://x.example.com", "secret": SECRET})

    assert not result.ok and "url" in result.error and okta.request_history == []
    no_secret(result)


def test_an_okta_error_is_an_error_without_the_secret(run_action, okta):
    okta.get(ONE, json=CURRENT)
    okta.put(ONE, status_code=400, json=factories.error("E0000001", "Api validation failed: channel"))

    result = run_action("update_event_hook", {"event_hook": HOOK_ID, "secret": SECRET})

    assert not result.ok and "Api validation failed" in result.exception["cause"]
    no_secret(result)
