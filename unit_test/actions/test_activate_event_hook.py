"""Activate Event Hook, what only it specifies: a blank hook is refused before any request. What it
shares with Deactivate Event Hook is in test_event_hook_lifecycle.py."""


def test_a_blank_hook_is_refused_before_any_request(run_action, okta):
    assert not run_action("activate_event_hook", {"event_hook": ""}).ok and okta.request_history == []
