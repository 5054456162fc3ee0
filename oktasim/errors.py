"""Okta's error envelope: one factory for every 4xx/5xx the simulator sends.

Why: clients branch on ``errorCode`` and show ``errorSummary``/``errorCauses``;
the codes and HTTP statuses must be Okta's.  We carry a small built-in table of
the codes we use and, when ``../shared/okta-openapi/okta-error-codes.json`` is
present, take statuses and summaries from Okta's own catalogue instead.
"""

import json
import os
import random
from pathlib import Path

# code -> (HTTP status, summary template); "{0}" is filled with the detail.
BUILTIN = {
    "E0000001": (400, "Api validation failed: {0}"),
    "E0000002": (400, "The request was not valid: {0}"),
    "E0000003": (400, "The request body was not well-formed."),
    "E0000004": (401, "Authentication failed"),
    "E0000005": (403, "Invalid session"),
    "E0000006": (403, "You do not have permission to perform the requested action"),
    "E0000007": (404, "Not found: {0}"),
    "E0000008": (404, "The requested path was not found"),
    "E0000009": (500, "Internal Server Error"),
    "E0000010": (503, "Service is in read only mode"),
    "E0000011": (401, "Invalid token provided"),
    "E0000014": (403, "Update of credentials failed"),
    "E0000015": (401, "You do not have permission to access the feature you are requesting"),
    "E0000016": (403, "Activation failed because the user is already active"),
    "E0000017": (403, "Password reset failed"),
    "E0000022": (405, "The endpoint does not support the provided HTTP method"),
    "E0000028": (400, "The request is missing a required parameter."),
    "E0000029": (400, "Invalid paging request."),
    "E0000030": (
        400,
        "Bad request. Invalid date. Dates must be of the form yyyy-MM-dd'T'HH:mm:ss.SSSZZ, e.g. 2013-01-01T12:00:00.000-07:00.",
    ),
    "E0000031": (400, "Invalid search criteria."),
    "E0000032": (403, "Unlock is not allowed for this user."),
    "E0000033": (400, "Bad request. Can't specify a search query and filter in the same request."),
    "E0000036": (403, "Change recovery question not allowed on specified user."),
    "E0000038": (403, "This operation is not allowed in the user's current status."),
    "E0000047": (429, "API call exceeded rate limit due to too many requests."),
    "E0000053": (400, "Invalid SCIM filter."),
    "E0000056": (403, "Delete application forbidden."),
    "E0000062": (409, "The specified user is already assigned to the application."),
    "E0000068": (403, "Invalid Passcode/Answer"),
    "E0000073": (403, "User rejected authentication"),
    "E0000080": (403, "The password does not meet the complexity requirements of the current password policy."),
    "E0000090": (409, "The role specified is already assigned to the user."),
    "E0000094": (400, "The provided filter is unsupported."),
    "E0000117": (403, "Cannot assign apps or update app profiles for an inactive user."),
    "E0000124": (
        400,
        "Could not create user. To create a user and expire their password immediately, a password must be specified",
    ),
    "E0000125": (
        400,
        "Could not create user. To create a user and expire their password immediately, \"activate\" must be true",
    ),
    "E0000142": (403, "This User Type cannot be deleted."),
    "E0000152": (403, "Illegal device status, cannot perform action."),
    "E0000195": (409, "Api validation failed due to conflict: {0}"),
    "E0000263": (409, "Attempted to assign a duplicate standard role assignment to an admin"),
}

CATALOG = dict(BUILTIN)


def _load_catalog() -> None:
    path = os.environ.get("OKTASIM_ERROR_CODES") or str(
        Path(__file__).resolve().parents[1] / ".." / "shared" / "okta-openapi" / "okta-error-codes.json"
    )
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return
    for item in data.get("errors", []):
        try:
            CATALOG[item["errorCode"]] = (int(item["statusCode"]), item["errorSummary"])
        except (KeyError, TypeError, ValueError):
            continue


_load_catalog()
_ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-"
_rng = random.Random()


def error_id() -> str:
    return "oae" + "".join(_rng.choice(_ID_ALPHABET) for _ in range(22))


class OktaError(Exception):
    """Raise from any handler; the server turns it into Okta's envelope."""

    def __init__(
        self,
        code: str,
        detail: str = "",
        causes=(),
        status: int | None = None,
        headers=None,
        summary: str | None = None,
    ):
        st, template = CATALOG.get(code, (400, "{0}"))
        self.code = code
        self.status = status or st
        if summary is None:
            summary = template.replace("{0}", detail) if "{0}" in template else template
        self.summary = summary
        self.causes = [c if isinstance(c, dict) else {"errorSummary": c} for c in causes]
        self.headers = list(headers or [])
        super().__init__(f"{code} {self.summary}")

    def body(self) -> dict:
        return {
            "errorCode": self.code,
            "errorSummary": self.summary,
            "errorLink": self.code,
            "errorId": error_id(),
            "errorCauses": self.causes,
        }


def not_found(obj_id: str, kind: str) -> OktaError:
    """404 E0000007 worded as Okta does: 'Not found: Resource not found: X (User)'."""
    return OktaError("E0000007", f"Resource not found: {obj_id} ({kind})")


def validation(field: str, cause: str | None = None) -> OktaError:
    return OktaError("E0000001", field, causes=[cause] if cause else [])


def wrong_status() -> OktaError:
    return OktaError("E0000038")
