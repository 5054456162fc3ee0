"""OktaClient: the one HTTP path to Okta (headers, encoding, paging, rate limits, retries, errors).

Every wait goes through FakeClock, so `clock.sleeps` is the exact list of waits and nothing
really sleeps. `jitter=lambda: 0.0` makes the waits exact.
"""

from email.utils import formatdate
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from urllib3.exceptions import NewConnectionError

from komand_okta.clock import FakeClock
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.http.errors import ClientError, OktaError

BASE = "https://example.okta.com"
API = BASE + "/api/v1"
TOKEN = "canary-token-7f3a9c1e5b"
START = 1_700_000_000.0


class Log:
    """Collects every logged line, formatted, with its level."""

    def __init__(self):
        self.lines = []

    def _add(self, level, message, *args):
        self.lines.append((level, message % args if args else message))

    def debug(self, message, *args):
        self._add("debug", message, *args)

    def info(self, message, *args):
        self._add("info", message, *args)

    def warning(self, message, *args):
        self._add("warning", message, *args)

    def error(self, message, *args):
        self._add("error", message, *args)

    def text(self, level=None):
        return [line for lvl, line in self.lines if level is None or lvl == level]


def make_client(clock=None, log=None, **kwargs):
    return OktaClient(
        BASE,
        "SSWS " + TOKEN,
        clock=clock or FakeClock(START),
        log=log if log is not None else Log(),
        jitter=lambda: 0.0,
        **kwargs,
    )


def http_date(epoch: float) -> str:
    return formatdate(epoch, usegmt=True)


def rate_headers(remaining, reset_in, server_now=START):
    """Okta's rate-limit headers: `reset_in` seconds after the server's own Date."""
    return {
        "Date": http_date(server_now),
        "X-Rate-Limit-Limit": "600",
        "X-Rate-Limit-Remaining": str(remaining),
        "X-Rate-Limit-Reset": str(int(server_now + reset_in)),
    }


RATE_LIMITED = {
    "errorCode": "E0000047",
    "errorSummary": "API call exceeded rate limit due to too many requests.",
    "errorLink": "E0000047",
    "errorId": "oaeRate",
    "errorCauses": [],
}


def query_of(request) -> dict:
    """The query as sent, case preserved (requests_mock's `qs` lowercases values)."""
    return {k: v for k, v in parse_qs(urlsplit(request.url).query, keep_blank_values=True).items()}


def connect_failure():
    return requests.exceptions.ConnectionError(NewConnectionError(None, "Failed to establish a new connection"))


# -- headers and paths --------------------------------------------------------------------------


