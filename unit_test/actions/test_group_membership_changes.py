"""Add User to Group and Remove User from Group (mirrored): the user is resolved by email, then one
idempotent request on the membership (PUT to add, DELETE to remove); an unknown user is success false
with no membership request, an unknown group an error naming the group ID."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
GROUP = "00g41ix8hKbsu74Ca4x6"
MEMBER = API + "/groups/%s/users/00u1" % GROUP
# action, the HTTP method it sends to the membership
MIRRORED = pytest.mark.parametrize(
    "action, method",
    [
        pytest.param("add_user_to_group", "PUT", id="add"),
        pytest.param("remove_user_from_group", "DELETE", id="remove"),
    ],
)


def a_known_user(okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))


@MIRRORED
def test_the_membership_is_changed_with_one_bodiless_request_and_the_user_id_returned(run_action, okta, action, method):
    a_known_user(okta)
    okta.register_uri(method, MEMBER, status_code=204)

    result = run_action(action, {"email": EMAIL, "group_id": GROUP})

    assert result.ok
    assert result.output == {"user_id": "00u1", "success": True}
    assert calls(okta) == [("GET", BY_LOGIN), (method, MEMBER)]
    assert okta.request_history[1].body is None


@MIRRORED
def test_a_membership_already_as_wanted_is_success_again(run_action, okta, action, method):
    a_known_user(okta)
    okta.register_uri(method, MEMBER, status_code=204)

    first = run_action(action, {"email": EMAIL, "group_id": GROUP})
    second = run_action(action, {"email": EMAIL, "group_id": GROUP})

    assert first.output == second.output == {"user_id": "00u1", "success": True}


@MIRRORED
def test_an_unknown_user_gives_success_false_and_no_membership_call(run_action, okta, action, method):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action(action, {"email": EMAIL, "group_id": GROUP})

    assert result.ok
    assert result.output == {"success": False}
    assert all(r.method == "GET" for r in okta.request_history)


@MIRRORED
def test_an_unknown_group_is_an_error_naming_the_group_id(run_action, okta, action, method):
    a_known_user(okta)
    okta.register_uri(
        method,
        MEMBER,
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: %s (UserGroup)" % GROUP),
    )

    result = run_action(action, {"email": EMAIL, "group_id": GROUP})

    assert not result.ok
    assert "no group with the ID %s" % GROUP in result.exception["cause"]
    assert "Traceback" not in result.stderr
    assert calls(okta) == [("GET", BY_LOGIN), (method, MEMBER)]


@MIRRORED
def test_the_group_id_is_url_encoded_in_the_path(run_action, okta, action, method):
    a_known_user(okta)
    okta.register_uri(method, API + "/groups/a%2Fb/users/00u1", status_code=204)

    result = run_action(action, {"email": EMAIL, "group_id": "a/b"})

    assert result.ok


@MIRRORED
def test_an_okta_permission_error_is_explained(run_action, okta, action, method):
    a_known_user(okta)
    okta.register_uri(method, MEMBER, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action(action, {"email": EMAIL, "group_id": GROUP})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]


@MIRRORED
def test_an_empty_group_id_reaches_no_endpoint(run_action, okta, action, method):
    result = run_action(action, {"email": EMAIL, "group_id": ""})

    assert not result.ok
    assert okta.request_history == []
