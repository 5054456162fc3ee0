"""Clearing a user's sessions: `DELETE /users/{id}/sessions`.

Okta answers 204 whether or not the user had sessions, so clearing is idempotent by nature. The
optional flags are sent only when given: `forgetDevices` left out means Okta's own default
(true on Identity Engine, false on Classic Engine), which this plugin must not override.
"""
from .http.errors import OktaError


def revoke(client, user: dict, log=None, oauth_tokens=None, forget_devices=None) -> None:
    params = {}
    if oauth_tokens is not None:
        params["oauthTokens"] = bool(oauth_tokens)
    if forget_devices is not None:
        params["forgetDevices"] = bool(forget_devices)
    client.delete(client.path("users", user["id"], "sessions"), params=params or None)
    if log is not None:
        log.info("Cleared the sessions of user %s%s.", user["id"],
                 " and revoked its OAuth tokens" if oauth_tokens else "")


def revoke_after(client, user: dict, done: str, log=None) -> None:
    """Clear sessions after a change that already happened; a failure says that the change stands."""
    try:
        revoke(client, user, log)
    except OktaError as exc:
        raise OktaError("%s, but clearing the user's sessions failed: %s" % (done, exc.cause),
                        "Run Clear User Sessions for the user. " + exc.assistance, exc.data,
                        status=exc.status, code=exc.code) from None
