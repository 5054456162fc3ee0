"""Get System Logs: paging of min(1000, limit), stop rules for polling queries, checks before any request."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

LOGS = API + "/logs"


def events(n, start=0):
    return [
        {
            "uuid": "e%05d" % i,
            "published": "2023-11-10T00:00:00.000Z",
            "eventType": "user.session.start",
            "version": "0",
            "severity": "INFO",
            "actor": {"id": "00u1", "type": "User"},
            "outcome": {"result": "SUCCESS"},
        }
        for i in range(start, start + n)
    ]


def query(request):
    return {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}


def link(after, limit=1000):
    return factories.next_link("%s?after=%s&limit=%d" % (LOGS, after, limit))


def test_limit_2500_reads_pages_of_1000_1000_500(run_action, okta):
    okta.get(
        LOGS,
        [
            {"json": events(1000), "headers": link("p2")},
            {"json": events(1000, 1000), "headers": link("p3")},
            {"json": events(500, 2000), "headers": link("p4")},
        ],
    )

    result = run_action("get_logs", {"limit": 2500, "since": "2023-11-01T00:00:00Z", "until": "2023-11-12T00:00:00Z"})

    assert result.ok and result.output["count"] == 2500 and len(result.output["logs"]) == 2500
    assert [query(r)["limit"] for r in okta.request_history] == ["1000", "1000", "500"]
    assert [query(r).get("after") for r in okta.request_history] == [None, "p2", "p3"]
    assert query(okta.request_history[0]) == {
        "limit": "1000",
        "since": "2023-11-01T00:00:00.000Z",
        "until": "2023-11-12T00:00:00.000Z",
        "sortOrder": "ASCENDING",
    }


def test_a_polling_query_stops_on_a_short_page_despite_its_next_link(run_action, okta):
    okta.get(LOGS, [{"json": events(1000), "headers": link("p2")}, {"json": events(3, 1000), "headers": link("p3")}])

    result = run_action("get_logs", {"limit": 5000})

    assert result.output["count"] == 1003 and len(okta.request_history) == 2


def test_a_polling_query_stops_on_an_empty_page(run_action, okta):
    okta.get(LOGS, json=[], headers=link("p1", 150))

    result = run_action("get_logs", {"limit": 150})

    assert result.ok and result.output == {"logs": [], "count": 0}
    assert [query(r)["limit"] for r in okta.request_history] == ["150"]


def test_the_default_limit_is_one_request_of_100(run_action, okta):
    okta.get(LOGS, json=events(100), headers=link("p2", 100))

    result = run_action("get_logs", {})

    assert result.output["count"] == 100 and len(okta.request_history) == 1
    assert query(okta.request_history[0]) == {"limit": "100", "sortOrder": "ASCENDING"}


def test_a_bounded_query_ends_without_a_next_link(run_action, okta):
    okta.get(LOGS, json=events(7))

    result = run_action(
        "get_logs",
        {
            "until": "2023-11-12T00:00:00Z",
            "sort_order": "DESCENDING",
            "filter": 'eventType eq "user.session.start"',
            "query": "jane",
        },
    )

    assert result.output["count"] == 7
    assert query(okta.request_history[0]) == {
        "limit": "100",
        "until": "2023-11-12T00:00:00.000Z",
        "sortOrder": "DESCENDING",
        "filter": 'eventType eq "user.session.start"',
        "q": "jane",
    }


def test_a_bad_filter_is_an_error_in_oktas_words(run_action, okta):
    okta.get(
        LOGS,
        status_code=400,
        json=factories.error("E0000053", "Invalid filter", ["Invalid filter expression: published"]),
    )

    result = run_action("get_logs", {"filter": "published gt 1"})

    assert not result.ok and "E0000053" in result.exception["cause"]
    assert "Invalid filter expression" in result.exception["cause"] and "SCIM" in result.exception["assistance"]


def test_bad_inputs_name_the_field_and_reach_no_endpoint(run_action, okta):
    # The fake clock is 2023-11-14T22:13:20Z.
    for params, field in [
        ({"since": "yesterday"}, "since"),
        ({"until": "2023-13-01T00:00:00Z"}, "until"),
        ({"since": "2023-01-01T00:00:00Z"}, "180 days"),
        ({"limit": 10001}, "limit"),
        ({"limit": 0}, "limit"),
        ({"since": "2023-11-12T00:00:00Z", "until": "2023-11-11T00:00:00Z"}, "before until"),
        ({"query": " ".join(["w"] * 11)}, "query"),
    ]:
        result = run_action("get_logs", params)
        assert not result.ok and field in result.error, params
    assert okta.request_history == []
