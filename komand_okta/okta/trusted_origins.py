"""Trusted origins (/api/v1/trustedOrigins): finding one, listing, deactivating, deleting.

A trusted origin lets a web site call Okta with the user's session (CORS) or receive the user
after sign-in (REDIRECT), so one for a phishing site is persistence an attacker leaves behind.
An analyst names it by what the alert shows: its ID, its exact name, or its origin URL
(`https://host[:port]`, compared without case in the scheme and host and without a trailing
slash). Names and origins are found with Okta's `q` (a prefix match on both), then matched
exactly here.

Deactivating is idempotent in outcome: an origin already INACTIVE is left alone. Okta deletes an
origin in any status.
"""

import re
from urllib.parse import urlsplit

from .found import Found, one
from .http.errors import ClientError

ORIGIN_ID = re.compile(r"^tos[0-9A-Za-z]{17}$")
PAGE = 200  # the largest page Okta serves (default 20)


class AmbiguousOrigin(ClientError):
    """A name or origin several trusted origins carry."""

    def __init__(self, text: str, count: int):
        super().__init__(
            "%d Okta trusted origins are named %s, so it does not identify one." % (count, text),
            "Give the trusted origin's ID (tos…) instead; List Trusted Origins shows every ID.",
        )


def same_origin(url: str) -> str:
    """`url` as compared: scheme and host lower-cased, no trailing slash (the text itself when it is
    not a URL)."""
    text = (url or "").strip().rstrip("/")
    parts = urlsplit(text)
    if not parts.scheme or not parts.netloc:
        return text
    return "%s://%s%s" % (parts.scheme.lower(), parts.netloc.lower(), parts.path)


# -- finding -------------------------------------------------------------------------------------
def list_origins(client, query: str | None = None, expression: str | None = None, limit: int | None = None) -> list:
    """Trusted origins whose name or origin starts with `query` and that match the Okta `filter`
    `expression` (each when given)."""
    params = {key: value for key, value in (("q", query), ("filter", expression)) if value}
    return list(client.pages(client.path("trustedOrigins"), params or None, page_size=PAGE, limit=limit))


def find(client, ref: str):
    """The trusted origin for an ID (GET), exact name or origin URL; None if none; AmbiguousOrigin
    if several. An exact case match of the name wins over one that differs only in case."""
    text = (ref or "").strip()
    if not text:
        return None
    if ORIGIN_ID.match(text):
        response = client.request("GET", client.path("trustedOrigins", text), allow=(404,))
        if response.status != 404 and isinstance(response.body, dict):
            return response.body
    wanted = same_origin(text)
    origins = list_origins(client, query=wanted)
    exact = [o for o in origins if o.get("name") == text or same_origin(o.get("origin")) == wanted]
    candidates = exact or [o for o in origins if (o.get("name") or "").lower() == text.lower()]
    if len(candidates) > 1:
        raise AmbiguousOrigin(text, len(candidates))
    return candidates[0] if candidates else None


def resolve(client, ref: str) -> Found:
    """The trusted origin for an ID, exact name or origin URL, or why none."""
    return one(find, client, ref, AmbiguousOrigin, "No Okta trusted origin has the ID, name or origin %s.")


def label(origin: dict) -> str:
    """`Name (https://host, tos…)` for messages."""
    return "%s (%s, %s)" % (origin.get("name"), origin.get("origin"), origin.get("id"))


# -- changing ------------------------------------------------------------------------------------
def deactivate(client, origin: dict, log) -> dict:
    """The origin after making it INACTIVE; one already so is returned without a request."""
    if origin.get("status") == "INACTIVE":
        log.info("The trusted origin %s is already INACTIVE; nothing to change.", label(origin))
        return origin
    path = client.path("trustedOrigins", origin["id"], "lifecycle", "deactivate")
    return client.post(path, idempotent=True, expect=dict)  # setting a status may be retried


def delete(client, origin: dict, log) -> None:
    """Delete the origin; one gone meanwhile (404) counts as deleted."""
    response = client.request("DELETE", client.path("trustedOrigins", origin["id"]), allow=(404,))
    log.info("%s the trusted origin %s.", "Deleted" if response.status != 404 else "Already gone:", label(origin))
