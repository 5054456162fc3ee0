"""List Trusted Origins: every origin (pages of 200), or those matching Okta's `q` and `filter`."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, origin

ORIGINS = API + "/trustedOrigins"


def test_every_origin_is_listed_in_pages_of_200(run_action, okta):
    okta.get(ORIGINS, json=[origin(), origin("SSO helper", "https://okta-sso-login.example.net")])
    result = run_action("list_trusted_origins", {})
    assert result.ok and result.output["count"] == 2
    assert [o["origin"] for o in result.output["trusted_origins"]] == [
        "https://portal.example.com",
        "https://okta-sso-login.example.net",
    ]
    assert calls(okta) == [("GET", ORIGINS + "?limit=200")]


def test_query_filter_and_limit_go_to_okta(run_action, okta):
    okta.get(ORIGINS, json=[origin()])
    result = run_action("list_trusted_origins", {"query": " https://okta ", "filter": 'status eq "ACTIVE"', "limit": 3})
    assert result.ok
    assert okta.request_history[0].qs == {"q": ["https://okta"], "filter": ['status eq "active"'], "limit": ["3"]}


def test_no_origins_is_an_empty_list(run_action, okta):
    okta.get(ORIGINS, json=[])
    assert run_action("list_trusted_origins", {}).output == {"trusted_origins": [], "count": 0}


def test_a_filter_okta_cannot_read_is_explained(run_action, okta):
    okta.get(ORIGINS, status_code=400, json=factories.error("E0000031", "Invalid search criteria."))
    result = run_action("list_trusted_origins", {"filter": "nonsense"})
    assert not result.ok and "E0000031" in result.error
