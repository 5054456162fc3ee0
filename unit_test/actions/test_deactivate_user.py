"""Deactivate User, what only it specifies: a user Okta is already deprovisioning gets no second
deactivation. What it shares with Suspend and Unsuspend User is in test_user_lifecycle.py."""

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"


def test_a_user_already_being_deactivated_gets_no_second_deactivation(run_action, okta):
    user = dict(factories.user(EMAIL, status="ACTIVE"), transitioningToStatus="DEPROVISIONED")
    okta.get(BY_LOGIN, json=user)

    result = run_action("deactivate_user", {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": user["id"], "success": True}
    assert [r.method for r in okta.request_history] == ["GET"]
