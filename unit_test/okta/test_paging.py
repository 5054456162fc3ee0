"""The one pager: next links followed until the limit, the end, a repeated link or the caller's stop
condition; links asking for more than is wanted are lowered; one same-origin rule; each list in
its largest page, halved from the same cursor when Okta fails on it."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from komand_okta.clock import FakeClock
from komand_okta.okta.http import errors, paging
from komand_okta.okta.http.client import OktaClient

BASE = "https://example.okta.com"
USERS = BASE + "/api/v1/users"


class RecordingLog:
    def __init__(self):
        self.lines = []

    def _add(self, message, *args):
        self.lines.append(message % args)

    debug = info = warning = error = _add


@pytest.fixture
def client():
    return OktaClient(BASE, "SSWS x", clock=FakeClock(), jitter=lambda: 0)


def answer(ids, after=None, limit=2):
    headers = {"Link": '<%s?after=%s&limit=%d>; rel="next"' % (USERS, after, limit)} if after else {}
    return {"json": [{"id": i} for i in ids], "headers": headers}


def limits(requests_mock):
    return [parse_qs(urlsplit(r.url).query).get("limit", [None])[0] for r in requests_mock.request_history]


def test_the_callers_stop_condition_ends_a_list_whose_next_link_never_does(requests_mock, client):
    requests_mock.get(USERS, [answer([1, 2], "a"), answer([], "a2"), answer([3], "b")])
    read = list(paging.pages(client, "/api/v1/users", page_size=2, until=lambda page: not page.items))
    assert [page.items for page in read] == [[{"id": 1}, {"id": 2}], []]


def test_without_a_stop_condition_an_empty_page_with_a_next_link_is_followed(requests_mock, client):
    requests_mock.get(USERS, [answer([1, 2], "a"), answer([], "b"), answer([3])])
    assert [item["id"] for item in client.pages("/api/v1/users", page_size=2)] == [1, 2, 3]


def test_a_next_link_asking_for_more_than_remains_is_lowered_and_one_asking_less_is_kept(requests_mock, client):
    requests_mock.get(USERS, [answer([1, 2], "a", limit=2), answer([3, 4], "b", limit=2), answer([5])])
    assert len(list(client.pages("/api/v1/users", page_size=2, limit=5))) == 5
    assert limits(requests_mock) == ["2", "2", "1"]


def test_a_repeated_next_link_ends_the_list(requests_mock, client):
    requests_mock.get(USERS, [answer([1], "a"), answer([2], "a"), answer([3])])
    assert [item["id"] for item in client.pages("/api/v1/users")] == [1, 2] and requests_mock.call_count == 2


def test_a_next_link_to_another_origin_is_okta_s_answer_refused(requests_mock, client):
    requests_mock.get(USERS, json=[{"id": 1}], headers={"Link": '<https://evil.example.net/api/v1/users>; rel="next"'})
    with pytest.raises(errors.OktaError, match="another host"):
        list(client.pages("/api/v1/users"))


@pytest.mark.parametrize(
    "url, same",
    [
        ("https://example.okta.com/api/v1/logs?after=1", True),
        ("https://EXAMPLE.okta.com/api/v1/logs", True),
        ("http://example.okta.com/api/v1/logs", False),
        ("https://example.okta.com:8443/api/v1/logs", False),
        ("https://example.okta.com.evil.net/api/v1/logs", False),
    ],
)
def test_same_origin_is_scheme_host_and_port(url, same):
    assert paging.same_origin(url, BASE) is same


# -- page sizes ------------------------------------------------------------------------------------
GROUPS = BASE + "/api/v1/groups"


def group_page(ids, after=None, limit=10000):
    """A groups page whose next link repeats the limit asked for, as Okta's links do."""
    headers = {"Link": '<%s?after=%s&limit=%d>; rel="next"' % (GROUPS, after, limit)} if after else {}
    return {"json": [{"id": i} for i in ids], "headers": headers}


@pytest.mark.parametrize(
    "path, page_size, asked",
    [
        ("/api/v1/groups", None, "10000"),
        ("/api/v1/groups/00g1/users", None, "1000"),
        ("/api/v1/groups/rules", None, "200"),
        ("/api/v1/apps/0oa1/users", None, "500"),
        ("/api/v1/logs", None, "1000"),
        ("/api/v1/groups", 50000, "10000"),
        ("/api/v1/users", 20, "20"),
    ],
)
def test_a_list_is_asked_for_in_its_largest_page_unless_the_caller_wants_smaller(
    requests_mock, client, path, page_size, asked
):
    requests_mock.get(BASE + path, json=[])
    list(client.pages(path, page_size=page_size))
    assert limits(requests_mock) == [asked]


def test_a_list_without_a_known_maximum_is_left_to_oktas_default(requests_mock, client):
    requests_mock.get(BASE + "/api/v1/zones", json=[])
    list(client.pages("/api/v1/zones"))
    assert limits(requests_mock) == [None]


def test_a_page_okta_answers_with_500_is_asked_again_at_half_the_size_from_the_same_cursor(requests_mock, client):
    requests_mock.get(
        GROUPS,
        [
            group_page([1], "c1"),
            {"status_code": 500, "json": {"errorCode": "E0000009"}},
            group_page([2], "c2", limit=5000),
            group_page([3]),
        ],
    )
    ids = [group["id"] for group in client.pages("/api/v1/groups")]
    assert ids == [1, 2, 3]
    sent = [parse_qs(urlsplit(r.url).query) for r in requests_mock.request_history]
    assert [(q.get("after"), q.get("limit")) for q in sent] == [
        (None, ["10000"]),
        (["c1"], ["10000"]),
        (["c1"], ["5000"]),
        (["c2"], ["5000"]),
    ]


def test_a_page_that_times_out_is_asked_again_at_half_the_size(requests_mock, client):
    requests_mock.get(
        GROUPS, [{"exc": requests.exceptions.ReadTimeout}, {"exc": requests.exceptions.ReadTimeout}, group_page([1, 2])]
    )
    assert len(list(client.pages("/api/v1/groups"))) == 2
    assert limits(requests_mock) == ["10000", "5000", "2500"]


def test_a_page_that_keeps_failing_is_halved_only_within_the_retry_budget(requests_mock, client):
    requests_mock.get(GROUPS, status_code=500, json={"errorCode": "E0000009"})
    with pytest.raises(errors.OktaError):
        list(client.pages("/api/v1/groups"))
    assert limits(requests_mock) == ["10000", "5000", "2500", "1250", "625"]


def test_a_503_is_retried_at_the_same_size(requests_mock, client):
    requests_mock.get(GROUPS, [{"status_code": 503, "text": "busy"}, group_page([1])])
    list(client.pages("/api/v1/groups"))
    assert limits(requests_mock) == ["10000", "10000"]


def test_a_halved_page_is_logged(requests_mock):
    log = RecordingLog()
    client = OktaClient(BASE, "SSWS x", clock=FakeClock(), jitter=lambda: 0, log=log)
    requests_mock.get(GROUPS, [{"status_code": 500, "json": {}}, group_page([1])])
    list(client.pages("/api/v1/groups"))
    assert any("pages of 5000 instead of 10000" in line for line in log.lines)
