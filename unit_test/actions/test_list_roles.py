"""List Roles: a user's role assignments in the spec's `role` shape; unknown user → found false."""

from unit_test import factories
from unit_test.conftest import API

USER = "00uA"
USER_URL = API + "/users/" + USER
ROLES_URL = USER_URL + "/roles"


def standard_role(role_id="ra1A", role_type="HELP_DESK_ADMIN", label="Help Desk Administrator", assignment_type="USER"):
    """Shaped like a recorded GET /users/{id}/roles item."""
    return {
        "id": role_id,
        "label": label,
        "type": role_type,
        "status": "ACTIVE",
        "created": "2025-12-17T11:01:36.000Z",
        "lastUpdated": "2025-12-17T11:01:36.000Z",
        "assignmentType": assignment_type,
        "_links": {"assignee": {"href": USER_URL}},
    }


def custom_role(role_id="irb1", role="cr0A", resource_set="iamA"):
    """Shaped like a recorded CUSTOM assignment: Okta's key is `resource-set`."""
    return {
        "id": role_id,
        "label": "Custom",
        "type": "CUSTOM",
        "status": "ACTIVE",
        "created": "2023-04-06T18:48:59.000Z",
        "lastUpdated": "2023-04-06T18:48:59.000Z",
        "assignmentType": "USER",
        "resource-set": resource_set,
        "role": role,
        "_links": {"role": {"href": API + "/iam/roles/" + role}, "assignee": {"href": USER_URL}},
    }


def calls(okta):
    return [(r.method, r.url) for r in okta.request_history]


def test_the_user_roles_are_listed_with_one_get_after_the_user(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[standard_role(), standard_role("ra1B", "USER_ADMIN", "User Administrator", "GROUP")])

    result = run_action("list_roles", {"user": USER})

    assert result.ok, result.error
    assert result.output == {
        "found": True,
        "roles": [standard_role(), standard_role("ra1B", "USER_ADMIN", "User Administrator", "GROUP")],
    }
    assert calls(okta) == [("GET", USER_URL), ("GET", ROLES_URL)]


def test_a_custom_role_resource_set_is_renamed_to_the_spec_field(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[custom_role()])

    role = run_action("list_roles", {"user": USER}).output["roles"][0]

    assert role["resource_set"] == "iamA" and role["role"] == "cr0A"
    assert "resource-set" not in role


def test_fields_the_role_type_does_not_declare_are_left_out(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[dict(standard_role(), _embedded={"targets": []}, description=None)])

    result = run_action("list_roles", {"user": USER})

    assert result.output["roles"] == [standard_role()]


def test_a_user_without_roles_is_found_with_an_empty_list(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, json=[])

    assert run_action("list_roles", {"user": USER}).output == {"found": True, "roles": []}


def test_an_unknown_user_is_found_false_with_a_message_and_no_roles_request(run_action, okta):
    okta.get(API + "/users/nobody%40example.com", status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("list_roles", {"user": "nobody@example.com"})

    assert result.ok
    assert result.output == {"found": False, "message": "No Okta user matches nobody@example.com."}
    assert not any(url.endswith("/roles") for _, url in calls(okta))


def test_an_okta_error_on_the_roles_request_is_explained(run_action, okta):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    okta.get(ROLES_URL, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("list_roles", {"user": USER})

    assert not result.ok
    assert "403 E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]
