"""Unassign Role: by assignment ID or role type, one DELETE of a direct assignment; not held → success false."""

from unit_test import factories
from unit_test.actions.test_list_roles import ROLES_URL, USER, USER_URL, custom_role, standard_role
from unit_test.conftest import API


def calls(okta):
    return [(r.method, r.url) for r in okta.request_history]


def unassign(run_action, role):
    return run_action("unassign_role", {"user": USER, "role": role})


def with_roles(okta, *roles):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=list(roles))


def test_a_role_given_by_assignment_id_is_deleted(run_action, okta):
    with_roles(okta, standard_role("ra1A"), standard_role("ra1B", "USER_ADMIN"))
    okta.delete(ROLES_URL + "/ra1B", status_code=204)

    result = unassign(run_action, "ra1B")

    assert result.ok, result.error
    assert result.output == {"success": True}
    assert calls(okta) == [("GET", USER_URL), ("GET", ROLES_URL), ("DELETE", ROLES_URL + "/ra1B")]


def test_a_role_given_by_type_in_any_case_deletes_its_assignment(run_action, okta):
    with_roles(okta, standard_role("ra1A", "HELP_DESK_ADMIN"), standard_role("ra1B", "USER_ADMIN"))
    okta.delete(ROLES_URL + "/ra1B", status_code=204)

    result = unassign(run_action, "user_admin")

    assert result.output == {"success": True}
    assert calls(okta)[-1] == ("DELETE", ROLES_URL + "/ra1B")


def test_a_single_custom_assignment_is_deleted_by_type(run_action, okta):
    with_roles(okta, custom_role("irb1"))
    okta.delete(ROLES_URL + "/irb1", status_code=204)

    assert unassign(run_action, "CUSTOM").output == {"success": True}


def test_custom_is_refused_when_several_custom_assignments_exist_and_nothing_is_deleted(run_action, okta):
    with_roles(okta, custom_role("irb1"), custom_role("irb2", resource_set="iamB"))

    result = unassign(run_action, "CUSTOM")

    assert not result.ok
    assert "irb1, irb2" in result.exception["cause"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_role_not_held_is_success_false_with_a_message_and_no_delete(run_action, okta):
    with_roles(okta, standard_role("ra1A", "HELP_DESK_ADMIN"))

    result = unassign(run_action, "SUPER_ADMIN")

    assert result.ok
    assert result.output == {
        "success": False,
        "message": "User 00uA does not hold a role assignment or role type SUPER_ADMIN.",
    }
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_role_held_only_through_a_group_is_success_false_and_not_deleted(run_action, okta):
    with_roles(okta, standard_role("ra1G", "USER_ADMIN", assignment_type="GROUP"))

    result = unassign(run_action, "USER_ADMIN")

    assert result.output["success"] is False
    assert "only through a group" in result.output["message"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_an_assignment_already_gone_when_deleted_is_success(run_action, okta):
    with_roles(okta, standard_role("ra1A"))
    okta.delete(ROLES_URL + "/ra1A", status_code=404, json=factories.error())

    result = unassign(run_action, "ra1A")

    assert result.output == {"success": True}
    assert "already gone" in result.body["log"]


def test_an_unknown_user_is_success_false_with_a_message(run_action, okta):
    okta.get(API + "/users/nobody", status_code=404, json=factories.error())

    result = run_action("unassign_role", {"user": "nobody", "role": "USER_ADMIN"})

    assert result.output == {"success": False, "message": "No Okta user matches nobody; no role was unassigned."}
    assert okta.call_count == 1


def test_an_okta_error_on_the_delete_is_explained(run_action, okta):
    with_roles(okta, standard_role("ra1A"))
    okta.delete(ROLES_URL + "/ra1A", status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = unassign(run_action, "ra1A")

    assert not result.ok
    assert "403 E0000006" in result.exception["cause"]


def test_a_blank_role_is_refused_before_any_request(run_action, okta):
    result = unassign(run_action, "  ")

    assert not result.ok
    assert "'role' is required and must not be empty" in result.exception["cause"]
    assert okta.call_count == 0
