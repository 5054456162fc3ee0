"""Applications: finding one the way an analyst names it, and keeping secrets out of what is returned.

An application is named by its id (`0oa…`, fetched with one GET /apps/{id}) or by its exact
label. A label is found with `q` (Okta's starts-with match on name or label, every page),
then narrowed to the exact label: same case first, then differing only in case, then the
app's Okta name. Several apps in the winning tier are ambiguous, never a guess.

Which members an app, assignment or app link keeps in an output is the spec's decision; what
this module adds is that credentials never carry a secret (`without_secrets`).
"""
import re

from .found import Found, one
from .http.errors import ClientError

# Okta app ids are "0oa" and 17 more letters or digits.
APP_ID = re.compile(r"^0oa[0-9A-Za-z]{17}$")
APPS_PAGE = 200  # GET /apps: max limit 200
APP_USERS_PAGE = 500  # GET /apps/{id}/users: max limit 500
# Keys that hold secrets anywhere inside an app's or an assignment's credentials: never returned.
SECRET_KEYS = {"password", "client_secret", "clientSecret", "secret", "sharedSecret", "privateKey",
               "private_key"}


class AmbiguousApp(ClientError):
    """A label several applications carry: it does not identify one application."""

    def __init__(self, label: str, count: int):
        self.label, self.count = label, count
        super().__init__("%d Okta applications are labelled %s, so the label does not identify one application."
                         % (count, label),
                         "Give the application's ID (0oa…) instead; List Applications shows every application's ID.")


def starting_with(client, text: str) -> list:
    """Every application whose name or label starts with `text` (all pages, inactive ones too)."""
    return list(client.pages(client.path("apps"), {"q": text}, page_size=APPS_PAGE))


def find(client, id_or_label: str):
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
    candidates = starting_with(client, text)
    tiers = ([a for a in candidates if a.get("label") == text],
             [a for a in candidates if str(a.get("label") or "").lower() == text.lower()],
             [a for a in candidates if a.get("name") == text])
    for tier in tiers:
        if len(tier) > 1:
            raise AmbiguousApp(text, len(tier))
        if tier:
            return tier[0]
    return None


def resolve(client, id_or_label: str) -> Found:
    """The application for an id or exact label, or why none (no match, or a shared label)."""
    return one(find, client, id_or_label, AmbiguousApp, "No Okta application has the ID or label %s.")


def label(app: dict) -> str:
    """`Label (0oa…)` for messages."""
    return "%s (%s)" % (app.get("label") or app.get("name") or "?", app.get("id"))


def not_assigned_message(app: dict, user: dict) -> str:
    return "User %s is not assigned to application %s." % (user.get("id"), label(app))


def without_secrets(value):
    """A copy of a credentials object with every secret-holding key left out."""
    if isinstance(value, dict):
        return {k: without_secrets(v) for k, v in value.items() if k not in SECRET_KEYS}
    if isinstance(value, list):
        return [without_secrets(v) for v in value]
    return value


def shown(item: dict) -> dict:
    """An application, assignment or app link as it may be returned: its credentials without secrets."""
    if isinstance(item.get("credentials"), dict):
        return dict(item, credentials=without_secrets(item["credentials"]))
    return item
