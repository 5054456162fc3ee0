"""Remove User from Group: idempotent DELETE of the membership; unknown user → success false."""

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
GROUP = "00g41ix8hKbsu74Ca4x6"
MEMBER = API + "/groups/%s/users/00u1" % GROUP


def calls(okta):
    return [(r.method, r.url) for r in okta.request_history]


def test_the_user_is_removed_with_one_delete_and_its_id_returned(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(MEMBER, status_code=204)

    result = run_action("remove_user_from_group", {"email": EMAIL, "group_id": GROUP})

    assert result.ok
    assert result.output == {"user_id": "00u1", "success": True}
    assert calls(okta) == [("GET", BY_LOGIN), ("DELETE", MEMBER)]
    assert okta.request_history[1].body is None


def test_removing_a_user_not_in_the_group_is_success(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(MEMBER, status_code=204)

    first = run_action("remove_user_from_group", {"email": EMAIL, "group_id": GROUP})
    second = run_action("remove_user_from_group", {"email": EMAIL, "group_id": GROUP})

    assert first.output == second.output == {"user_id": "00u1", "success": True}


def test_an_unknown_user_gives_success_false_and_no_membership_call(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("remove_user_from_group", {"email": EMAIL, "group_id": GROUP})

    assert result.ok
    assert result.output == {"success": False}
    assert all(r.method == "GET" for r in okta.request_history)


def test_an_unknown_group_is_an_error_naming_the_group_id(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(
        MEMBER, status_code=404, json=factories.error(summary="Not found: Resource not found: %s (UserGroup)" % GROUP)
    )

    result = run_action("remove_user_from_group", {"email": EMAIL, "group_id": GROUP})

    assert not result.ok
    assert "no group with the ID %s" % GROUP in result.exception["cause"]
    assert "Traceback" not in result.stderr
    assert calls(okta) == [("GET", BY_LOGIN), ("DELETE", MEMBER)]


def test_the_group_id_is_url_encoded_in_the_path(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(API + "/groups/a%2Fb/users/00u1", status_code=204)

    result = run_action("remove_user_from_group", {"email": EMAIL, "group_id": "a/b"})

    assert result.ok


def test_an_okta_permission_error_is_explained(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(MEMBER, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("remove_user_from_group", {"email": EMAIL, "group_id": GROUP})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]


def test_an_empty_group_id_reaches_no_endpoint(run_action, okta):
    result = run_action("remove_user_from_group", {"email": EMAIL, "group_id": ""})

    assert not result.ok
    assert okta.request_history == []
