"""Get User Groups: the groups of a user given by id, login or email; found false for no user."""

from unit_test import factories
from unit_test.conftest import API

USER_ID = "00u1"
BY_LOGIN = API + "/users/user%40example.com"
GROUPS = API + "/users/00u1/groups"


def test_the_users_groups_are_returned_with_name_and_description_lifted(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(user_id=USER_ID))
    okta.get(GROUPS, json=[factories.group("Staff", group_id="00g1", description="All staff")])

    result = run_action("get_user_groups", {"user": "user@example.com"})

    assert result.ok
    assert result.output["found"] is True
    assert [(g["id"], g["name"], g["description"]) for g in result.output["groups"]] == [("00g1", "Staff", "All staff")]
    assert "profile" not in result.output["groups"][0]
    assert [(r.method, r.url) for r in okta.request_history] == [("GET", BY_LOGIN), ("GET", GROUPS)]


def test_a_user_in_no_group_gives_found_true_and_an_empty_list(run_action, okta):
    okta.get(API + "/users/" + USER_ID, json=factories.user(user_id=USER_ID))
    okta.get(GROUPS, json=[])

    result = run_action("get_user_groups", {"user": USER_ID})

    assert result.output == {"found": True, "groups": []}


def test_an_unknown_user_gives_found_false_and_a_message(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("get_user_groups", {"user": "user@example.com"})

    assert result.ok
    assert result.output["found"] is False
    assert "user@example.com" in result.output["message"]


def test_a_next_link_is_followed_should_okta_send_one(run_action, okta):
    page2 = GROUPS + "?after=00g1"
    okta.get(API + "/users/" + USER_ID, json=factories.user(user_id=USER_ID))
    okta.get(GROUPS, [{"json": [factories.group(group_id="00g1")], "headers": factories.next_link(page2)}])
    okta.get(page2, json=[factories.group(group_id="00g2")], complete_qs=True)

    result = run_action("get_user_groups", {"user": USER_ID})

    assert [g["id"] for g in result.output["groups"]] == ["00g1", "00g2"]
    assert okta.request_history[1].url == GROUPS  # no paging parameters: the endpoint has none


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(API + "/users/" + USER_ID, json=factories.user(user_id=USER_ID))
    okta.get(GROUPS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("get_user_groups", {"user": USER_ID})

    assert not result.ok
    assert "E0000006" in result.exception["cause"] and "You do not have permission" in result.exception["cause"]


def test_a_blank_user_is_refused_before_any_request(run_action, okta):
    result = run_action("get_user_groups", {"user": "  "})

    assert not result.ok and "user" in result.error
    assert okta.request_history == []
