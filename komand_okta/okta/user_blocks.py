"""A user's access blocks (GET /api/v1/users/{id}/blocks): why Okta refuses a user's sign-ins.

Okta answers a list of device-based blocks: `appliesTo` ANY_DEVICES when the account is locked
out everywhere, UNKNOWN_DEVICES when only sign-ins from devices Okta has not seen are blocked
(its defence against password spraying, which keeps the user able to sign in from their own
devices). An empty list means no block.
"""


def of(client, user_id: str) -> list:
    """The user's blocks, as Okta lists them."""
    return client.get(client.path("users", user_id, "blocks"), expect=list) or []
