"""Reading something of a user named by Okta id costs exactly that read: no lookup of the user first.
Okta's 404 on the read names the user, so it is the not-found output; a login or an email is
still looked up first (issue 11 §2)."""

import pytest

from unit_test import factories
from unit_test.conftest import API

USER_ID = "00u1abcdefghijklmnop"
READS = [  # (action, input key, the one request, what Okta answers, what a found output carries)
    ("get_factors", "user_id", "/factors", [], {"factors": []}),
    ("get_user_groups", "user", "/groups", [], {"found": True, "groups": []}),
    ("list_roles", "user", "/roles", [], {"found": True, "roles": []}),
    ("list_user_apps", "user", "/appLinks", [], {"found": True, "apps": [], "count": 0}),
    ("list_user_devices", "user", "/devices", [], {"found": True, "devices": [], "count": 0}),
    ("list_user_clients", "user", "/clients", [], {"found": True, "clients": [], "count": 0}),
    (
        "list_authenticator_enrollments",
        "user",
        "/authenticator-enrollments",
        [],
        {"found": True, "enrollments": [], "count": 0},
    ),
    ("get_user_risk", "user", "/risk", {"riskLevel": "LOW"}, {"found": True, "user_id": USER_ID, "risk_level": "LOW"}),
]
IDS = [name for name, *_ in READS]


@pytest.mark.parametrize("action, key, read, answer, output", READS, ids=IDS)
def test_an_okta_id_costs_one_request(run_action, okta, action, key, read, answer, output):
    okta.get(API + "/users/" + USER_ID + read, json=answer)
    result = run_action(action, {key: USER_ID})
    assert result.ok and result.output == output
    assert len(okta.request_history) == 1


@pytest.mark.parametrize("action, key, read, answer, output", READS, ids=IDS)
def test_a_404_on_the_read_is_the_not_found_output(run_action, okta, action, key, read, answer, output):
    okta.get(API + "/users/" + USER_ID + read, status_code=404, json=factories.error())
    result = run_action(action, {key: USER_ID})
    assert result.ok and result.output == {"found": False, "message": "No Okta user matches %s." % USER_ID}


def test_an_email_is_still_looked_up_before_the_read(run_action, okta):
    okta.get(API + "/users/jane%40example.com", json=factories.user(email="jane@example.com", user_id=USER_ID))
    okta.get(API + "/users/" + USER_ID + "/factors", json=[])
    result = run_action("get_factors", {"user_id": "jane@example.com"})
    assert result.ok and len(okta.request_history) == 2


def test_another_okta_error_on_the_read_stays_an_error(run_action, okta):
    okta.get(API + "/users/" + USER_ID + "/factors", status_code=403, json=factories.error("E0000006", "No permission"))
    result = run_action("get_factors", {"user_id": USER_ID})
    assert not result.ok and "E0000006" in result.exception["cause"]


@pytest.mark.parametrize(
    "action, key, named, path, miss",
    [
        (
            "list_group_members",
            "group",
            "00g1abcdefghijklmnop",
            "/groups/00g1abcdefghijklmnop/users",
            "No Okta group has the ID or name 00g1abcdefghijklmnop.",
        ),
        (
            "list_app_users",
            "app",
            "0oa1abcdefghijklmnop",
            "/apps/0oa1abcdefghijklmnop/users",
            "No Okta application has the ID or label 0oa1abcdefghijklmnop.",
        ),
    ],
)
def test_a_group_or_app_id_goes_straight_to_its_list_and_a_404_is_the_miss(
    run_action, okta, action, key, named, path, miss
):
    okta.get(API + path, status_code=404, json=factories.error())
    result = run_action(action, {key: named})
    assert result.ok and result.output == {"found": False, "message": miss}
    assert len(okta.request_history) == 1


APP_ID = "0oa1abcdefghijklmnop"
ASSIGNMENT = API + "/apps/%s/users/%s" % (APP_ID, USER_ID)
APP_USER = [  # (action, extra input, the requests an assigned user costs)
    ("get_app_user", {}, ["GET"]),
    ("update_app_user", {"profile": {"department": "SOC"}}, ["POST"]),
    ("remove_app_user", {}, ["GET", "DELETE"]),
]


@pytest.mark.parametrize("action, extra, methods", APP_USER, ids=[name for name, *_ in APP_USER])
def test_an_app_and_a_user_given_by_id_cost_only_the_assignment_requests(run_action, okta, action, extra, methods):
    for method in methods:
        okta.register_uri(method, ASSIGNMENT, json={"id": USER_ID, "scope": "USER"})
    result = run_action(action, {"app": APP_ID, "user": USER_ID, **extra})
    assert result.ok and [(r.method, r.url.split("?")[0]) for r in okta.request_history] == [
        (method, ASSIGNMENT) for method in methods
    ]


@pytest.mark.parametrize(
    "app_status, user_status, message",
    [
        (404, 200, "No Okta application has the ID %s." % APP_ID),
        (200, 404, "No Okta user matches %s." % USER_ID),
        (200, 200, "User %s is not assigned to application Salesforce (%s)." % (USER_ID, APP_ID)),
    ],
    ids=["no such app", "no such user", "not assigned"],
)
def test_a_404_on_the_assignment_says_which_party_is_missing(run_action, okta, app_status, user_status, message):
    okta.get(ASSIGNMENT, status_code=404, json=factories.error())
    okta.get(API + "/apps/" + APP_ID, status_code=app_status, json={"id": APP_ID, "label": "Salesforce"})
    okta.get(API + "/users/" + USER_ID, status_code=user_status, json=factories.user(user_id=USER_ID))
    result = run_action("get_app_user", {"app": APP_ID, "user": USER_ID})
    assert result.ok and result.output == {"found": False, "message": message}
