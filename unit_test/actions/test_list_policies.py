"""List Policies: type (required), status and q sent to Okta; pages, a limit, input refused before any request."""

from unit_test import factories
from unit_test.conftest import API

POLICIES = API + "/policies"


def policy(name="Default Policy", policy_id="00p1", policy_type="OKTA_SIGN_ON"):
    return {
        "id": policy_id,
        "type": policy_type,
        "name": name,
        "status": "ACTIVE",
        "priority": 1,
        "system": True,
        "description": None,
        "conditions": None,
        "settings": {},
        "created": "2022-04-04T15:56:05.000Z",
        "lastUpdated": "2022-04-04T15:56:05.000Z",
        "_links": {"self": {"href": "%s/%s" % (POLICIES, policy_id)}},
    }


def test_lists_the_policies_of_a_type_following_pages(run_action, okta):
    okta.get(
        POLICIES,
        [
            {"json": [policy()], "headers": factories.next_link(POLICIES + "?type=OKTA_SIGN_ON&after=00p1")},
            {"json": [policy("Second", "00p2")]},
        ],
    )
    result = run_action("list_policies", {"type": "OKTA_SIGN_ON"})
    assert result.ok and result.output["count"] == 2
    assert "description" not in result.output["policies"][0]
    assert okta.request_history[0].qs == {"type": ["okta_sign_on"], "limit": ["200"]}


def test_status_and_query_are_sent(run_action, okta):
    okta.get(POLICIES, json=[policy()])
    run_action("list_policies", {"type": "PASSWORD", "status": "ACTIVE", "query": "Default"})
    assert okta.request_history[0].qs == {
        "type": ["password"],
        "status": ["active"],
        "q": ["default"],
        "limit": ["200"],
    }


def test_limit_below_a_page_is_one_request_for_exactly_that_many(run_action, okta):
    okta.get(POLICIES, json=[policy(), policy("B", "00p2")], headers=factories.next_link(POLICIES + "?after=00p2"))
    result = run_action("list_policies", {"type": "OKTA_SIGN_ON", "limit": 2})
    assert result.output["count"] == 2 and len(okta.request_history) == 1
    assert okta.request_history[0].qs["limit"] == ["2"]


def test_none_is_an_empty_list(run_action, okta):
    okta.get(POLICIES, json=[])
    assert run_action("list_policies", {"type": "ENTITY_RISK"}).output == {"policies": [], "count": 0}


def test_okta_error_is_raised(run_action, okta):
    okta.get(POLICIES, status_code=400, json=factories.error("E0000001", "Api validation failed: type"))
    result = run_action("list_policies", {"type": "ACCESS_POLICY"})
    assert not result.ok and "E0000001" in result.error


def test_bad_input_reaches_no_endpoint(run_action, okta):
    assert not run_action("list_policies", {"type": "NOPE"}).ok
    assert not run_action("list_policies", {"type": "PASSWORD", "limit": 0}).ok
    assert not run_action("list_policies", {}).ok
    assert not okta.request_history
