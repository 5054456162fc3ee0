"""Web-server mode: the InsightConnect routes, status codes and masking, over WSGI in-process."""

import io
import json
from wsgiref.util import setup_testing_defaults

import pytest

from komand_okta.runtime.http import App, ConnectionCache
from unit_test import factories as f
from unit_test.conftest import API, CONNECTION, TOKEN


def call(app, method, path, body=None, query=""):
    return call_raw(app, method, path, json.dumps(body).encode() if body is not None else b"", query)


def call_raw(app, method, path, raw: bytes, query=""):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(raw)),
        "wsgi.input": io.BytesIO(raw),
    }
    setup_testing_defaults(environ)
    seen = {}
    chunks = app(environ, lambda status, headers: seen.update(status=int(status.split()[0]), headers=headers))
    text = b"".join(chunks).decode()
    return seen["status"], (json.loads(text) if text.strip().startswith(("{", "[")) else text)


def action(name, params, connection=CONNECTION):
    return {
        "type": "action_start",
        "version": "v1",
        "body": {"action": name, "meta": {"jobId": "j"}, "connection": connection, "input": params},
    }


@pytest.fixture
def app():
    return App()


def test_running_an_action_answers_200_with_the_envelope(app, okta):
    okta.get(API + "/users/user%40example.com", json=f.user())
    status, body = call(app, "POST", "/api/v1/actions/get_user", action("get_user", {"email": "user@example.com"}))
    assert status == 200 and body["type"] == "action_event" and body["body"]["output"]["found"] is True


def test_bad_input_answers_400(app, okta):
    status, body = call(app, "POST", "/api/v1/actions/get_user", action("get_user", {}))
    assert status == 400 and "'email' is required" in body["body"]["error"] and not okta.called


def test_an_okta_error_answers_400_with_the_explained_exception(app, okta):
    okta.get(API + "/users/user%40example.com", status_code=403, json=f.error("E0000006", "No permission"))
    status, body = call(app, "POST", "/api/v1/actions/get_user", action("get_user", {"email": "user@example.com"}))
    assert status == 400 and "No permission" in body["body"]["exception"]["cause"]


def test_an_unexpected_error_answers_500_and_the_app_keeps_serving(app, okta, monkeypatch):
    from komand_okta.actions import get_user

    monkeypatch.setattr(get_user.Action, "run", lambda self, params: 1 / 0)
    status, _ = call(app, "POST", "/api/v1/actions/get_user", action("get_user", {"email": "user@example.com"}))
    assert status == 500 and call(app, "GET", "/api/v1/status") == (200, {"status": "Ready"})


def test_the_legacy_unprefixed_route_runs_the_action(app, okta):
    okta.get(API + "/users/user%40example.com", json=f.user())
    status, _ = call(app, "POST", "/actions/get_user", action("get_user", {"email": "user@example.com"}))
    assert status == 200


def test_a_route_name_that_does_not_match_the_body_is_refused(app, okta):
    status, body = call(app, "POST", "/api/v1/actions/suspend_user", action("get_user", {"email": "u@example.com"}))
    assert status == 400 and "not matching" in body["error"] and not okta.called


def test_an_empty_body_is_refused(app):
    assert call(app, "POST", "/api/v1/actions/get_user") == (400, {"error": "Empty input provided"})


def test_the_connection_test_route_answers_the_test_result(app, okta):
    okta.get(API + "/users?limit=1", json=[])
    message = {"type": "connection_test", "version": "v1", "body": {"connection": CONNECTION}}
    status, body = call(app, "POST", "/api/v1/connection/test", message)
    assert status == 200 and body["body"]["output"]["success"] is True


def test_an_unknown_connection_route_is_404(app):
    status, _ = call(app, "POST", "/api/v1/connection/bogus", {"x": 1})
    assert status == 404


def test_triggers_cannot_be_run_over_http(app):
    status, _ = call(app, "POST", "/api/v1/triggers/users_added_removed_from_group", {"x": 1})
    assert status == 405


def test_the_connection_secret_is_masked_in_the_response(app, okta):
    okta.get(API + "/users/user%40example.com", status_code=400, json=f.error("E0000001", "echo %s" % TOKEN))
    _, body = call(app, "POST", "/api/v1/actions/get_user", action("get_user", {"email": "user@example.com"}))
    assert TOKEN not in json.dumps(body)


def test_the_connection_is_reused_across_requests(app, okta):
    okta.get(API + "/users/user%40example.com", json=f.user())
    for _ in range(3):
        call(app, "POST", "/api/v1/actions/get_user", action("get_user", {"email": "user@example.com"}))
    assert len(app.cache) == 1


def test_the_connection_cache_holds_at_most_its_bound_for_1500_distinct_tokens():
    cache = ConnectionCache(size=64)
    for k in range(1500):
        cache.get({"okta_url": "example.okta.com", "okta_key": {"secretKey": "token-%d" % k}}, object)
    assert len(cache) == 64


def test_the_connection_cache_drops_the_least_recently_used_connection_first():
    cache, built = ConnectionCache(size=2), []

    def build():
        built.append(object())
        return built[-1]

    first, second = cache.get({"t": 1}, build), cache.get({"t": 2}, build)
    cache.get({"t": 1}, build)  # used again: now the most recent
    cache.get({"t": 3}, build)  # evicts {"t": 2}
    assert cache.get({"t": 1}, build) is first and cache.get({"t": 2}, build) is not second


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [100, 990, 100_000])
@pytest.mark.parametrize("where", ["meta", "input", "connection"])
def test_deeply_nested_json_answers_400_and_reaches_no_okta_endpoint(app, okta, where, depth):
    message = action("get_user", {"email": "user@example.com"})
    message["body"][where]["x"] = "NESTED"
    raw = json.dumps(message).replace('"NESTED"', nested(depth))
    status, body = call_raw(app, "POST", "/api/v1/actions/get_user", raw.encode())
    assert status == 400 and "nested" in body["body"]["error"] and not okta.called


def test_status_info_and_listings(app):
    assert call(app, "GET", "/api/v1/status") == (200, {"status": "Ready"})
    status, info = call(app, "GET", "/api/v1/info")
    assert status == 200 and info["name"] == "okta" and info["version"]
    status, actions = call(app, "GET", "/api/v1/actions")
    assert status == 200 and "get_user" in actions


def test_describing_an_unknown_action_is_400(app):
    status, body = call(app, "GET", "/api/v1/actions/nope")
    assert status == 400 and body == {"error": "Action nope does not exist"}


def test_the_spec_is_served_as_json_or_yaml_and_other_formats_are_422(app):
    assert call(app, "GET", "/api/v1/spec")[1]["name"] == "okta"
    status, text = call(app, "GET", "/api/v1/spec", query="format=yaml")
    assert status == 200 and "plugin_spec_version" in text
    assert call(app, "GET", "/api/v1/spec", query="format=xml")[0] == 422


def test_the_connection_schema_is_served_without_definitions(app):
    status, body = call(app, "GET", "/api/v1/connection")
    assert status == 200 and "okta_url" in body["properties"] and "definitions" not in body
