"""A user's MFA factors.

Okta's list of a user's factors holds the enrolled ones (active or still pending activation);
a factor reported as NOT_SETUP is only offered, not enrolled, so it is left out.
"""

NOT_ENROLLED = {"NOT_SETUP"}


def list_factors(client, user_id: str) -> list:
    """Every factor Okta lists for the user (GET /users/{id}/factors; not paged)."""
    return client.get(client.path("users", user_id, "factors")) or []


def enrolled_factors(client, user_id: str) -> list:
    return [factor for factor in list_factors(client, user_id) if factor.get("status") not in NOT_ENROLLED]
