"""find_user: a user named by id, login or email."""

from urllib.parse import parse_qs, urlsplit

import pytest

from komand_okta.clock import FakeClock
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.http.errors import OktaError
from komand_okta.okta.search import quoted
from komand_okta.okta.users import AmbiguousUser
from komand_okta.okta.users import find as find_user

BASE = "https://example.okta.com"
API = BASE + "/api/v1"
NOT_FOUND = {"errorCode": "E0000007", "errorSummary": "Not found: Resource not found: x (User)"}
USER = {
    "id": "00u1abcdefghijklmnop",
    "status": "ACTIVE",
    "profile": {"login": "jdoe@example.com", "email": "jdoe@example.com"},
}


def make_client():
    return OktaClient(BASE, "SSWS tok", clock=FakeClock(), jitter=lambda: 0.0)


def sent_query(request) -> dict:
    return parse_qs(urlsplit(request.url).query)


def test_finds_a_user_by_id(requests_mock):
    requests_mock.get(API + "/users/00u1abcdefghijklmnop", json=USER)
    assert find_user(make_client(), "00u1abcdefghijklmnop") == USER
    assert requests_mock.call_count == 1


def test_finds_a_user_by_login_with_one_encoded_get(requests_mock):
    requests_mock.get(API + "/users/a%2Bb%23c%40example.com", json=USER)
    assert find_user(make_client(), "a+b#c@example.com") == USER
    assert requests_mock.call_count == 1
    assert urlsplit(requests_mock.last_request.url).path == "/api/v1/users/a%2Bb%23c%40example.com"


def test_surrounding_whitespace_is_ignored(requests_mock):
    requests_mock.get(API + "/users/00u1abcdefghijklmnop", json=USER)
    assert find_user(make_client(), "  00u1abcdefghijklmnop \n") == USER


def test_an_email_that_is_not_a_login_falls_back_to_an_email_search(requests_mock):
    requests_mock.get(API + "/users/jane%40example.com", status_code=404, json=NOT_FOUND)
    requests_mock.get(API + "/users", json=[USER])
    assert find_user(make_client(), "jane@example.com") == USER
    assert requests_mock.call_count == 2


def test_the_email_search_sends_the_exact_search_expression(requests_mock):
    requests_mock.get(API + "/users/jane%40example.com", status_code=404, json=NOT_FOUND)
    requests_mock.get(API + "/users", json=[USER])
    find_user(make_client(), "Jane@Example.com")
    query = sent_query(requests_mock.last_request)
    assert query["search"] == ['profile.email eq "Jane@Example.com"']
    assert set(query) <= {"search", "limit"}


def test_the_email_search_asks_for_a_bounded_page(requests_mock):
    requests_mock.get(API + "/users/jane%40example.com", status_code=404, json=NOT_FOUND)
    requests_mock.get(API + "/users", json=[USER])
    find_user(make_client(), "jane@example.com")
    assert 2 <= int(sent_query(requests_mock.last_request)["limit"][0]) <= 200


def test_no_email_match_is_none(requests_mock):
    requests_mock.get(API + "/users/jane%40example.com", status_code=404, json=NOT_FOUND)
    requests_mock.get(API + "/users", json=[])
    assert find_user(make_client(), "jane@example.com") is None


def test_two_users_sharing_the_email_is_an_error_naming_the_count(requests_mock):
    requests_mock.get(API + "/users/shared%40example.com", status_code=404, json=NOT_FOUND)
    requests_mock.get(API + "/users", json=[dict(USER, id="00u1"), dict(USER, id="00u2")])
    with pytest.raises(AmbiguousUser) as info:
        find_user(make_client(), "shared@example.com")
    assert "2 Okta users" in info.value.cause
    assert "shared@example.com" in info.value.cause
    assert "ID or login" in info.value.assistance


def test_the_count_covers_matches_beyond_the_first_page(requests_mock):
    requests_mock.get(API + "/users/shared%40example.com", status_code=404, json=NOT_FOUND)
    requests_mock.get(
        API + "/users",
        [
            {"json": [dict(USER, id="00u1")], "headers": {"Link": '<%s/users?after=00u1>; rel="next"' % API}},
            {"json": [dict(USER, id="00u2"), dict(USER, id="00u3")]},
        ],
    )
    with pytest.raises(AmbiguousUser) as info:
        find_user(make_client(), "shared@example.com")
    assert "3 Okta users" in info.value.cause


def test_a_login_containing_a_slash_is_searched_never_put_in_the_path(requests_mock):
    requests_mock.get(API + "/users", json=[USER])
    assert find_user(make_client(), "dept/jdoe") == USER
    assert requests_mock.call_count == 1
    assert urlsplit(requests_mock.last_request.url).path == "/api/v1/users"
    assert sent_query(requests_mock.last_request)["search"] == ['profile.login eq "dept/jdoe"']


def test_a_slash_login_with_no_match_is_none(requests_mock):
    requests_mock.get(API + "/users", json=[])
    assert find_user(make_client(), "dept/jdoe") is None


def test_a_non_email_miss_is_none_without_a_search(requests_mock):
    requests_mock.get(API + "/users/jdoe", status_code=404, json=NOT_FOUND)
    search = requests_mock.get(API + "/users", json=[USER])
    assert find_user(make_client(), "jdoe") is None
    assert search.call_count == 0


def test_a_non_404_error_is_raised_not_treated_as_a_miss(requests_mock):
    requests_mock.get(
        API + "/users/jane%40example.com",
        status_code=403,
        json={"errorCode": "E0000006", "errorSummary": "You do not have permission"},
    )
    search = requests_mock.get(API + "/users", json=[USER])
    with pytest.raises(OktaError) as info:
        find_user(make_client(), "jane@example.com")
    assert info.value.status == 403
    assert search.call_count == 0


def test_quotes_in_the_identifier_are_escaped_in_the_search(requests_mock):
    requests_mock.get(API + "/users", json=[])
    find_user(make_client(), 'we"ird\\/x@example.com')
    assert sent_query(requests_mock.last_request)["search"] == ['profile.login eq "we\\"ird\\\\/x@example.com"']


def test_quoted_escapes_backslash_and_double_quote():
    assert quoted('a"b\\c') == '"a\\"b\\\\c"'
