"""The runtime answers every message with exactly one v1 envelope."""

from unit_test import factories as f
from unit_test.conftest import API, CONNECTION, run_step


def handle(message):
    import io

    from komand_okta.clock import FakeClock
    from komand_okta.runtime.plugin import Plugin

    return Plugin(clock=FakeClock(), stderr=io.StringIO()).handle(message)


def test_a_successful_action_answers_an_action_event_with_status_ok_and_the_meta_echoed(okta):
    okta.get(API + "/users/user%40example.com", json=f.user())
    result = run_step("action", "get_user", {"email": "user@example.com"}, meta={"jobId": "j-1"})
    assert result.envelope["type"] == "action_event" and result.envelope["version"] == "v1"
    assert result.body["status"] == "ok" and result.body["meta"] == {"jobId": "j-1"}
    assert list(result.body) == ["log", "status", "meta", "output"]


def test_an_unknown_action_is_an_error_naming_it(okta):
    result = run_step("action", "no_such_action", {})
    assert not result.ok and 'Unknown action "no_such_action"' in result.exception["cause"]
    assert not okta.called


def test_an_unsupported_version_is_an_error():
    envelope, ok = handle({"type": "action_start", "version": "v2", "body": {"action": "get_user"}})
    assert not ok and "Only v1 is supported" in envelope["body"]["error"]


def test_an_unknown_message_type_is_an_error_with_a_null_type():
    envelope, ok = handle({"type": "bogus", "version": "v1", "body": {}})
    assert not ok and envelope["type"] is None and 'Unsupported message type "bogus"' in envelope["body"]["error"]


def test_a_message_that_is_not_an_object_is_an_error():
    envelope, ok = handle(["not", "a", "message"])
    assert not ok and envelope["body"]["status"] == "error"


def test_a_connection_test_message_answers_a_connection_test_envelope(okta):
    okta.get(API + "/users?limit=1", json=[])
    envelope, ok = handle({"type": "connection_test", "version": "v1", "body": {"connection": CONNECTION}})
    assert (
        ok
        and envelope["type"] == "connection_test"
        and envelope["body"]["output"] == {"success": True, "auth_method": "api_token"}
    )


def test_a_failed_connection_test_explains_the_token_problem(okta):
    okta.get(API + "/users?limit=1", status_code=401, json=f.error("E0000011", "Invalid token provided"))
    envelope, ok = handle({"type": "connection_test", "version": "v1", "body": {"connection": CONNECTION}})
    assert not ok and envelope["body"]["error"].startswith("Connection test failed!")
    assert "Invalid token provided" in envelope["body"]["exception"]["cause"]
    assert "token" in envelope["body"]["exception"]["assistance"]


def test_test_mode_runs_the_connection_test_instead_of_the_action(okta):
    okta.get(API + "/users?limit=1", json=[])
    result = run_step("action", "suspend_user", {"email": "user@example.com"}, test=True)
    assert result.ok and result.output == {"success": True, "auth_method": "api_token"}
    assert [r.path for r in okta.request_history] == ["/api/v1/users"]


def test_an_okta_error_becomes_an_error_envelope_with_cause_assistance_and_data(okta):
    okta.get(API + "/users/user%40example.com", status_code=403, json=f.error("E0000006", "You do not have permission"))
    result = run_step("action", "get_user", {"email": "user@example.com"})
    assert not result.ok
    assert "You do not have permission" in result.exception["cause"]
    assert "role" in result.exception["assistance"]
    assert "E0000006" in result.exception["data"]


def test_an_unexpected_exception_is_reported_without_crashing(monkeypatch, okta):
    from komand_okta.actions import get_user

    monkeypatch.setattr(get_user.Action, "run", lambda self, params: 1 / 0)
    result = run_step("action", "get_user", {"email": "user@example.com"})
    assert not result.ok and "division by zero" in result.error and result.exception is None


def test_an_output_that_breaks_the_spec_is_an_error_not_a_silent_success(monkeypatch, okta):
    from komand_okta.actions import get_user

    monkeypatch.setattr(get_user.Action, "run", lambda self, params: {"found": "yes"})
    result = run_step("action", "get_user", {"email": "user@example.com"})
    assert not result.ok and "'found' must be of type boolean" in result.exception["cause"]


def test_null_fields_in_an_output_are_dropped_rather_than_failing_validation(okta):
    okta.get(API + "/users/user%40example.com", json=f.user(mobilePhone=None))
    result = run_step("action", "get_user", {"email": "user@example.com"})
    assert result.ok and "mobilePhone" not in result.output["profile"]
