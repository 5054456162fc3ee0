"""List Application Users: GET /apps/{id}/users, 500 a page (Okta's maximum), up to the limit."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

APP_ID = "0oa1abcdefghijklmnop"
APP = API + "/apps/" + APP_ID
USERS = APP + "/users"


def app_user(user_id):
    return {
        "id": user_id,
        "externalId": None,
        "scope": "USER",
        "status": "ACTIVE",
        "syncState": "DISABLED",
        "passwordChanged": None,
        "credentials": {"userName": "a@example.com", "password": {}},
        "profile": {"email": "a@example.com"},
    }


def sent(okta):
    return [(urlsplit(r.url).path, parse_qs(urlsplit(r.url).query)) for r in okta.request_history]


def app():
    return {"id": APP_ID, "label": "Salesforce", "name": "salesforce", "status": "ACTIVE"}


def test_the_assignments_are_listed_500_a_page_with_spec_fields_only(run_action, okta):
    okta.get(APP, json=app())
    okta.get(USERS, json=[app_user("00u1"), app_user("00u2")])

    result = run_action("list_app_users", {"app": APP_ID})

    assert result.ok and result.output["found"] is True and result.output["count"] == 2
    assert result.output["app_users"][0] == {
        "id": "00u1",
        "scope": "USER",
        "status": "ACTIVE",
        "syncState": "DISABLED",
        "credentials": {"userName": "a@example.com"},
        "profile": {"email": "a@example.com"},
    }
    assert sent(okta) == [("/api/v1/apps/%s/users" % APP_ID, {"limit": ["500"]})]  # an app ID needs no lookup


def test_a_query_is_sent_as_q(run_action, okta):
    okta.get(APP, json=app())
    okta.get(USERS, json=[])

    run_action("list_app_users", {"app": APP_ID, "query": "isaac"})

    assert sent(okta)[0][1] == {"q": ["isaac"], "limit": ["500"]}


def test_every_page_is_read_following_the_next_link(run_action, okta):
    page2 = USERS + "?after=00u1&limit=500"
    okta.get(APP, json=app())
    okta.get(USERS, [{"json": [app_user("00u1")], "headers": factories.next_link(page2)}])
    okta.get(page2, json=[app_user("00u2")], complete_qs=True)

    result = run_action("list_app_users", {"app": APP_ID})

    assert [u["id"] for u in result.output["app_users"]] == ["00u1", "00u2"]


def test_a_limit_smaller_than_a_page_asks_okta_for_just_that_many_in_one_request(run_action, okta):
    okta.get(APP, json=app())
    okta.get(USERS, json=[app_user("00u1"), app_user("00u2")], headers=factories.next_link(USERS + "?after=x&limit=2"))

    result = run_action("list_app_users", {"app": APP_ID, "limit": 2})

    assert result.output["count"] == 2
    assert sent(okta) == [("/api/v1/apps/%s/users" % APP_ID, {"limit": ["2"]})]


def test_an_unknown_app_gives_found_false_and_a_message(run_action, okta):
    okta.get(API + "/apps", json=[])

    result = run_action("list_app_users", {"app": "Nothing"})

    assert result.ok and result.output == {
        "found": False,
        "message": "No Okta application has the ID or label Nothing.",
    }


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(APP, json=app())
    okta.get(USERS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("list_app_users", {"app": APP_ID})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_limit_below_one_is_refused_before_any_request(run_action, okta):
    result = run_action("list_app_users", {"app": APP_ID, "limit": -1})

    assert not result.ok and "limit" in result.error
    assert okta.request_history == []
