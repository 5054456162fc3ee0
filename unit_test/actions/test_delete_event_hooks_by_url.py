"""Delete Event Hooks by URL: each hook delivering to the URL is deactivated (if ACTIVE) and deleted."""

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOKS, hook

URL = "https://soar.example.com/okta/events"


def test_every_matching_hook_is_deleted_ignoring_trailing_slash_and_host_case(run_action, okta):
    a = hook("A", hook_id="who00000000000000001", status="ACTIVE", uri=URL + "/")
    b = hook("B", hook_id="who00000000000000002", status="INACTIVE", uri="https://SOAR.example.com/okta/events")
    other = hook("C", hook_id="who00000000000000003", uri=URL + "/other")
    okta.get(HOOKS, json=[a, b, other])
    okta.post(HOOKS + "/" + a["id"] + "/lifecycle/deactivate", json=dict(a, status="INACTIVE"))
    okta.delete(HOOKS + "/" + a["id"], status_code=204)
    okta.delete(HOOKS + "/" + b["id"], status_code=204)

    result = run_action("delete_event_hooks_by_url", {"url": URL})

    assert result.ok and result.output["count"] == 2
    assert [h["id"] for h in result.output["event_hooks"]] == [a["id"], b["id"]]
    assert "message" not in result.output
    assert [(r.method, r.url) for r in okta.request_history] == [
        ("GET", HOOKS),
        ("POST", HOOKS + "/" + a["id"] + "/lifecycle/deactivate"),
        ("DELETE", HOOKS + "/" + a["id"]),
        ("DELETE", HOOKS + "/" + b["id"]),
    ]


def test_no_matching_hook_is_count_zero_and_a_message(run_action, okta):
    okta.get(HOOKS, json=[hook(uri="https://elsewhere.example.com/")])

    result = run_action("delete_event_hooks_by_url", {"url": URL})

    assert result.ok and result.output["count"] == 0 and result.output["event_hooks"] == []
    assert URL in result.output["message"] and len(okta.request_history) == 1


def test_one_failure_does_not_stop_the_others_and_is_named(run_action, okta):
    a = hook("A", hook_id="who00000000000000001", status="INACTIVE", uri=URL)
    b = hook("B", hook_id="who00000000000000002", status="INACTIVE", uri=URL)
    okta.get(HOOKS, json=[a, b])
    okta.delete(HOOKS + "/" + a["id"], status_code=400, json=factories.error("E0000001", "Cannot delete"))
    okta.delete(HOOKS + "/" + b["id"], status_code=204)

    result = run_action("delete_event_hooks_by_url", {"url": URL})

    assert result.output["count"] == 1 and result.output["event_hooks"][0]["id"] == b["id"]
    assert a["id"] in result.output["message"] and "Cannot delete" in result.output["message"]


def test_when_every_deletion_fails_it_is_an_error(run_action, okta):
    a = hook("A", hook_id="who00000000000000001", status="INACTIVE", uri=URL)
    okta.get(HOOKS, json=[a])
    okta.delete(HOOKS + "/" + a["id"], status_code=403, json=factories.error("E0000006", "No permission"))

    result = run_action("delete_event_hooks_by_url", {"url": URL})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_blank_url_is_refused_before_any_request(run_action, okta):
    result = run_action("delete_event_hooks_by_url", {"url": " "})

    assert not result.ok and "url" in result.error and okta.request_history == []
