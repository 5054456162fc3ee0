"""The filter/search expression grammar, alone and through the users/groups lists."""

import pytest

from oktasim import search


def ids(resp):
    return [u["profile"]["login"] for u in resp.json()]


@pytest.mark.parametrize(
    "text",
    [
        'status eq "ACTIVE"',
        'profile.lastName sw "do" and (status eq "ACTIVE" or status eq "SUSPENDED")',
        'lastUpdated gt "2020-01-01T00:00:00.000Z"',
        'profile.mobilePhone pr',
        'profile.email co "example"',
    ],
)
def test_parser_accepts_okta_expressions(text):
    assert search.parse(text)


@pytest.mark.parametrize(
    "text", ['status eq', 'not status eq "A"', 'status xx "A"', '(status eq "A"', 'status eq "A" and', '']
)
def test_parser_rejects_malformed_expressions(text):
    with pytest.raises(search.SearchError):
        search.parse(text)


def test_operators_and_string_values_are_case_insensitive():
    pred = search.build('STATUS EQ "active"'.replace("STATUS", "status"), search.USER_FILTER, lambda o, a: o[a])
    assert pred({"status": "ACTIVE"})


def test_co_is_only_allowed_on_name_and_email_attributes():
    with pytest.raises(search.SearchError):
        search.USER_SEARCH.check(search.parse('profile.department co "Eng"'))
    search.USER_SEARCH.check(search.parse('profile.login co "jane"'))


def test_filter_allows_only_eq_except_lastupdated():
    with pytest.raises(search.SearchError):
        search.USER_FILTER.check(search.parse('profile.login sw "jane"'))
    search.USER_FILTER.check(search.parse('lastUpdated ge "2020-01-01T00:00:00.000Z"'))


def test_q_is_starts_with_on_names_and_omits_deprovisioned(api, sim):
    dep = [u for u in sim.store.users.values() if u.status == "DEPROVISIONED"][0]
    r = api.get("/api/v1/users", params={"q": dep.profile["firstName"]})
    assert dep.login not in ids(r)


def test_q_defaults_to_ten_results_and_never_pages(api):
    r = api.get("/api/v1/users", params={"q": ""})
    assert len(r.json()) == 10 and 'rel="next"' not in r.headers.get("Link", "")


def test_plain_list_omits_deprovisioned(api, sim):
    statuses = {u["status"] for u in api.get("/api/v1/users").json()}
    assert "DEPROVISIONED" not in statuses


def test_filter_includes_deprovisioned(api):
    r = api.get("/api/v1/users", params={"filter": 'status eq "DEPROVISIONED"'})
    assert len(r.json()) == 3 and {u["status"] for u in r.json()} == {"DEPROVISIONED"}


def test_search_with_and_or_and_parentheses(api, demo):
    r = api.get(
        "/api/v1/users",
        params={"search": 'profile.lastName eq "doe" and (status eq "ACTIVE" or status eq "SUSPENDED")'},
    )
    assert ids(r) == [demo.JANE_LOGIN]


def test_search_sw_and_co_on_login(api, demo):
    assert demo.JANE_LOGIN in ids(api.get("/api/v1/users", params={"search": 'profile.login sw "jane."'}))
    assert demo.JANE_LOGIN in ids(api.get("/api/v1/users", params={"search": 'profile.login co "ne.do"'}))


def test_search_pr_and_date_comparison(api):
    r = api.get("/api/v1/users", params={"search": 'lastLogin pr and created lt "2099-01-01T00:00:00.000Z"'})
    assert r.json() and all(u["lastLogin"] for u in r.json())


def test_search_sort_by_and_order(api):
    r = api.get(
        "/api/v1/users",
        params={"search": 'status eq "ACTIVE"', "sortBy": "profile.lastName", "sortOrder": "desc", "limit": 200},
    )
    names = [u["profile"]["lastName"].lower() for u in r.json()]
    assert names == sorted(names, reverse=True)


def test_invalid_search_is_400_e0000031(api):
    r = api.get("/api/v1/users", params={"search": 'profile.login xx "a"'})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000031")


def test_filter_on_unsupported_attribute_is_400_e0000031(api):
    r = api.get("/api/v1/users", params={"filter": 'profile.department eq "Sales"'})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000031")


def test_search_and_filter_together_is_e0000033(api):
    r = api.get("/api/v1/users", params={"search": 'status eq "ACTIVE"', "filter": 'status eq "ACTIVE"'})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000033")


def test_group_search_co_on_name(api):
    r = api.get("/api/v1/groups", params={"search": 'profile.name co "admin"'})
    assert [g["profile"]["name"] for g in r.json()] == ["Privileged Admins"]


def test_group_filter_by_type(api):
    r = api.get("/api/v1/groups", params={"filter": 'type eq "BUILT_IN"'})
    assert [g["profile"]["name"] for g in r.json()] == ["Everyone"]
