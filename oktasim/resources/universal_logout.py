"""Universal Logout: ``POST /oauth2/v1/global-token-revocation`` (the org authorization server).

Why: the one call that signs an attacker out of Okta and of every app that supports Universal
Logout.  It ends the user's Okta sessions, revokes their refresh tokens and the API tokens they
own ("enabling the revocation of SSWS tokens", Okta's Global Token Revocation docs), and logs
``user.authentication.universal_logout.scheduled``.  It needs Identity Threat Protection: without
it the answer is 403 (the spec's only refusal) with Okta's feature-not-enabled code E0000015.
The user is named by ``sub_id``: ``{"format": "opaque", "id": <Okta user id>}`` or
``{"format": "iss_sub", "iss", "sub"}`` (``sub`` matched to a user id or login).  Anything else,
including the ``email`` format Okta's endpoint does not take, is 400 with an OAuth error body.
It is served outside ``/api/v1`` (the official management spec does not hold it; oauth-minimal does).
"""

from .. import features
from ..web import Response, no_content
from . import api_tokens, grants, sessions

PATH = "/oauth2/v1/global-token-revocation"


def _bad(description: str) -> Response:
    return Response(400, {"error": "invalid_request", "error_description": description})


def _subject(store, sub_id):
    """(user, None) or (None, why the sub_id is refused)."""
    if not isinstance(sub_id, dict):
        return None, "sub_id is required: an object with a format"
    fmt = sub_id.get("format")
    if fmt == "opaque":
        uid = sub_id.get("id")
        if not isinstance(uid, str) or not uid:
            return None, "sub_id.id is required for the opaque format"
        u = store.users.get(uid)
        return (u, None) if u is not None else (None, "sub_id.id does not identify a user")
    if fmt == "iss_sub":
        iss, sub = sub_id.get("iss"), sub_id.get("sub")
        if not (isinstance(iss, str) and iss and isinstance(sub, str) and sub):
            return None, "sub_id.iss and sub_id.sub are required for the iss_sub format"
        u = store.users.get(sub) or store.find_user(sub)
        return (u, None) if u is not None else (None, "sub_id.sub does not identify a user")
    return None, "sub_id.format must be opaque or iss_sub"


def revoke(req, store):
    features.require(store, "itp", status=403)
    body = req.json()
    u, why = _subject(store, body.get("sub_id") if isinstance(body, dict) else None)
    if u is None:
        return _bad(why)
    sessions.end_all(store, u)
    grants.revoke_tokens(store, u, req)
    for t in [t for t in store.api_tokens.values() if t["userId"] == u.id]:
        api_tokens.revoke(store, t, req)
    store.emit("user.authentication.universal_logout.scheduled", [store.user_target(u)], req)
    return no_content()


def register(r) -> None:
    r.add("POST", PATH, revoke)
