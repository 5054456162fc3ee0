"""A user's OAuth clients, consent grants and refresh tokens: list them and revoke them.

Consent phishing leaves grants (`/users/{id}/grants`) and refresh tokens
(`/users/{id}/clients/{clientId}/tokens`) that outlive the user's sessions and password.
Revoking all grants, or all of one client's, answers 204 whether or not there were any.
Okta keeps nothing of a revoked grant or token: a later request for its id is 404, the same as
for an id that never existed. So a single revoke answers False for a 404 (no live grant or
token has that id: the goal, that it does not work, holds) instead of failing.
"""

from .http.errors import ClientError

PAGE = 200  # the most Okta returns per page on these lists


def list_clients(client, user_id: str) -> list:
    """The OAuth clients (apps) for which the user has grants or tokens."""
    return list(client.pages(client.path("users", user_id, "clients")))


def list_grants(client, user_id: str, client_id: str | None = None) -> list:
    """The user's active grants, or only those given to one client."""
    segments = ("users", user_id, "clients", client_id, "grants") if client_id else ("users", user_id, "grants")
    return list(client.pages(client.path(*segments), page_size=PAGE))


def revoke_grants(client, user_id: str, grant_id: str | None = None, client_id: str | None = None) -> bool:
    """Revoke every grant of the user, one grant, or every grant to one client.

    False when Okta has no such grant (one grant's 404); True otherwise.
    """
    if grant_id and client_id:
        raise ClientError(
            "Give a grant ID or a client ID, not both.",
            "A grant ID revokes that grant; a client ID revokes all the user's grants to that client.",
        )
    if grant_id:
        return _revoke(client, client.path("users", user_id, "grants", grant_id))
    if client_id:
        client.delete(client.path("users", user_id, "clients", client_id, "grants"))
    else:
        client.delete(client.path("users", user_id, "grants"))
    return True


def revoke_tokens(client, user_id: str, client_id: str, token_id: str | None = None) -> bool:
    """Revoke the user's refresh tokens for one client, or one of them (False: no such live token)."""
    if token_id:
        return _revoke(client, client.path("users", user_id, "clients", client_id, "tokens", token_id))
    client.delete(client.path("users", user_id, "clients", client_id, "tokens"))
    return True


def _revoke(client, path: str) -> bool:
    return client.request("DELETE", path, allow=(404,)).status != 404
