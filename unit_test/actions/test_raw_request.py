"""Raw Request: through the one client path; statuses returned; refused input reaches no endpoint."""

import pytest

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls
from unit_test.conftest import API, TOKEN
from unit_test.okta.test_raw import REFUSED_PATHS

USERS = API + "/users"


def test_get_returns_status_headers_and_object_body(run_action, okta):
    user = factories.user(user_id="00u1")
    okta.get(
        USERS + "/jane%2Bsoc%40example.com",
        json=user,
        headers={"X-Rate-Limit-Remaining": "599", "Set-Cookie": "sid=secret; Path=/"},
    )
    result = run_action("raw_request", {"path": "users/jane+soc@example.com", "headers": {"Accept-Language": "en"}})
    assert result.ok and result.output["status_code"] == 200 and result.output["body"]["id"] == "00u1"
    assert result.output["headers"]["X-Rate-Limit-Remaining"] == "599"
    assert not any(k.lower() == "set-cookie" for k in result.output["headers"])
    sent = okta.request_history[0]
    assert sent.headers["Accept-Language"] == "en" and sent.headers["Authorization"] == "SSWS " + TOKEN
    assert TOKEN not in str(result.output)


def test_query_and_array_body(run_action, okta):
    okta.get(USERS, json=[factories.user(), factories.user()])
    result = run_action("raw_request", {"path": "/api/v1/users", "query": {"limit": 2, "search": 'status eq "ACTIVE"'}})
    assert result.output["count"] == 2 and len(result.output["items"]) == 2
    assert okta.request_history[0].qs == {"limit": ["2"], "search": ['status eq "active"']}


def test_post_sends_the_json_body_once_even_on_a_server_error(run_action, okta):
    okta.post(USERS + "/00u1", status_code=502, json=factories.error("E0000009", "Internal Server Error"))
    result = run_action("raw_request", {"method": "POST", "path": "/users/00u1", "body": {"profile": {"x": "y"}}})
    assert result.ok and result.output["status_code"] == 502 and result.output["body"]["errorCode"] == "E0000009"
    assert calls(okta) == [("POST", USERS + "/00u1")] and okta.request_history[0].json() == {"profile": {"x": "y"}}


def test_a_get_server_error_is_retried_then_returned(run_action, okta):
    okta.get(USERS, [{"status_code": 503, "json": {}}, {"json": []}])
    result = run_action("raw_request", {"path": "/users"})
    assert result.output == {"status_code": 200, "headers": {}, "items": [], "count": 0}
    assert len(okta.request_history) == 2


def test_a_persistent_get_server_error_is_returned_after_the_clients_retries(run_action, okta):
    okta.get(USERS, status_code=503, json=factories.error("E0000010", "read-only"))
    result = run_action("raw_request", {"path": "/users"})
    assert result.ok and result.output["status_code"] == 503 and len(okta.request_history) == 5


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409])
def test_error_statuses_are_returned_not_raised(run_action, okta, status):
    okta.get(USERS + "/00u1", status_code=status, json=factories.error(summary="nope"))
    result = run_action("raw_request", {"path": "/users/00u1"})
    assert result.ok and result.output["status_code"] == status and result.output["body"]["errorSummary"] == "nope"
    assert len(okta.request_history) == 1
    if status in (401, 403):
        assert "lack access" in result.stderr


def test_no_content_and_text(run_action, okta):
    okta.delete(USERS + "/00u1", status_code=204)
    assert run_action("raw_request", {"method": "DELETE", "path": "/users/00u1"}).output["status_code"] == 204
    okta.get(API + "/meta/x", text="<html>hi</html>", headers={"Content-Type": "text/html"})
    result = run_action("raw_request", {"path": "/meta/x"})
    assert result.output["text"] == "<html>hi</html>" and "body" not in result.output


