"""Errors by origin, explained: what happened, and what to do about it.

`OktaError` is Okta's answer (an error status, a body of the wrong shape) or the lack of one
(Okta unreachable, an answer cut short). `ClientError` is a refusal decided here, without
asking Okta: a value that cannot name an object, unusable connection settings, a name several
objects share. (It is this package's counterpart of the runtime's ClientError: the okta package
does not import the runtime.) Both carry `cause`, `assistance` (never empty) and `data`, so the
runtime reports either the same way; `data` is Okta's error body, which never holds our
credentials.
"""

import json

ASSISTANCE = {
    400: "Okta rejected the request as invalid. Check the input values named above and try again.",
    401: "Check the connection's API token: it may be mistyped, expired or revoked. Create a new token "
    "in the Okta Admin Console (Security > API > Tokens) if needed.",
    403: "The API token's admin lacks the permission for this operation, or the object's state does not "
    "allow it. Grant the admin role named in this action's description, or check the object's status.",
    404: "Check that the ID, login or email exists in this Okta org and that the Okta domain is correct.",
    405: "Okta does not allow this method on this resource.",
    409: "The object is in a conflicting state in Okta; check it and try again.",
    429: "Okta's rate limit stayed exhausted. Wait a minute and try again, or lower how often playbooks call Okta.",
}
# Okta error codes whose fix is not the one their status suggests
CODE_ASSISTANCE = {
    "E0000015": "The feature this operation needs is not enabled in this Okta org; the credentials are fine. "
    "Enable the feature (or its license) in the org, or leave this action out.",
    "E0000239": "Okta kept the policy locked through every retry while it reconciled policy priorities. "
    "Try again in a minute.",
}
SERVER_ASSISTANCE = "Okta is unavailable or failing right now. Try again later; if it persists, check status.okta.com."
MAYBE_APPLIED = "Check the object's state in Okta before running this action again."


class Error(Exception):
    """Any failure this package explains: `cause`, `assistance`, `data`, Okta's `status`/`code`, and
    the client's `response` for an error Okta answered."""

    def __init__(self, cause: str, assistance: str, data="", status: int = None, code: str = None, response=None):
        self.cause, self.assistance, self.status, self.code = cause, assistance, status, code
        self.data = data if isinstance(data, str) else json.dumps(data)
        self.response = response
        super().__init__("%s %s" % (cause, assistance))


class OktaError(Error):
    """Okta answered with an error (or an unusable answer), or could not be reached."""


class ClientError(Error):
    """Refused here, before or without asking Okta."""


class InvalidIdentifier(ClientError):
    """A value that cannot name an Okta object in a URL path (empty, `.` or `..`); never sent."""

    def __init__(self, value: str):
        super().__init__(
            "%r cannot be an Okta ID, login or name." % value,
            "Give the object's Okta ID (or its login, email or exact name where the input allows).",
        )


class OktaConnectionError(ClientError):
    """The connection settings are unusable before any request is made."""


class DestinationRefused(OktaConnectionError):
    """The Okta host is, or resolved to, an address credentials must not be sent to (see `destination`).

    Raised from inside the transport when a connection is about to be opened; it is not an
    OSError, so urllib3 and requests let it through unchanged and nothing retries it.
    """


def from_response(
    status: int, body, method: str, path: str, tries: int = 1, maybe_applied: bool = False, response=None
) -> OktaError:
    """The explained error for an Okta error response; `maybe_applied` when a gateway answered a
    non-idempotent request Okta may have gone on to apply."""
    body = body if isinstance(body, dict) else {}
    summary = body.get("errorSummary") or "HTTP %d" % status
    causes = _causes(body.get("errorCauses"))
    code = body.get("errorCode")
    cause = "Okta returned %d%s for %s %s: %s" % (status, " " + code if code else "", method, path, summary)
    if causes:
        cause += " (" + "; ".join(causes) + ")"
    cause = cause.rstrip(".") + "."
    if maybe_applied:
        cause += " The request may or may not have been applied."
        assistance = MAYBE_APPLIED
    elif status == 429:
        assistance = "Okta's rate limit stayed exhausted after %d tries. %s" % (
            tries,
            ASSISTANCE[429].split(". ", 1)[1],
        )
    elif status >= 500:
        assistance = SERVER_ASSISTANCE + (" (%d tries)" % tries if tries > 1 else "")
    else:
        assistance = CODE_ASSISTANCE.get(code) or ASSISTANCE.get(status, "Check the request and try again.")
    data = {key: body[key] for key in ("errorCode", "errorSummary", "errorCauses", "errorId") if key in body}
    return OktaError(cause, assistance, data or "", status=status, code=code, response=response)


def _causes(raw) -> list:
    if isinstance(raw, dict):  # one spec example has a bare object
        raw = [raw]
    return [item.get("errorSummary", "") for item in raw or [] if isinstance(item, dict) and item.get("errorSummary")]


def unreachable(method: str, path: str, reason: str, maybe_applied: bool, assistance: str = None) -> OktaError:
    """The error for a request that got no complete answer; `assistance` when the cause has a specific fix."""
    cause = "Could not complete %s %s: %s." % (method, path, reason)
    if maybe_applied:
        cause += " The request may or may not have been applied by Okta"
        assistance = MAYBE_APPLIED
    elif assistance is None:
        assistance = "Check the Okta domain in the connection and the network path to Okta, then try again."
    return OktaError(cause.rstrip(".") + ".", assistance)
