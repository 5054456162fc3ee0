"""One Okta session by its id, e.g. the `externalSessionId` a System Log event names.

Okta forgets a session once it ends: an expired, revoked or unknown id is 404 alike. So a
lookup miss is a `Found` miss, and revoking an id Okta no longer has answers False (the goal,
that the session is over, holds) rather than failing.
"""

from .found import Found


def get_session(client, session_id: str) -> Found:
    text = str(session_id or "").strip()
    if not text:
        return Found(None, "The session input is blank, so it names no Okta session.")
    response = client.request("GET", client.path("sessions", text), allow=(404,), expect=dict)
    if response.status == 404:
        return Found(None, "Okta has no active session %s: it has ended (expired or revoked) or never existed." % text)
    return Found(response.body)


def revoke_session(client, session_id: str) -> bool:
    """True when Okta ended the session; False when it had none with that id (already over)."""
    return client.request("DELETE", client.path("sessions", session_id), allow=(404,)).status != 404