def test_paginate_follows_next_links_and_a_limit_asks_for_exactly_what_remains(run_action, okta):
    okta.get(
        USERS,
        [
            {"json": [factories.user(), factories.user()], "headers": factories.next_link(USERS + "?after=2&limit=2")},
            {"json": [factories.user()], "headers": factories.next_link(USERS + "?after=3&limit=1")},
        ],
    )
    result = run_action("raw_request", {"path": "/users", "paginate": True, "limit": 3, "query": {"limit": 2}})
    assert result.output["count"] == 3
    assert calls(okta) == [("GET", USERS + "?limit=2"), ("GET", USERS + "?after=2&limit=1")]


def test_paginate_with_a_limit_under_a_page_is_one_request(run_action, okta):
    okta.get(USERS, json=[factories.user()], headers=factories.next_link(USERS + "?after=1&limit=1"))
    result = run_action("raw_request", {"path": "/users", "paginate": True, "limit": 1})
    assert result.output["count"] == 1 and calls(okta) == [("GET", USERS + "?limit=1")]


def test_paginate_without_a_limit_reads_every_page(run_action, okta):
    okta.get(
        USERS,
        [
            {"json": [factories.user()], "headers": factories.next_link(USERS + "?after=1")},
            {"json": [factories.user()]},
        ],
    )
    assert run_action("raw_request", {"path": "/users", "paginate": True}).output["count"] == 2


def test_paginate_refuses_a_next_link_to_another_host(run_action, okta):
    okta.get(USERS, json=[factories.user()], headers=factories.next_link("https://evil.example.com/api/v1/users"))
    result = run_action("raw_request", {"path": "/users", "paginate": True})
    assert not result.ok and "evil.example.com" in result.error and len(okta.request_history) == 1


def test_paginate_on_an_object_returns_the_object(run_action, okta):
    okta.get(USERS + "/00u1", json=factories.user(user_id="00u1"))
    assert run_action("raw_request", {"path": "/users/00u1", "paginate": True}).output["body"]["id"] == "00u1"


REFUSED_INPUTS = [{"path": path} for path in REFUSED_PATHS if path.strip()] + [
    {"path": "/users", "headers": {"Authorization": "SSWS stolen"}},
    {"path": "/users", "headers": {"authorization": "Bearer x"}},
    {"path": "/users", "headers": {"Host": "evil.example.com"}},
    {"path": "/users", "headers": {"Cookie": "sid=1"}},
    {"path": "/users", "headers": {"DPoP": "x"}},
    {"path": "/users", "headers": {"X-A": "1\r\nAuthorization: x"}},
    {"path": "/users", "headers": {"X-A": 1}},
    {"path": "/users", "method": "POST", "body": {}, "headers": {"Expect": "100-continue"}},
    {"path": "/users", "headers": {"Connection": "Upgrade", "Upgrade": "websocket"}},
    {"path": "/users", "headers": {"TE": "trailers"}},
    {"path": "/users", "headers": {"Proxy-Connection": "keep-alive"}},
    {"path": "/users", "headers": {"X-A": "\u2603"}},
    {"path": "/users", "body": {"a": 1}},
    {"path": "/users", "method": "POST", "paginate": True},
    {"path": "/users", "query": {"x": {"y": 1}}},
]


@pytest.mark.parametrize("params", REFUSED_INPUTS)
def test_refused_input_reaches_no_endpoint(run_action, okta, params):
    result = run_action("raw_request", params)
    assert not result.ok and "Refused" in result.error and not okta.request_history


@pytest.mark.parametrize("headers, named", [({"Expect": "100-continue"}, "Expect"), ({"X-Note": "\u2603"}, "X-Note")])
def test_a_refused_header_is_named_in_a_clean_error(run_action, okta, headers, named):
    result = run_action("raw_request", {"method": "POST", "path": "/users", "body": {}, "headers": headers})
    assert not result.ok and named in result.error and "Traceback" not in result.stderr + result.error
    assert not okta.request_history


def test_a_limit_below_one_is_refused_by_the_spec_naming_the_field_before_any_request(run_action, okta):
    result = run_action("raw_request", {"path": "/users", "paginate": True, "limit": 0})
    assert not result.ok and "'limit'" in result.error and not okta.request_history
