"""Applications: finding one the way an analyst names it, and the shapes the plugin returns.

An application is named by its id (`0oa…`, fetched with one GET /apps/{id}) or by its exact
label. A label is found with `q` (Okta's starts-with match on name or label, every page),
then narrowed to the exact label: same case first, then differing only in case, then the
app's Okta name. Several apps in the winning tier are ambiguous, never a guess.
"""
import re

from .http.errors import OktaError
from .lookup import found_or_message

# Okta app ids are "0oa" and 17 more letters or digits.
APP_ID = re.compile(r"^0oa[0-9A-Za-z]{17}$")
APPS_PAGE = 200  # GET /apps: max limit 200
APP_USERS_PAGE = 500  # GET /apps/{id}/users: max limit 500

APP_FIELDS = ("id", "name", "label", "status", "signOnMode", "created", "lastUpdated", "features",
              "accessibility", "visibility", "credentials", "settings", "_links")
APP_USER_FIELDS = ("id", "externalId", "scope", "status", "syncState", "created", "lastUpdated",
                   "statusChanged", "credentials", "profile", "_links")
APP_LINK_FIELDS = ("id", "label", "appName", "appInstanceId", "appAssignmentId", "linkUrl", "logoUrl",
                   "credentialsSetup", "hidden", "sortOrder")
# Keys that hold secrets anywhere inside an app's or an assignment's credentials: never returned.
SECRET_KEYS = {"password", "client_secret", "clientSecret", "secret", "sharedSecret", "privateKey",
               "private_key"}


class AmbiguousApp(OktaError):
    """A label several applications carry: it does not identify one application."""

    def __init__(self, label: str, count: int):
        self.label, self.count = label, count
        super().__init__("%d Okta applications are labelled %s, so the label does not identify one application."
                         % (count, label),
                         "Give the application's ID (0oa…) instead; List Applications shows every application's ID.")


def apps_starting_with(client, text: str) -> list:
    """Every application whose name or label starts with `text` (all pages, inactive ones too)."""
    return list(client.pages(client.path("apps"), {"q": text}, page_size=APPS_PAGE))


def find_app(client, id_or_label: str):
    """The application for an id or exact label; None when there is none; AmbiguousApp for a shared label.

    An id-shaped text is fetched first; if no application has that id, it is searched as a label.
    """
    text = (id_or_label or "").strip()
    if not text:
        return None
    if APP_ID.match(text):
        response = client.request("GET", client.path("apps", text), allow=(404,))
        if response.status != 404 and isinstance(response.body, dict):
            return response.body
    candidates = apps_starting_with(client, text)
    tiers = ([a for a in candidates if a.get("label") == text],
             [a for a in candidates if str(a.get("label") or "").lower() == text.lower()],
             [a for a in candidates if a.get("name") == text])
    for tier in tiers:
        if len(tier) > 1:
            raise AmbiguousApp(text, len(tier))
        if tier:
            return tier[0]
    return None


def without_secrets(value):
    """A copy of a credentials object with every secret-holding key left out."""
    if isinstance(value, dict):
        return {k: without_secrets(v) for k, v in value.items() if k not in SECRET_KEYS}
    if isinstance(value, list):
        return [without_secrets(v) for v in value]
    return value


def _pick(obj: dict, keys) -> dict:
    out = {key: obj[key] for key in keys if obj.get(key) is not None}
    if isinstance(out.get("credentials"), dict):
        out["credentials"] = without_secrets(out["credentials"])
    return out


def app_fields(app: dict) -> dict:
    """The application as the spec's `app` type declares it: no nulls, no secrets."""
    return _pick(app, APP_FIELDS)


def app_user_fields(app_user: dict) -> dict:
    """The assignment as the spec's `app_user` type declares it: no nulls, never a password."""
    return _pick(app_user, APP_USER_FIELDS)


def app_link_fields(link: dict) -> dict:
    return _pick(link, APP_LINK_FIELDS)


def app_or_message(client, id_or_label: str):
    """(app, None) for an id or exact label; (None, why not) when none, or several, match."""
    return found_or_message(find_app, client, id_or_label, AmbiguousApp,
                            "No Okta application has the ID or label %s.")


def app_label(app: dict) -> str:
    """`Label (0oa…)` for messages."""
    return "%s (%s)" % (app.get("label") or app.get("name") or "?", app.get("id"))


def app_and_user(client, app_text: str, user_text: str):
    """(app, user, None), or (None, None, why not) when the app or the user is not found."""
    from .users import user_or_message
    app, message = app_or_message(client, app_text)
    if app is None:
        return None, None, message
    user, message = user_or_message(client, user_text)
    if user is None:
        return None, None, message
    return app, user, None


def not_assigned_message(app: dict, user: dict) -> str:
    return "User %s is not assigned to application %s." % (user.get("id"), app_label(app))
