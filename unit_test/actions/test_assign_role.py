"""Assign Role: one POST for a new role; a role already held is success without a second assignment."""

import json

from unit_test import factories
from unit_test.actions.test_list_roles import ROLES_URL, USER, USER_URL, custom_role, standard_role
from unit_test.conftest import API


def calls(okta):
    return [(r.method, r.url) for r in okta.request_history]


def posts(okta):
    return [json.loads(r.text) for r in okta.request_history if r.method == "POST"]


def assign(run_action, role_type="HELP_DESK_ADMIN", **params):
    return run_action("assign_role", dict({"user": USER, "role_type": role_type}, **params))


def test_a_new_standard_role_is_assigned_with_one_post_after_checking_the_roles(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[standard_role("ra1X", "USER_ADMIN", "User Administrator")])
    okta.post(ROLES_URL, status_code=201, json=standard_role())

    result = assign(run_action)

    assert result.ok, result.error
    assert result.output == {"success": True, "role": standard_role()}
    assert calls(okta) == [("GET", USER_URL), ("GET", ROLES_URL), ("POST", ROLES_URL)]
    assert posts(okta) == [{"type": "HELP_DESK_ADMIN"}]


def test_a_standard_role_already_held_directly_is_success_without_a_post(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[standard_role()])

    result = assign(run_action)

    assert result.output == {"success": True, "role": standard_role()}
    assert calls(okta) == [("GET", USER_URL), ("GET", ROLES_URL)]


def test_a_standard_role_held_only_through_a_group_is_still_assigned_directly(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[standard_role("ra1G", assignment_type="GROUP")])
    okta.post(ROLES_URL, status_code=201, json=standard_role())

    result = assign(run_action)

    assert result.output == {"success": True, "role": standard_role()}
    assert posts(okta) == [{"type": "HELP_DESK_ADMIN"}]


def test_okta_already_assigned_conflict_returns_the_existing_assignment(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, [{"json": []}, {"json": [standard_role()]}])  # assigned by someone else meanwhile
    okta.post(ROLES_URL, status_code=409, json=factories.error("E0000090", "Role already assigned to the user"))

    result = assign(run_action)

    assert result.ok, result.error
    assert result.output == {"success": True, "role": standard_role()}
    assert calls(okta) == [("GET", USER_URL), ("GET", ROLES_URL), ("POST", ROLES_URL), ("GET", ROLES_URL)]


def test_a_custom_role_is_posted_with_okta_resource_set_key(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.post(ROLES_URL, status_code=201, json=custom_role())

    result = assign(run_action, "CUSTOM", role_id="cr0A", resource_set="iamA")

    assert result.ok, result.error
    assert result.output["role"]["resource_set"] == "iamA"
    assert calls(okta) == [("GET", USER_URL), ("POST", ROLES_URL)]
    assert posts(okta) == [{"type": "CUSTOM", "role": "cr0A", "resource-set": "iamA"}]


def test_a_duplicate_custom_role_conflict_returns_the_matching_assignment(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.post(ROLES_URL, status_code=409, json=factories.error("E0000263", "Duplicate IAM role assignment"))
    okta.get(ROLES_URL, json=[custom_role("irbOther", "cr0A", "iamB"), custom_role("irbMine", "cr0A", "iamA")])

    result = assign(run_action, "CUSTOM", role_id="cr0A", resource_set="iamA")

    assert result.output["success"] is True
    assert result.output["role"]["id"] == "irbMine"


def test_custom_without_role_id_and_resource_set_is_refused_naming_both_before_any_request(run_action, okta):
    result = assign(run_action, "CUSTOM")

    assert not result.ok
    assert "role_id and resource_set" in result.exception["cause"]
    assert okta.call_count == 0


def test_custom_without_a_resource_set_is_refused_naming_it(run_action, okta):
    result = assign(run_action, "CUSTOM", role_id="cr0A")

    assert not result.ok
    assert "needs resource_set" in result.exception["cause"]
    assert okta.call_count == 0


def test_role_id_and_resource_set_are_ignored_for_a_standard_type_with_a_log(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[])
    okta.post(ROLES_URL, status_code=201, json=standard_role())

    result = assign(run_action, role_id="cr0A", resource_set="iamA")

    assert result.ok, result.error
    assert posts(okta) == [{"type": "HELP_DESK_ADMIN"}]
    assert "are ignored" in result.body["log"]


def test_an_unknown_role_type_is_refused_by_the_spec_before_any_request(run_action, okta):
    result = assign(run_action, "GOD_MODE")

    assert not result.ok
    assert "role_type" in result.error
    assert okta.call_count == 0


def test_an_unknown_user_is_success_false_with_a_message_and_no_post(run_action, okta):
    okta.get(API + "/users/nobody", status_code=404, json=factories.error())

    result = run_action("assign_role", {"user": "nobody", "role_type": "HELP_DESK_ADMIN"})

    assert result.ok
    assert result.output == {"success": False, "message": "No Okta user matches nobody; no role was assigned."}
    assert okta.call_count == 1


def test_another_okta_error_on_the_post_is_explained_and_sent_once(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[])
    okta.post(ROLES_URL, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = assign(run_action)

    assert not result.ok
    assert "403 E0000006" in result.exception["cause"]
    assert len(posts(okta)) == 1


def test_a_conflict_that_is_not_already_assigned_is_an_error(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[])
    okta.post(ROLES_URL, status_code=409, json=factories.error("E0000999", "Something else conflicts"))

    result = assign(run_action)

    assert not result.ok
    assert "Something else conflicts" in result.exception["cause"]
    assert calls(okta)[-1] == ("POST", ROLES_URL)
