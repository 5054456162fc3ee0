"""Finding a user the way an analyst names one: by id, login or email.

Every action resolves users here, so "user@example.com" means the same user everywhere:
first `GET /users/{id-or-login}` (one request, and it sees DEPROVISIONED users too), then, if
that finds nothing and the text looks like an email, a search on `profile.email`. Several users
sharing one email is an error naming the count, never a guess.
"""
from .http.errors import OktaError

USERS_PAGE = 200
# The user fields the plugin's `user` type declares (Okta also sends `type`, `realmId`, …).
USER_FIELDS = ("id", "status", "created", "activated", "statusChanged", "lastLogin", "lastUpdated",
               "passwordChanged", "profile", "credentials", "_links")


class AmbiguousUser(OktaError):
    """An email several users share: it does not identify one user."""


def quoted(value: str) -> str:
    """A string literal for Okta's filter/search expressions."""
    return '"%s"' % str(value).replace("\\", "\\\\").replace('"', '\\"')


def find_user(client, identifier: str):
    """The user object, or None when no user matches."""
    identifier = identifier.strip()
    if identifier in ("", ".", ".."):  # no user is named so; in a path they would address another resource
        return None
    if "/" not in identifier:  # a login holding "/" cannot be fetched by path, only searched
        response = client.request("GET", client.path("users", identifier), allow=(404,))
        if response.status != 404:
            return response.body
    if "@" not in identifier and "/" not in identifier:
        return None
    field = "profile.email" if "/" not in identifier else "profile.login"
    matches = list(client.pages(client.path("users"), {"search": "%s eq %s" % (field, quoted(identifier))},
                                page_size=USERS_PAGE, limit=USERS_PAGE))
    if len(matches) > 1:
        raise AmbiguousUser("%d Okta users have the email %s, so it does not identify one user." % (len(matches), identifier),
                        "Give the user's Okta ID or login instead of the email.")
    return matches[0] if matches else None


def no_user_message(identifier: str, then: str = "") -> str:
    """`No Okta user matches <input>.`, or `…; <then>.` saying what was therefore not done."""
    return "No Okta user matches %s%s." % (str(identifier or "").strip(), "; " + then if then else "")


def user_or_message(client, identifier: str, then: str = ""):
    """(user, None) for an id, login or email; (None, no_user_message) when none matches.

    For actions a missing user is a result (found or success false with the message), not an
    error, so they all share this wording; an email several users share still raises AmbiguousUser.
    """
    user = find_user(client, identifier)
    if user is None:
        return None, no_user_message(identifier, then)
    return user, None


def require_user(client, identifier: str) -> dict:
    """The user for an id, login or email; an error naming the input when there is none."""
    user = find_user(client, identifier)
    if user is None:
        raise OktaError(no_user_message(identifier),
                        "Check the user ID, login or email, and that the connection points at the right Okta org.",
                        status=404)
    return user


def user_fields(user: dict) -> dict:
    """The user as the plugin's outputs declare it: the spec's fields, nulls left out."""
    return {key: user[key] for key in USER_FIELDS if user.get(key) is not None}
