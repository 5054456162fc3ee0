"""The one pager: next links followed until the limit, the end, a repeated link or the caller's stop
condition; links asking for more than is wanted are lowered; one same-origin rule."""
from urllib.parse import parse_qs, urlsplit

import pytest

from komand_okta.clock import FakeClock
from komand_okta.okta.http import errors, paging
from komand_okta.okta.http.client import OktaClient

BASE = "https://example.okta.com"
USERS = BASE + "/api/v1/users"


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


@pytest.mark.parametrize("url, same", [
    ("https://example.okta.com/api/v1/logs?after=1", True),
    ("https://EXAMPLE.okta.com/api/v1/logs", True),
    ("http://example.okta.com/api/v1/logs", False),
    ("https://example.okta.com:8443/api/v1/logs", False),
    ("https://example.okta.com.evil.net/api/v1/logs", False),
])
def test_same_origin_is_scheme_host_and_port(url, same):
    assert paging.same_origin(url, BASE) is same