def test_sends_the_ssws_authorization_header(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"})
    make_client().get("/api/v1/users/00u1")
    assert requests_mock.last_request.headers["Authorization"] == "SSWS " + TOKEN


def test_sends_json_accept_and_content_type_headers(requests_mock):
    requests_mock.post(API + "/users", json={"id": "00u1"})
    make_client().post("/api/v1/users", json={"profile": {}})
    headers = requests_mock.last_request.headers
    assert headers["Accept"] == "application/json"
    assert headers["Content-Type"] == "application/json"


def test_sends_the_given_user_agent(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"})
    make_client(user_agent="komand_okta/9.9.9 (test)").get("/api/v1/users/00u1")
    assert requests_mock.last_request.headers["User-Agent"] == "komand_okta/9.9.9 (test)"


def test_connection_user_agent_names_the_plugin_and_its_version(requests_mock):
    from komand_okta.connection import Connection
    from komand_okta.runtime import spec

    requests_mock.get(API + "/users/00u1", json={"id": "00u1"})
    connection = Connection({"okta_url": "example.okta.com", "okta_key": {"secretKey": TOKEN}}, clock=FakeClock(START))
    connection.client.get("/api/v1/users/00u1")
    agent = requests_mock.last_request.headers["User-Agent"]
    assert "komand_okta" in agent
    assert str(spec.load()["version"]) in agent


def test_uses_connect_and_read_timeouts(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"})
    make_client(timeout=(3, 45)).get("/api/v1/users/00u1")
    assert requests_mock.last_request.timeout == (3, 45)


def test_default_timeouts_bound_both_connect_and_read(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"})
    make_client().get("/api/v1/users/00u1")
    connect, read = requests_mock.last_request.timeout
    assert 0 < connect <= 30 and 0 < read <= 120


def test_path_url_encodes_every_segment():
    assert OktaClient.path("users", "a+b#c@example.com") == "/api/v1/users/a%2Bb%23c%40example.com"


def test_path_encodes_a_slash_inside_a_segment():
    assert OktaClient.path("users", "dept/jdoe", "groups") == "/api/v1/users/dept%2Fjdoe/groups"


def test_encoded_login_reaches_okta_as_one_path_segment(requests_mock):
    requests_mock.get(API + "/users/a%2Bb%23c%40example.com", json={"id": "00u1"})
    client = make_client()
    assert client.get(client.path("users", "a+b#c@example.com")) == {"id": "00u1"}
    assert urlsplit(requests_mock.last_request.url).path == "/api/v1/users/a%2Bb%23c%40example.com"


def test_returns_the_parsed_json_body(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1", "status": "ACTIVE"})
    assert make_client().get("/api/v1/users/00u1") == {"id": "00u1", "status": "ACTIVE"}


def test_an_empty_204_body_is_none(requests_mock):
    requests_mock.delete(API + "/users/00u1", status_code=204)
    assert make_client().delete("/api/v1/users/00u1") is None


def test_allowed_status_is_returned_not_raised(requests_mock):
    requests_mock.get(API + "/users/nobody", status_code=404, json={"errorCode": "E0000007"})
    response = make_client().request("GET", "/api/v1/users/nobody", allow=(404,))
    assert response.status == 404


def test_refuses_an_absolute_url_on_another_host_before_any_request(requests_mock):
    with pytest.raises(ClientError) as info:
        make_client().get("https://evil.example.net/api/v1/users")
    assert "evil.example.net" in info.value.cause
    assert requests_mock.call_count == 0


# -- pagination -----------------------------------------------------------------------------------


def test_pages_follow_the_next_link_until_there_is_none(requests_mock):
    requests_mock.get(
        API + "/users",
        [
            {"json": [{"id": 1}, {"id": 2}], "headers": {"Link": '<%s/users?after=2>; rel="next"' % API}},
            {"json": [{"id": 3}]},
        ],
    )
    items = list(make_client().pages("/api/v1/users"))
    assert [item["id"] for item in items] == [1, 2, 3]
    assert requests_mock.call_count == 2
    assert query_of(requests_mock.request_history[1])["after"] == ["2"]


def test_pages_read_next_from_a_link_header_that_also_carries_self(requests_mock):
    link = '<%s/users?limit=2>; rel="self", <%s/users?after=2&limit=2>; rel="next"' % (API, API)
    requests_mock.get(
        API + "/users", [{"json": [{"id": 1}, {"id": 2}], "headers": {"Link": link}}, {"json": [{"id": 3}]}]
    )
    items = list(make_client().pages("/api/v1/users", page_size=2))
    assert [item["id"] for item in items] == [1, 2, 3]
    assert query_of(requests_mock.request_history[1]) == {"after": ["2"], "limit": ["2"]}


def test_pages_stop_at_a_self_link_alone(requests_mock):
    requests_mock.get(API + "/users", json=[{"id": 1}], headers={"Link": '<%s/users>; rel="self"' % API})
    assert len(list(make_client().pages("/api/v1/users"))) == 1
    assert requests_mock.call_count == 1


def test_pages_stop_when_the_next_link_repeats(requests_mock):
    requests_mock.get(API + "/users", json=[{"id": 1}], headers={"Link": '<%s/users?after=1>; rel="next"' % API})
    items = list(make_client().pages("/api/v1/users"))
    assert requests_mock.call_count == 2  # the first page, then after=1 once; its repeat is not followed
    assert len(items) == 2


def test_pages_stop_when_the_next_link_repeats_even_with_a_limit(requests_mock):
    next_link = {"Link": '<%s/users?after=a&limit=5>; rel="next"' % API}
    requests_mock.get(API + "/users", json=[{"id": 1}, {"id": 2}], headers=next_link)  # fewer than asked
    items = list(make_client().pages("/api/v1/users", limit=5))
    assert requests_mock.call_count == 2  # first page, then after=a once; the repeat is not followed
    assert len(items) == 4


def test_pages_do_not_follow_a_next_link_to_another_host(requests_mock):
    requests_mock.get(
        API + "/users",
        json=[{"id": 1}],
        headers={"Link": '<https://evil.example.net/api/v1/users?after=1>; rel="next"'},
    )
    evil = requests_mock.get("https://evil.example.net/api/v1/users", json=[{"id": "stolen"}])
    try:
        list(make_client().pages("/api/v1/users"))
    except OktaError:
        pass  # refusing loudly is as good as stopping
    assert evil.call_count == 0


def test_pages_do_not_follow_a_next_link_downgraded_to_http(requests_mock):
    requests_mock.get(
        API + "/users", json=[{"id": 1}], headers={"Link": '<http://example.okta.com/api/v1/users?after=1>; rel="next"'}
    )
    plain = requests_mock.get("http://example.okta.com/api/v1/users", json=[{"id": 2}])
    try:
        list(make_client().pages("/api/v1/users"))
    except OktaError:
        pass
    assert plain.call_count == 0


def test_a_limit_smaller_than_the_page_size_asks_okta_for_just_that_many(requests_mock):
    requests_mock.get(API + "/users", json=[{"id": 1}, {"id": 2}, {"id": 3}])
    list(make_client().pages("/api/v1/users", page_size=200, limit=3))
    assert query_of(requests_mock.last_request)["limit"] == ["3"]


def test_a_page_size_smaller_than_the_limit_is_the_requested_page_size(requests_mock):
    requests_mock.get(API + "/users", json=[{"id": 1}])
    list(make_client().pages("/api/v1/users", page_size=50, limit=500))
    assert query_of(requests_mock.last_request)["limit"] == ["50"]


def test_pages_stop_fetching_once_limit_items_were_yielded(requests_mock):
    requests_mock.get(
        API + "/users",
        json=[{"id": i} for i in range(3)],
        headers={"Link": '<%s/users?after=2&limit=3>; rel="next"' % API},
    )
    items = list(make_client().pages("/api/v1/users", limit=3))
    assert len(items) == 3
    assert requests_mock.call_count == 1


def test_pages_yield_no_more_than_limit_even_if_okta_sends_more(requests_mock):
    requests_mock.get(API + "/users", json=[{"id": i} for i in range(10)])
    assert len(list(make_client().pages("/api/v1/users", limit=4))) == 4


def test_a_next_page_never_asks_for_more_than_is_still_wanted(requests_mock):
    requests_mock.get(
        API + "/users",
        [
            {"json": [{"id": 1}, {"id": 2}], "headers": {"Link": '<%s/users?after=2&limit=2>; rel="next"' % API}},
            {"json": [{"id": 3}], "headers": {"Link": '<%s/users?after=3&limit=2>; rel="next"' % API}},
        ],
    )
    items = list(make_client().pages("/api/v1/users", page_size=2, limit=3))
    assert len(items) == 3
    assert requests_mock.call_count == 2
    assert query_of(requests_mock.request_history[1]) == {"after": ["2"], "limit": ["1"]}


def test_the_next_link_keeps_its_own_cursor_and_query(requests_mock):
    requests_mock.get(
        API + "/users",
        [
            {
                "json": [{"id": 1}],
                "headers": {"Link": '<%s/users?search=status+eq+%%22ACTIVE%%22&after=00u1abc>; rel="next"' % API},
            },
            {"json": []},
        ],
    )
    list(make_client().pages("/api/v1/users", {"search": 'status eq "ACTIVE"'}))
    assert query_of(requests_mock.request_history[1]) == {
        "search": ['status eq "ACTIVE"'],
        "after": ["00u1abc"],
        "limit": ["200"],
    }


def test_the_first_page_carries_the_callers_params(requests_mock):
    requests_mock.get(API + "/users", json=[])
    list(make_client().pages("/api/v1/users", {"filter": 'status eq "ACTIVE"'}))
    assert query_of(requests_mock.last_request) == {"filter": ['status eq "ACTIVE"'], "limit": ["200"]}


# -- rate limits ---------------------------------------------------------------------------------


def test_429_waits_until_reset_measured_by_the_servers_date_header(requests_mock):
    server_now = START + 5000  # the local clock is far behind the server; only Date counts
    requests_mock.get(
        API + "/users/00u1",
        [
            {"status_code": 429, "json": RATE_LIMITED, "headers": rate_headers(0, 30, server_now)},
            {"json": {"id": "00u1"}},
        ],
    )
    clock = FakeClock(START)
    assert make_client(clock=clock).get("/api/v1/users/00u1") == {"id": "00u1"}
    assert clock.sleeps == [30.0]


def test_429_wait_adds_the_jitter(requests_mock):
    requests_mock.get(
        API + "/users/00u1",
        [
            {"status_code": 429, "json": RATE_LIMITED, "headers": rate_headers(0, 30)},
            {"json": {"id": "00u1"}},
        ],
    )
    clock = FakeClock(START)
    client = OktaClient(BASE, "SSWS " + TOKEN, clock=clock, log=Log(), jitter=lambda: 0.5)
    client.get("/api/v1/users/00u1")
    assert len(clock.sleeps) == 1 and 30.0 < clock.sleeps[0] <= 31.0


def test_429_is_retried_for_a_post(requests_mock):
    requests_mock.post(
        API + "/users",
        [
            {"status_code": 429, "json": RATE_LIMITED, "headers": rate_headers(0, 10)},
            {"json": {"id": "00u1"}},
        ],
    )
    clock = FakeClock(START)
    assert make_client(clock=clock).post("/api/v1/users", json={"profile": {}}) == {"id": "00u1"}
    assert requests_mock.call_count == 2
    assert clock.sleeps == [10.0]


def test_429_with_a_reset_already_past_retries_without_a_negative_wait(requests_mock):
    requests_mock.get(
        API + "/users/00u1",
        [
            {"status_code": 429, "json": RATE_LIMITED, "headers": rate_headers(0, -20)},
            {"json": {"id": "00u1"}},
        ],
    )
    clock = FakeClock(START)
    make_client(clock=clock).get("/api/v1/users/00u1")
    assert all(wait >= 0 for wait in clock.sleeps)
    assert requests_mock.call_count == 2


def test_429_without_reset_headers_falls_back_to_backoff(requests_mock):
    requests_mock.get(API + "/users/00u1", [{"status_code": 429, "json": RATE_LIMITED}, {"json": {"id": "00u1"}}])
    clock = FakeClock(START)
    make_client(clock=clock).get("/api/v1/users/00u1")
    assert clock.sleeps == [0.5]


def test_429_gives_up_after_max_tries(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=429, json=RATE_LIMITED, headers=rate_headers(0, 1))
    with pytest.raises(OktaError):
        make_client(max_tries=3).get("/api/v1/users/00u1")
    assert requests_mock.call_count == 3


def test_429_exhausted_error_says_the_limit_stayed_exhausted_after_n_tries(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=429, json=RATE_LIMITED, headers=rate_headers(0, 1))
    with pytest.raises(OktaError) as info:
        make_client(max_tries=3).get("/api/v1/users/00u1")
    assert "rate limit stayed exhausted after 3 tries" in info.value.assistance
    assert info.value.status == 429


def test_429_gives_up_when_the_total_wait_would_exceed_max_wait(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=429, json=RATE_LIMITED, headers=rate_headers(0, 40))
    clock = FakeClock(START)
    with pytest.raises(OktaError) as info:
        make_client(clock=clock, max_tries=10, max_wait=100).get("/api/v1/users/00u1")
    assert sum(clock.sleeps) <= 100
    assert clock.sleeps == [40.0, 40.0]
    assert "after 3 tries" in info.value.assistance


def test_429_with_a_reset_beyond_max_wait_fails_without_waiting(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=429, json=RATE_LIMITED, headers=rate_headers(0, 3600))
    clock = FakeClock(START)
    with pytest.raises(OktaError):
        make_client(clock=clock, max_wait=300).get("/api/v1/users/00u1")
    assert clock.sleeps == []
    assert requests_mock.call_count == 1


def test_remaining_zero_makes_the_next_request_in_the_bucket_wait_for_the_reset(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"}, headers=rate_headers(0, 25))
    requests_mock.get(API + "/users/00u2", json={"id": "00u2"}, headers=rate_headers(599, 60, START + 25))
    clock = FakeClock(START)
    client = make_client(clock=clock)
    client.get("/api/v1/users/00u1")
    assert clock.sleeps == []
    client.get("/api/v1/users/00u2")
    assert clock.sleeps == [25.0]
    assert requests_mock.call_count == 2  # no request was spent on a 429


def test_remaining_zero_pacing_uses_the_servers_date_not_the_local_clock(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"}, headers=rate_headers(0, 25, START + 9999))
    requests_mock.get(API + "/users/00u2", json={"id": "00u2"})
    clock = FakeClock(START)
    client = make_client(clock=clock)
    client.get("/api/v1/users/00u1")
    client.get("/api/v1/users/00u2")
    assert clock.sleeps == [25.0]


def test_remaining_zero_does_not_delay_another_bucket(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"}, headers=rate_headers(0, 25))
    requests_mock.get(API + "/groups", json=[])
    clock = FakeClock(START)
    client = make_client(clock=clock)
    client.get("/api/v1/users/00u1")
    client.get("/api/v1/groups")
    assert clock.sleeps == []


def test_remaining_zero_pause_is_not_repeated_after_the_window_reset(requests_mock):
    requests_mock.get(
        API + "/users/00u1",
        [{"json": {"id": "00u1"}, "headers": rate_headers(0, 25)}, {"json": {"id": "00u1"}}, {"json": {"id": "00u1"}}],
    )
    clock = FakeClock(START)
    client = make_client(clock=clock)
    for _ in range(3):
        client.get("/api/v1/users/00u1")
    assert clock.sleeps == [25.0]


def test_remaining_zero_pacing_is_logged(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"}, headers=rate_headers(0, 25))
    log = Log()
    client = make_client(log=log)
    client.get("/api/v1/users/00u1")
    client.get("/api/v1/users/00u1")
    assert any("rate limit" in line.lower() and "25.0" in line for line in log.text())


def test_remaining_zero_without_a_reset_header_does_not_break_a_successful_request(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"}, headers={"X-Rate-Limit-Remaining": "0"})
    assert make_client().get("/api/v1/users/00u1") == {"id": "00u1"}


def test_remaining_zero_pacing_never_waits_longer_than_max_wait(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"}, headers=rate_headers(0, 3600))
    clock = FakeClock(START)
    client = make_client(clock=clock, max_wait=300)
    client.get("/api/v1/users/00u1")
    try:
        client.get("/api/v1/users/00u1")
    except OktaError:
        pass  # refusing to wait that long is acceptable; waiting an hour is not
    assert sum(clock.sleeps) <= 300


# -- retries: 5xx, timeouts, dropped connections -------------------------------------------------

SERVER_ERROR = {"errorCode": "E0000009", "errorSummary": "Internal Server Error", "errorId": "oae500"}


def test_5xx_on_get_is_retried_with_exponential_backoff(requests_mock):
    requests_mock.get(
        API + "/users/00u1", [{"status_code": 503, "json": SERVER_ERROR}] * 3 + [{"json": {"id": "00u1"}}]
    )
    clock = FakeClock(START)
    assert make_client(clock=clock).get("/api/v1/users/00u1") == {"id": "00u1"}
    assert clock.sleeps == [0.5, 1.0, 2.0]


def test_backoff_is_capped(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=500, json=SERVER_ERROR)
    clock = FakeClock(START)
    with pytest.raises(OktaError):
        make_client(clock=clock, max_tries=8, max_wait=1000).get("/api/v1/users/00u1")
    assert clock.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_backoff_jitter_stays_within_half_again_the_base_wait(requests_mock):
    requests_mock.get(API + "/users/00u1", [{"status_code": 502, "json": SERVER_ERROR}, {"json": {"id": "00u1"}}])
    clock = FakeClock(START)
    OktaClient(BASE, "SSWS " + TOKEN, clock=clock, log=Log(), jitter=lambda: 1.0).get("/api/v1/users/00u1")
    assert clock.sleeps == [0.75]


def test_5xx_gives_up_after_max_tries_with_okta_unavailable_assistance(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=503, json=SERVER_ERROR)
    with pytest.raises(OktaError) as info:
        make_client(max_tries=4).get("/api/v1/users/00u1")
    assert requests_mock.call_count == 4
    assert "unavailable" in info.value.assistance.lower()
    assert info.value.status == 503


def test_retries_stop_when_the_total_backoff_would_exceed_max_wait(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=503, json=SERVER_ERROR)
    clock = FakeClock(START)
    with pytest.raises(OktaError):
        make_client(clock=clock, max_tries=20, max_wait=10).get("/api/v1/users/00u1")
    assert sum(clock.sleeps) <= 10
    assert clock.sleeps == [0.5, 1.0, 2.0, 4.0]


def test_5xx_on_put_is_retried(requests_mock):
    requests_mock.put(
        API + "/groups/00g1/users/00u1", [{"status_code": 500, "json": SERVER_ERROR}, {"status_code": 204}]
    )
    make_client().put("/api/v1/groups/00g1/users/00u1")
    assert requests_mock.call_count == 2


def test_5xx_on_delete_is_retried(requests_mock):
    requests_mock.delete(API + "/users/00u1", [{"status_code": 504}, {"status_code": 204}])
    make_client().delete("/api/v1/users/00u1")
    assert requests_mock.call_count == 2


def test_5xx_on_post_is_not_retried(requests_mock):
    requests_mock.post(API + "/users/00u1/lifecycle/suspend", status_code=500, json=SERVER_ERROR)
    clock = FakeClock(START)
    with pytest.raises(OktaError) as info:
        make_client(clock=clock).post("/api/v1/users/00u1/lifecycle/suspend")
    assert requests_mock.call_count == 1
    assert clock.sleeps == []
    assert info.value.status == 500


def test_a_post_marked_idempotent_is_retried_on_5xx(requests_mock):
    requests_mock.post(
        API + "/users/00u1/lifecycle/suspend", [{"status_code": 500, "json": SERVER_ERROR}, {"json": {}}]
    )
    make_client().request("POST", "/api/v1/users/00u1/lifecycle/suspend", idempotent=True)
    assert requests_mock.call_count == 2


def test_read_timeout_on_get_is_retried(requests_mock):
    requests_mock.get(API + "/users/00u1", [{"exc": requests.exceptions.ReadTimeout}, {"json": {"id": "00u1"}}])
    clock = FakeClock(START)
    assert make_client(clock=clock).get("/api/v1/users/00u1") == {"id": "00u1"}
    assert clock.sleeps == [0.5]


def test_dropped_connection_on_get_is_retried(requests_mock):
    requests_mock.get(
        API + "/users/00u1",
        [{"exc": requests.exceptions.ConnectionError("Connection aborted.")}, {"json": {"id": "00u1"}}],
    )
    assert make_client().get("/api/v1/users/00u1") == {"id": "00u1"}
    assert requests_mock.call_count == 2


def test_connection_failures_on_get_give_up_after_max_tries(requests_mock):
    requests_mock.get(API + "/users/00u1", exc=requests.exceptions.ConnectionError("Connection aborted."))
    with pytest.raises(OktaError):
        make_client(max_tries=3).get("/api/v1/users/00u1")
    assert requests_mock.call_count == 3


def test_post_is_retried_after_a_connect_timeout(requests_mock):
    requests_mock.post(API + "/users", [{"exc": requests.exceptions.ConnectTimeout}, {"json": {"id": "00u1"}}])
    assert make_client().post("/api/v1/users", json={"profile": {}}) == {"id": "00u1"}
    assert requests_mock.call_count == 2


def test_post_is_retried_when_the_connection_could_not_be_opened(requests_mock):
    requests_mock.post(API + "/users", [{"exc": connect_failure()}, {"json": {"id": "00u1"}}])
    assert make_client().post("/api/v1/users", json={"profile": {}}) == {"id": "00u1"}
    assert requests_mock.call_count == 2


def test_post_is_retried_when_urllib3_wraps_the_connect_failure_in_max_retry_error(requests_mock):
    from urllib3.exceptions import MaxRetryError

    wrapped = MaxRetryError(None, API + "/users", NewConnectionError(None, "Failed to establish a new connection"))
    requests_mock.post(
        API + "/users", [{"exc": requests.exceptions.ConnectionError(wrapped)}, {"json": {"id": "00u1"}}]
    )
    make_client().post("/api/v1/users", json={"profile": {}})
    assert requests_mock.call_count == 2


def test_post_whose_connection_dropped_after_sending_is_not_retried(requests_mock):
    requests_mock.post(API + "/users", exc=requests.exceptions.ConnectionError("Connection aborted."))
    clock = FakeClock(START)
    with pytest.raises(OktaError):
        make_client(clock=clock).post("/api/v1/users", json={"profile": {}})
    assert requests_mock.call_count == 1
    assert clock.sleeps == []


def test_post_whose_connection_dropped_says_it_may_or_may_not_have_been_applied(requests_mock):
    requests_mock.post(API + "/users", exc=requests.exceptions.ConnectionError("Connection aborted."))
    with pytest.raises(OktaError) as info:
        make_client().post("/api/v1/users", json={"profile": {}})
    assert "may or may not have been applied" in info.value.cause
    assert "state in Okta" in info.value.assistance


def test_post_read_timeout_is_not_retried(requests_mock):
    requests_mock.post(API + "/users", exc=requests.exceptions.ReadTimeout)
    with pytest.raises(OktaError) as info:
        make_client().post("/api/v1/users", json={"profile": {}})
    assert requests_mock.call_count == 1
    assert "may or may not have been applied" in info.value.cause


def test_unreachable_okta_error_points_at_the_domain_and_network(requests_mock):
    requests_mock.get(API + "/users/00u1", exc=connect_failure())
    with pytest.raises(OktaError) as info:
        make_client(max_tries=2).get("/api/v1/users/00u1")
    assert "may or may not" not in info.value.cause
    assert "Okta domain" in info.value.assistance


def test_each_retry_is_logged(requests_mock):
    requests_mock.get(
        API + "/users/00u1",
        [
            {"status_code": 503, "json": SERVER_ERROR},
            {"status_code": 429, "json": RATE_LIMITED, "headers": rate_headers(0, 7)},
            {"json": {"id": "00u1"}},
        ],
    )
    log = Log()
    make_client(log=log).get("/api/v1/users/00u1")
    retries = log.text("warning")
    assert len(retries) == 2
    assert "503" in retries[0] and "0.5" in retries[0] and "/api/v1/users/00u1" in retries[0]
    assert "429" in retries[1] and "7.0" in retries[1]


def test_truncated_json_on_a_get_200_is_retried(requests_mock):
    requests_mock.get(API + "/users/00u1", [{"text": '{"id": "00u1", "prof'}, {"json": {"id": "00u1"}}])
    assert make_client().get("/api/v1/users/00u1") == {"id": "00u1"}
    assert requests_mock.call_count == 2


def test_truncated_json_on_a_post_200_is_an_error_saying_it_may_have_been_applied(requests_mock):
    requests_mock.post(API + "/users", text='{"id": "00u1", "prof')
    with pytest.raises(OktaError) as info:
        make_client().post("/api/v1/users", json={"profile": {}})
    assert requests_mock.call_count == 1
    assert "may or may not have been applied" in info.value.cause


def test_4xx_is_never_retried(requests_mock):
    requests_mock.get(
        API + "/users/00u1",
        status_code=403,
        json={"errorCode": "E0000006", "errorSummary": "You do not have permission."},
    )
    clock = FakeClock(START)
    with pytest.raises(OktaError):
        make_client(clock=clock).get("/api/v1/users/00u1")
    assert requests_mock.call_count == 1 and clock.sleeps == []


def test_a_redirect_is_not_followed(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=302, headers={"Location": "https://evil.example.net/x"})
    evil = requests_mock.get("https://evil.example.net/x", json={})
    with pytest.raises(OktaError):
        make_client().get("/api/v1/users/00u1")
    assert evil.call_count == 0


# -- error mapping -------------------------------------------------------------------------------


def _error_for(requests_mock, status, body, method="GET"):
    requests_mock.register_uri(method, API + "/users/00u1", status_code=status, json=body)
    with pytest.raises(OktaError) as info:
        make_client(max_tries=1).request(method, "/api/v1/users/00u1")
    return info.value


def test_401_error_says_to_check_the_token(requests_mock):
    error = _error_for(
        requests_mock, 401, {"errorCode": "E0000011", "errorSummary": "Invalid token provided", "errorId": "oae401"}
    )
    assert "Invalid token provided" in error.cause
    assert "token" in error.assistance.lower()
    assert error.status == 401 and error.code == "E0000011"


def test_403_error_says_an_admin_role_is_needed(requests_mock):
    error = _error_for(
        requests_mock,
        403,
        {"errorCode": "E0000006", "errorSummary": "You do not have permission to perform the requested action"},
    )
    assert "do not have permission" in error.cause
    assert "admin role" in error.assistance


def test_404_error_says_to_check_the_id(requests_mock):
    error = _error_for(
        requests_mock, 404, {"errorCode": "E0000007", "errorSummary": "Not found: Resource not found: 00u1 (User)"}
    )
    assert "Resource not found: 00u1 (User)" in error.cause
    assert "ID" in error.assistance


def test_400_error_names_okta_s_causes(requests_mock):
    error = _error_for(
        requests_mock,
        400,
        {
            "errorCode": "E0000001",
            "errorSummary": "Api validation failed: login",
            "errorId": "oae400",
            "errorCauses": [
                {"errorSummary": "login: An object with this field already exists in the current organization"}
            ],
        },
        method="POST",
    )
    assert "Api validation failed: login" in error.cause
    assert "login: An object with this field already exists" in error.cause
    assert "input" in error.assistance.lower()


def test_400_error_tolerates_a_bare_error_causes_object(requests_mock):
    error = _error_for(
        requests_mock,
        400,
        {
            "errorCode": "E0000001",
            "errorSummary": "Api validation failed",
            "errorCauses": {"errorSummary": "email: Does not match required pattern"},
        },
    )
    assert "email: Does not match required pattern" in error.cause


def test_error_cause_names_the_status_code_method_and_path(requests_mock):
    error = _error_for(requests_mock, 404, {"errorCode": "E0000007", "errorSummary": "Not found"})
    assert "404" in error.cause and "E0000007" in error.cause and "GET /api/v1/users/00u1" in error.cause


def test_error_data_keeps_oktas_error_fields(requests_mock):
    import json

    body = {
        "errorCode": "E0000007",
        "errorSummary": "Not found",
        "errorLink": "E0000007",
        "errorId": "oae404",
        "errorCauses": [],
    }
    error = _error_for(requests_mock, 404, body)
    data = json.loads(error.data)
    assert data["errorCode"] == "E0000007" and data["errorId"] == "oae404" and data["errorSummary"] == "Not found"


def test_an_error_without_a_json_body_still_explains_the_status(requests_mock):
    requests_mock.get(API + "/users/00u1", status_code=502, text="<html>Bad gateway</html>")
    with pytest.raises(OktaError) as info:
        make_client(max_tries=1).get("/api/v1/users/00u1")
    assert "502" in info.value.cause
    assert "unavailable" in info.value.assistance.lower()


# -- secrets ---------------------------------------------------------------------------------------


def _assert_token_absent(error, log):
    for text in (str(error), error.cause, error.assistance, error.data, repr(error.args)):
        assert TOKEN not in text
    for line in log.text():
        assert TOKEN not in line


@pytest.mark.parametrize("status", [400, 401, 403, 404, 429, 500])
def test_the_token_never_appears_in_an_okta_error_or_the_log(requests_mock, status):
    requests_mock.get(
        API + "/users/00u1",
        status_code=status,
        headers=rate_headers(0, 1),
        json={
            "errorCode": "E0000001",
            "errorSummary": "Something failed",
            "errorId": "oae1",
            "errorCauses": [{"errorSummary": "a cause"}],
        },
    )
    log = Log()
    with pytest.raises(OktaError) as info:
        make_client(log=log, max_tries=2).get("/api/v1/users/00u1")
    _assert_token_absent(info.value, log)


@pytest.mark.parametrize(
    "exc",
    [
        requests.exceptions.ConnectTimeout,
        requests.exceptions.ReadTimeout,
        requests.exceptions.ConnectionError("Connection aborted."),
    ],
)
def test_the_token_never_appears_in_a_network_error_or_the_log(requests_mock, exc):
    requests_mock.post(API + "/users", exc=exc)
    log = Log()
    with pytest.raises(OktaError) as info:
        make_client(log=log, max_tries=2).post("/api/v1/users", json={"profile": {}})
    _assert_token_absent(info.value, log)


def test_the_token_never_appears_in_the_log_of_a_successful_paged_listing(requests_mock):
    requests_mock.get(
        API + "/users",
        [
            {"json": [{"id": 1}], "headers": {"Link": '<%s/users?after=1>; rel="next"' % API, **rate_headers(0, 3)}},
            {"json": [{"id": 2}]},
        ],
    )
    log = Log()
    list(make_client(log=log).pages("/api/v1/users"))
    assert log.lines
    assert all(TOKEN not in line for line in log.text())


def test_per_request_headers_are_sent_but_never_replace_authentication(requests_mock):
    requests_mock.get(API + "/users", json=[])
    make_client().request("GET", "/api/v1/users", headers={"X-Extra": "1", "Authorization": "SSWS forged"})
    sent = requests_mock.request_history[0].headers
    assert sent["X-Extra"] == "1" and sent["Authorization"] != "SSWS forged"


def test_an_error_for_an_okta_answer_carries_that_answer(requests_mock):
    requests_mock.get(API + "/users/x", status_code=400, json={"errorCode": "E0000001"}, headers={"X-A": "b"})
    with pytest.raises(OktaError) as raised:
        make_client().get("/api/v1/users/x")
    assert raised.value.response.status == 400 and raised.value.response.headers["X-A"] == "b"


def test_a_bound_client_logs_to_its_own_log_and_shares_rate_limit_state(requests_mock):
    requests_mock.get(API + "/users", json=[], headers=rate_headers(0, 30))
    first, second = Log(), Log()
    client = make_client(log=first)
    bound = client.bind(second)
    bound.get("/api/v1/users")
    assert second.text() and not first.text()
    assert client.rate is bound.rate and client.rate.windows


def test_a_long_list_logs_its_progress_at_a_readable_pace(requests_mock):
    clock, log = FakeClock(START), Log()
    pages = 30
    for n in range(pages):
        headers = {"Link": '<%s/users?after=%d>; rel="next"' % (API, n + 1)} if n + 1 < pages else {}
        url = API + "/users" + ("?after=%d" % n if n else "")
        requests_mock.get(url, json=[{"id": n}], headers=headers, complete_qs=False)
    client = make_client(clock=clock, log=log)
    original = client.request

    def slow_request(*args, **kwargs):  # every page takes a simulated second
        clock.advance(1.0)
        return original(*args, **kwargs)

    client.request = slow_request
    assert len(list(client.pages("/api/v1/users"))) == pages
    progress = [line for line in log.text("info") if "so far" in line]
    assert 2 <= len(progress) <= 3 and "Read /api/v1/users: 30 items in 30 pages" in log.text("info")[-1]


def test_a_single_page_list_logs_no_progress(requests_mock):
    requests_mock.get(API + "/users", json=[{"id": 1}])
    log = Log()
    list(make_client(log=log).pages("/api/v1/users"))
    assert log.text("info") == []


@pytest.mark.parametrize("status", [502, 504])
def test_a_gateway_error_on_a_post_says_it_may_have_been_applied(requests_mock, status):
    requests_mock.post(API + "/groups", status_code=status, text="<html>gateway</html>")
    with pytest.raises(OktaError) as raised:
        make_client().post("/api/v1/groups", json={})
    assert "may or may not have been applied" in raised.value.cause and len(requests_mock.request_history) == 1


def test_a_503_on_a_post_was_not_applied_and_says_nothing_of_the_kind(requests_mock):
    requests_mock.post(API + "/groups", status_code=503, json={"errorCode": "E0000010"})
    with pytest.raises(OktaError) as raised:
        make_client().post("/api/v1/groups", json={})
    assert "may or may not" not in raised.value.cause


def test_boolean_query_parameters_are_sent_as_okta_spells_them(requests_mock):
    requests_mock.post(API + "/users", json={})
    make_client().post("/api/v1/users", json={}, params={"activate": True, "provider": False})
    assert requests_mock.request_history[0].qs == {"activate": ["true"], "provider": ["false"]}


# -- the shape of a 2xx body -------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, expect, found",
    [
        ([{"id": "00u1"}], dict, "a list where an object"),
        ({"id": "00u1"}, list, "an object where a list"),
        ("00u1", dict, "a single value where an object"),
    ],
)
def test_a_2xx_body_of_another_shape_than_expected_is_an_error_naming_the_request(requests_mock, body, expect, found):
    requests_mock.get(API + "/users/00u1", json=body)
    with pytest.raises(OktaError) as info:
        make_client().get("/api/v1/users/00u1", expect=expect)
    assert "GET /api/v1/users/00u1" in info.value.cause and found in info.value.cause
    assert requests_mock.call_count == 1


def test_a_body_of_the_expected_shape_is_returned(requests_mock):
    requests_mock.get(API + "/users/00u1", json={"id": "00u1"})
    assert make_client().get("/api/v1/users/00u1", expect=dict) == {"id": "00u1"}


def test_a_204_or_an_allowed_status_is_not_held_to_the_expected_shape(requests_mock):
    requests_mock.post(API + "/users/00u1/lifecycle/suspend", status_code=204)
    requests_mock.get(API + "/users/00u1", status_code=404, json={"errorCode": "E0000007"})
    client = make_client()
    assert client.post("/api/v1/users/00u1/lifecycle/suspend", expect=dict) is None
    assert client.request("GET", "/api/v1/users/00u1", allow=(404,), expect=dict).status == 404


@pytest.mark.parametrize(
    "answer", [{"json": {"id": "00u1", "status": "ACTIVE"}}, {"text": ""}], ids=["object", "empty"]
)
def test_pages_refuse_a_page_that_is_not_a_list(requests_mock, answer):
    requests_mock.get(API + "/users", **answer)
    with pytest.raises(OktaError) as info:
        list(make_client().pages("/api/v1/users"))
    assert "GET /api/v1/users" in info.value.cause and "where a list was expected" in info.value.cause


def test_a_large_list_page_is_parsed_with_equal_strings_shared(requests_mock):
    page = [{"id": "00g%017d" % i, "type": "OKTA_GROUP", "objectClass": ["okta:user_group"]} for i in range(5000)]
    requests_mock.get(API + "/groups", json=page)
    first, second = make_client().get("/api/v1/groups")[:2]
    assert first["type"] is second["type"] and first["objectClass"][0] is second["objectClass"][0]
    assert first["id"] != second["id"]


def test_a_path_outside_api_v1_is_its_own_bucket(requests_mock):
    requests_mock.get(BASE + "/oauth2/v1/clients", json=[], headers=rate_headers(0, 25))
    requests_mock.get(BASE + "/oauth2/v1/keys", json={})
    clock = FakeClock(START)
    client = make_client(clock=clock)
    client.get("/oauth2/v1/clients")
    client.get("/oauth2/v1/keys")
    assert clock.sleeps == []
