"""Universal Logout: Okta's global token revocation for one user.

`POST /oauth2/v1/global-token-revocation` ends the user's Okta sessions and revokes their
tokens, and Okta runs the IdP-initiated sign-out of every app that supports Universal Logout.
It lives on the org authorization server (`/oauth2/v1`), not under `/api/v1`, so the path is
given whole: the client prefixes only the org's base URL. The user is named by Okta user id in
the `opaque` subject format (the endpoint takes no email). It needs Identity Threat Protection:
without it Okta answers 403 E0000015, raised as `features.FeatureUnavailable`.

Its 400 is an OAuth-style body (`error`, `error_description`), which Okta's API error shape
does not cover; it is reworded here so the analyst reads Okta's description, not "HTTP 400".
"""

from . import features
from .http.errors import OktaError

PATH = "/oauth2/v1/global-token-revocation"


def universal_logout(client, user_id: str) -> None:
    body = {"sub_id": {"format": "opaque", "id": user_id}}
    try:
        client.request("POST", PATH, json=body)
    except OktaError as exc:
        if exc.status == 400:
            raise _bad_request(exc, user_id) from None
        features.check(exc, features.ITP)


def _bad_request(exc: OktaError, user_id: str) -> OktaError:
    body = getattr(exc.response, "body", None)
    body = body if isinstance(body, dict) else {}
    said = body.get("error_description") or body.get("errorSummary") or body.get("error") or "no reason given"
    return OktaError(
        "Okta refused Universal Logout for user %s (400): %s." % (user_id, str(said).rstrip(".")),
        "Check that the user exists and is given by Okta user ID; if Okta names another problem, fix it and try again.",
        exc.data or {k: body[k] for k in ("error", "error_description") if k in body},
        status=400,
        code=exc.code,
        response=exc.response,
    )
