"""Add User to Group, what only it specifies: the membership PUT, being idempotent, is retried after a
server error. What it shares with Remove User from Group is in test_group_membership_changes.py."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
GROUP = "00g41ix8hKbsu74Ca4x6"
MEMBER = API + "/groups/%s/users/00u1" % GROUP


def test_the_membership_put_is_retried_after_a_server_error_because_it_is_idempotent(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.put(MEMBER, [{"status_code": 503, "json": factories.error("E0000010", "read-only")}, {"status_code": 204}])

    result = run_action("add_user_to_group", {"email": EMAIL, "group_id": GROUP})

    assert result.output == {"user_id": "00u1", "success": True}
    assert calls(okta) == [("GET", BY_LOGIN), ("PUT", MEMBER), ("PUT", MEMBER)]
