"""List Realms: all pages, a `co` search on the name, a limit, input refused before any request."""

from unit_test import factories
from unit_test.actions.test_update_blacklist_zones import calls
from unit_test.conftest import API

REALMS = API + "/realms"


def realm(name="Partners", realm_id="guo1"):
    return {
        "id": realm_id,
        "created": "2022-04-04T15:56:05.000Z",
        "lastUpdated": "2022-04-04T15:56:05.000Z",
        "isDefault": False,
        "profile": {"name": name, "realmType": "PARTNER"},
        "_links": {"self": {"href": "%s/%s" % (REALMS, realm_id)}},
    }


def test_lists_every_realm_in_pages_of_200(run_action, okta):
    okta.get(
        REALMS,
        [
            {"json": [realm()], "headers": factories.next_link(REALMS + "?after=guo1&limit=200")},
            {"json": [realm("Default", "guo2")]},
        ],
    )
    result = run_action("list_realms", {})
    assert result.ok and result.output["count"] == 2 and result.output["realms"][1]["id"] == "guo2"
    assert okta.request_history[0].qs == {"limit": ["200"]} and len(okta.request_history) == 2


def test_query_is_a_contains_search_on_the_name_with_quotes_escaped(run_action, okta):
    okta.get(REALMS, json=[realm()])
    run_action("list_realms", {"query": 'Part "A"'})
    assert okta.request_history[0].qs["search"] == ['profile.name co "part \\"a\\""']  # requests_mock lowercases


def test_limit_below_a_page_is_one_request_for_exactly_that_many(run_action, okta):
    okta.get(REALMS, json=[realm()], headers=factories.next_link(REALMS + "?after=guo1&limit=1"))
    result = run_action("list_realms", {"limit": 1})
    assert result.output["count"] == 1 and calls(okta) == [("GET", REALMS + "?limit=1")]


def test_none_is_an_empty_list(run_action, okta):
    okta.get(REALMS, json=[])
    assert run_action("list_realms", {"query": "x"}).output == {"realms": [], "count": 0}


def test_okta_error_is_raised(run_action, okta):
    okta.get(REALMS, status_code=401, json=factories.error("E0000011", "Invalid token provided"))
    result = run_action("list_realms", {})
    assert not result.ok and "E0000011" in result.error


def test_a_limit_below_one_reaches_no_endpoint(run_action, okta):
    assert not run_action("list_realms", {"limit": -1}).ok and not okta.request_history
