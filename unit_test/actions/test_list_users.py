"""List Users: all users or a query/filter/search, 200 a page, up to the limit."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

USERS = API + "/users"


def sent(okta):
    return [(r.method, urlsplit(r.url).path, parse_qs(urlsplit(r.url).query)) for r in okta.request_history]


def test_without_input_every_user_is_listed_200_a_page(run_action, okta):
    user = factories.user("a@example.com", user_id="00u1")
    okta.get(USERS, json=[user])

    result = run_action("list_users", {})

    assert result.ok
    assert result.output["count"] == 1
    assert result.output["users"][0]["id"] == "00u1" and "type" not in result.output["users"][0]
    assert sent(okta) == [("GET", "/api/v1/users", {"limit": ["200"]})]


def test_a_query_is_sent_as_q_asking_for_200_rather_than_oktas_default_of_10(run_action, okta):
    okta.get(USERS, json=[factories.user()])

    run_action("list_users", {"query": "Isaac"})

    assert sent(okta) == [("GET", "/api/v1/users", {"q": ["Isaac"], "limit": ["200"]})]


def test_a_query_that_fills_its_one_page_logs_that_more_may_match(run_action, okta):
    okta.get(USERS, json=[factories.user("u%d@example.com" % i) for i in range(200)])

    result = run_action("list_users", {"query": "u"})

    assert result.output["count"] == 200
    assert "at most 200 users" in result.body["log"]


def test_a_filter_is_sent_as_is(run_action, okta):
    okta.get(USERS, json=[])

    result = run_action("list_users", {"filter": 'status eq "ACTIVE"'})

    assert result.output == {"users": [], "count": 0}
    assert sent(okta)[0][2] == {"filter": ['status eq "ACTIVE"'], "limit": ["200"]}


def test_a_search_with_sort_by_sends_sort_by_and_sort_order(run_action, okta):
    okta.get(USERS, json=[])

    run_action(
        "list_users", {"search": 'profile.department eq "Eng"', "sort_by": "profile.lastName", "sort_order": "desc"}
    )

    assert sent(okta)[0][2] == {
        "search": ['profile.department eq "Eng"'],
        "sortBy": ["profile.lastName"],
        "sortOrder": ["desc"],
        "limit": ["200"],
    }


def test_a_search_without_sort_by_sends_no_sort_order(run_action, okta):
    okta.get(USERS, json=[])

    run_action("list_users", {"search": 'status eq "ACTIVE"'})

    assert sent(okta)[0][2] == {"search": ['status eq "ACTIVE"'], "limit": ["200"]}


def test_every_page_is_read_following_the_next_link(run_action, okta):
    page2 = USERS + "?after=00u1&limit=200"
    okta.get(USERS, [{"json": [factories.user(user_id="00u1")], "headers": factories.next_link(page2)}])
    okta.get(page2, json=[factories.user(user_id="00u2")], complete_qs=True)

    result = run_action("list_users", {})

    assert [u["id"] for u in result.output["users"]] == ["00u1", "00u2"]
    assert [r.url for r in okta.request_history] == [USERS + "?limit=200", page2]


def test_a_limit_smaller_than_a_page_asks_okta_for_just_that_many_in_one_request(run_action, okta):
    okta.get(
        USERS,
        json=[factories.user(), factories.user(), factories.user()],
        headers=factories.next_link(USERS + "?after=x&limit=3"),
    )

    result = run_action("list_users", {"limit": 3})

    assert result.output["count"] == 3
    assert sent(okta) == [("GET", "/api/v1/users", {"limit": ["3"]})]


def test_a_limit_spanning_pages_stops_once_reached_asking_only_for_the_rest(run_action, okta):
    page2 = USERS + "?after=p1&limit=200"
    okta.get(USERS, [{"json": [factories.user() for _ in range(200)], "headers": factories.next_link(page2)}])
    okta.get(
        USERS + "?after=p1&limit=50",
        json=[factories.user() for _ in range(50)],
        headers=factories.next_link(USERS + "?after=p2&limit=200"),
        complete_qs=True,
    )

    result = run_action("list_users", {"limit": 250})

    assert result.output["count"] == 250
    assert [q for _, _, q in sent(okta)] == [{"limit": ["200"]}, {"after": ["p1"], "limit": ["50"]}]


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(
        USERS,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("list_users", {})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_filter_and_search_together_are_refused_before_any_request(run_action, okta):
    result = run_action("list_users", {"filter": 'status eq "ACTIVE"', "search": 'status eq "ACTIVE"'})

    assert not result.ok
    assert "filter and search" in result.error
    assert okta.request_history == []


def test_a_query_with_a_filter_is_refused_before_any_request(run_action, okta):
    result = run_action("list_users", {"query": "Isaac", "filter": 'status eq "ACTIVE"'})

    assert not result.ok and "query and filter" in result.error
    assert okta.request_history == []


def test_sort_by_without_search_is_refused_before_any_request(run_action, okta):
    result = run_action("list_users", {"filter": 'status eq "ACTIVE"', "sort_by": "profile.lastName"})

    assert not result.ok and "sort_by" in result.error
    assert okta.request_history == []


def test_a_limit_below_one_is_refused_before_any_request(run_action, okta):
    result = run_action("list_users", {"limit": 0})

    assert not result.ok and "limit" in result.error
    assert okta.request_history == []


def test_blank_query_filter_and_search_list_every_user(run_action, okta):
    okta.get(USERS, json=[])

    run_action("list_users", {"query": " ", "filter": "", "search": "  "})

    assert sent(okta)[0][2] == {"limit": ["200"]}
