"""List Event Hooks: one GET (Okta does not page hooks), limit applied here."""

from unit_test import factories
from unit_test.actions.test_get_event_hook import HOOKS, hook


def test_every_hook_is_listed_with_a_count_in_one_request(run_action, okta):
    okta.get(HOOKS, json=[hook("A"), hook("B")])

    result = run_action("list_event_hooks", {})

    assert result.ok and result.output["count"] == 2
    assert [h["name"] for h in result.output["event_hooks"]] == ["A", "B"]
    assert [r.url for r in okta.request_history] == [HOOKS]


def test_the_limit_cuts_the_list_without_a_limit_parameter(run_action, okta):
    okta.get(HOOKS, json=[hook("A"), hook("B"), hook("C")])

    result = run_action("list_event_hooks", {"limit": 2})

    assert result.output["count"] == 2 and okta.request_history[0].url == HOOKS


def test_no_hooks_is_an_empty_list(run_action, okta):
    okta.get(HOOKS, json=[])

    assert run_action("list_event_hooks", {}).output == {"event_hooks": [], "count": 0}


def test_a_limit_below_one_is_refused_before_any_request(run_action, okta):
    result = run_action("list_event_hooks", {"limit": 0})

    assert not result.ok and "limit" in result.error and okta.request_history == []


def test_an_okta_error_is_an_error(run_action, okta):
    okta.get(HOOKS, status_code=401, json=factories.error("E0000011", "Invalid token provided"))

    result = run_action("list_event_hooks", {})

    assert not result.ok and "Invalid token provided" in result.exception["cause"]
