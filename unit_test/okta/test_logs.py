"""log_pages: System Log paging that always ends, also for polling queries whose next link never does."""

from urllib.parse import parse_qs, urlsplit

import pytest

from komand_okta.clock import FakeClock
from komand_okta.okta.http import errors
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.logs import log_pages
from komand_okta.okta.timestamps import okta_time, parse_time

BASE = "https://example.okta.com"
LOGS = BASE + "/api/v1/logs"


@pytest.fixture
def client():
    return OktaClient(BASE, "SSWS x", clock=FakeClock(), jitter=lambda: 0)


def page(n, after, limit=None):
    headers = {"Link": '<%s?after=%s&limit=%d>; rel="next"' % (LOGS, after, limit or n)} if after else {}
    return {"json": [{"uuid": "%s-%d" % (after, i)} for i in range(n)], "headers": headers}


def q(request):
    return {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}


def test_pages_are_yielded_with_their_next_link_and_the_short_one_ends_it(requests_mock, client):
    requests_mock.get(LOGS, [page(2, "a"), page(1, "b", 2), page(0, "b", 2)])

    pages = list(log_pages(client, {"sortOrder": "ASCENDING"}, page_size=2))

    assert [len(p) for p in pages] == [2, 1]
    assert pages[-1].next_url.endswith("after=b&limit=2") and pages[-1].asked == 2
    assert len(requests_mock.request_history) == 2


def test_without_stop_when_short_it_continues_until_an_empty_page(requests_mock, client):
    requests_mock.get(LOGS, [page(2, "a"), page(1, "b", 2), page(0, "b", 2)])

    pages = list(log_pages(client, {}, page_size=2, stop_when_short=False))

    assert [len(p) for p in pages] == [2, 1, 0] and len(requests_mock.request_history) == 3


def test_a_repeated_next_link_ends_it(requests_mock, client):
    requests_mock.get(LOGS, [page(2, "a"), page(2, "a")])

    pages = list(log_pages(client, {}, page_size=2, stop_when_short=False))

    assert len(pages) == 2 and len(requests_mock.request_history) == 2


def test_no_next_link_ends_it(requests_mock, client):
    requests_mock.get(LOGS, [page(2, None)])

    assert len(list(log_pages(client, {"until": "x"}, page_size=2))) == 1


def test_the_limit_caps_events_and_shrinks_the_last_request(requests_mock, client):
    requests_mock.get(LOGS, [page(1000, "a"), page(1000, "b"), page(500, "c")])

    pages = list(log_pages(client, {}, page_size=1000, limit=2500))

    assert sum(len(p) for p in pages) == 2500
    assert [q(r)["limit"] for r in requests_mock.request_history] == ["1000", "1000", "500"]


def test_a_page_larger_than_asked_is_cut_to_the_limit(requests_mock, client):
    requests_mock.get(LOGS, [page(5, "a")])

    assert len(list(log_pages(client, {}, page_size=10, limit=3))[0]) == 3


def test_resuming_from_a_stored_link_ignores_params(requests_mock, client):
    requests_mock.get(LOGS, [page(0, "z")])

    pages = list(log_pages(client, {"since": "ignored"}, page_size=50, url=LOGS + "?after=z&limit=1000"))

    assert q(requests_mock.request_history[0]) == {"after": "z", "limit": "50"} and pages[0].items == []


def test_a_stored_link_to_another_host_is_refused_before_any_request(requests_mock, client):
    with pytest.raises(errors.ClientError, match="another host"):
        list(log_pages(client, {}, url="https://evil.example.com/api/v1/logs?after=1"))


def test_page_size_is_capped_at_1000(requests_mock, client):
    requests_mock.get(LOGS, [page(0, "a")])

    list(log_pages(client, {}, page_size=5000))

    assert q(requests_mock.request_history[0])["limit"] == "1000"


def test_times_parse_as_utc_and_print_in_oktas_form():
    assert okta_time(parse_time("2024-08-13T02:00:00+02:00")) == "2024-08-13T00:00:00.000Z"
    assert okta_time(parse_time("2024-08-13")) == "2024-08-13T00:00:00.000Z"
    for bad in ("yesterday", "", "2024-13-01T00:00:00Z", "1723507200"):
        with pytest.raises(ValueError):
            parse_time(bad)


def test_a_multi_page_read_ends_with_a_progress_summary_in_the_log(requests_mock):
    from komand_okta.runtime.steplog import StepLog

    log = StepLog(stream=False)
    logged = OktaClient(BASE, "SSWS x", clock=FakeClock(), jitter=lambda: 0, log=log)
    requests_mock.get(LOGS, [page(2, "a"), page(2, "b"), page(1, "c", 2)])

    list(log_pages(logged, {}, page_size=2))

    assert "Read /api/v1/logs: 5 items in 3 pages" in log.text()
