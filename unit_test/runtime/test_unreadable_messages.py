"""Text that is not valid Unicode, and nesting deeper than any real message, are refused cleanly:
an error naming the field, no request, no traceback anywhere (stdout, the envelope, the log)."""

import io
import json
from wsgiref.util import setup_testing_defaults

import pytest

from komand_okta.runtime import messages
from komand_okta.runtime.errors import ClientError
from komand_okta.runtime.steplog import StepLog
from unit_test.conftest import CONNECTION, run_step

LONE = "\ud800"


def nested(depth):
    value = "leaf"
    for _ in range(depth):
        value = {"a": value}
    return value


def assert_clean(result):
    assert not result.ok and result.exception is not None
    assert "Traceback" not in result.error and "Traceback" not in result.body["log"]
    assert "Traceback" not in result.stderr
    json.dumps(result.envelope, ensure_ascii=False).encode("utf-8")  # every string is valid text


@pytest.mark.parametrize(
    "params, field",
    [
        ({"email": "user" + LONE + "@example.com"}, "'email'"),
        ({"profile": {"login": "a@example.com", "firstName": LONE}, "nextLogin": False}, "'profile.firstName'"),
        ({"profile": {"login": "a@example.com", LONE: "x"}, "nextLogin": False}, "'profile.\\ud800'"),
    ],
)
def test_input_that_is_not_valid_text_is_refused_naming_the_field(okta, params, field):
    name = "get_user" if "email" in params else "create_user"
    result = run_step("action", name, params)
    assert_clean(result)
    assert (
        result.exception["cause"].startswith("Invalid input: " + field)
        and "not valid text" in result.exception["cause"]
    )
    assert not okta.called


def test_a_connection_field_that_is_not_valid_text_is_refused_naming_it(okta):
    result = run_step("action", "get_user", {"email": "a@example.com"}, connection=dict(CONNECTION, okta_url=LONE))
    assert_clean(result)
    assert "Invalid connection: 'okta_url' is not valid text" in result.exception["cause"] and not okta.called


def test_meta_that_is_not_valid_text_is_refused_and_not_echoed(okta):
    result = run_step("action", "get_user", {"email": "a@example.com"}, meta={"jobId": LONE})
    assert_clean(result)
    assert "Invalid message: 'meta.jobId' is not valid text" in result.exception["cause"]
    assert result.body["meta"] == {}


def test_input_nested_deeper_than_the_limit_is_refused_naming_the_field(okta):
    result = run_step(
        "action", "raw_request", {"path": "/api/v1/users", "method": "POST", "body": nested(messages.MAX_DEPTH + 5)}
    )
    assert_clean(result)
    assert (
        result.exception["cause"].startswith("Invalid input: 'body.a.a")
        and "nested more than" in result.exception["cause"]
    )
    assert not okta.called


def test_input_nested_just_within_the_limit_is_not_refused_for_its_depth():
    assert messages.unreadable({"input": nested(messages.MAX_DEPTH - 1)}) is None


def test_json_nested_too_deeply_to_parse_is_a_client_error():
    with pytest.raises(ClientError, match="nested too deeply"):
        messages.parse("[" * 100_000 + "]" * 100_000)


def test_text_that_is_not_json_is_a_client_error():
    with pytest.raises(ClientError, match="not valid JSON"):
        messages.parse("this is not json")


def test_a_log_line_holding_a_lone_surrogate_is_written_escaped():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, like a real stderr pipe
    log = StepLog(stream=stream)
    log.info("given %s", "a" + LONE)
    assert log.text() == "given a\\ud800\n"


def test_web_mode_answers_400_naming_the_field_for_a_lone_surrogate_escape(okta):
    from komand_okta.runtime.http import App

    message = {
        "type": "action_start",
        "version": "v1",
        "body": {"action": "get_user", "meta": {}, "connection": CONNECTION, "input": {"email": LONE}},
    }
    raw = json.dumps(message).encode()  # ensure_ascii: the body carries the escape \ud800
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/api/v1/actions/get_user",
        "QUERY_STRING": "",
        "CONTENT_LENGTH": str(len(raw)),
        "wsgi.input": io.BytesIO(raw),
    }
    setup_testing_defaults(environ)
    seen = {}
    payload = b"".join(App()(environ, lambda status, headers: seen.update(status=status)))
    body = json.loads(payload)["body"]
    assert seen["status"].startswith("400") and "Invalid input: 'email' is not valid text" in body["exception"]["cause"]
    assert "Traceback" not in payload.decode() and not okta.called
