"""Applications: finding one the way an analyst names it, and keeping secrets out of what is returned.

An application is named by its id (`0oa…`, fetched with one GET /apps/{id}) or by its exact
label. A label is found with `q` (Okta's starts-with match on name or label, every page),
then narrowed to the exact label: same case first, then differing only in case, then the
app's Okta name. Several apps in the winning tier are ambiguous, never a guess.

Which members an app, assignment or app link keeps in an output is the spec's decision; what
this module adds is that credentials never carry a secret (`without_secrets`).

Taking a rogue app out of service and changing which groups reach it are operations on IDs: an
ID is sent as given (`named`), since Okta's own 404 already says that the app (or group) does
not exist, and only a label or group name costs a lookup first. Lifecycle changes and
assignments are idempotent in outcome, so they may be retried.
"""

import re

from . import groups, users
from .found import Found, one
from .http.errors import ClientError

# Okta app ids are "0oa" and 17 more letters or digits.
APP_ID = re.compile(r"^0oa[0-9A-Za-z]{17}$")
APPS_PAGE = 200  # GET /apps: max limit 200
APP_USERS_PAGE = 500  # GET /apps/{id}/users: max limit 500
# Keys that hold secrets anywhere inside an app's or an assignment's credentials: never returned.
SECRET_KEYS = {"password", "client_secret", "clientSecret", "secret", "sharedSecret", "privateKey", "private_key"}


class AmbiguousApp(ClientError):
    """A label several applications carry: it does not identify one application."""

    def __init__(self, label: str, count: int):
        self.label, self.count = label, count
        super().__init__(
            "%d Okta applications are labelled %s, so the label does not identify one application." % (count, label),
            "Give the application's ID (0oa…) instead; List Applications shows every application's ID.",
        )


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
    tiers = (
        [a for a in candidates if a.get("label") == text],
        [a for a in candidates if str(a.get("label") or "").lower() == text.lower()],
        [a for a in candidates if a.get("name") == text],
    )
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
    """`Label (0oa…)` for messages; just the ID for an app known only by it."""
    name = app.get("label") or app.get("name")
    return "%s (%s)" % (name, app.get("id")) if name else str(app.get("id"))


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


# -- taking an app out of service, and the groups that reach it ------------------------------------
# GET /apps/{id}/groups takes limit 20-200 (Okta's spec): pages of 200, never fewer than 20 asked.
APP_GROUPS_PAGE = 200


def named(client, id_or_label: str) -> Found:
    """The application an operation is about. An app ID is taken as given, without a request
    (`{"id": …}`): the operation's own 404 says whether it exists. A label is resolved."""
    text = (id_or_label or "").strip()
    if APP_ID.match(text):
        return Found({"id": text})
    return resolve(client, text)


def assignment_parties(client, app_ref: str, group_ref: str):
    """(app, group) Founds for a group assignment change: IDs taken as given, without a request
    (the change's own 404 names the one missing), a label or group name resolved."""
    app = named(client, app_ref)
    if not app:
        return app, Found()
    text = (group_ref or "").strip()
    return app, Found({"id": text}) if groups.GROUP_ID.match(text) else groups.resolve(client, text)


def missing_message(app_id: str) -> str:
    return "No Okta application has the ID %s." % app_id


# -- one user's assignment: /apps/{appId}/users/{userId} ---------------------------------------------
def user_assignment_parties(client, app_ref: str, user_ref: str):
    """(app, user) Founds for a request about one user's assignment. IDs are taken as given,
    without a request (`{"id": …}`), so two IDs cost only the assignment request; its 404 is then
    told apart by `why_unassigned`. A label, login or email is resolved first."""
    app = named(client, app_ref)
    if not app:
        return app, Found()
    text = (user_ref or "").strip()
    return app, Found({"id": text}) if users.USER_ID.match(text) else users.resolve(client, text)


def why_unassigned(client, app: dict, user: dict) -> str:
    """Why /apps/{appId}/users/{userId} answered 404: no such application, no such user, or no
    assignment. Only a party known by its ID alone is read (one request each, on this miss only)."""
    if set(app) == {"id"}:
        response = client.request("GET", client.path("apps", app["id"]), allow=(404,))
        if response.status == 404:
            return missing_message(app["id"])
        app = response.body
    if set(user) == {"id"}:
        response = client.request("GET", client.path("users", user["id"]), allow=(404,))
        if response.status == 404:
            return users.no_match(user["id"])
        user = response.body
    return not_assigned_message(app, user)


def set_status(client, app: dict, status: str, log) -> bool:
    """Make the app ACTIVE or INACTIVE; False when Okta has no such app (404).

    An app already known to be in that status is left alone (no request). Okta answers 200 `{}`
    either way, so the POST may be retried.
    """
    if app.get("status") == status:
        log.info("Application %s is already %s; nothing to change.", label(app), status)
        return True
    action = "activate" if status == "ACTIVE" else "deactivate"
    response = client.request(
        "POST", client.path("apps", app["id"], "lifecycle", action), idempotent=True, allow=(404,)
    )
    if response.status == 404:
        return False
    log.info("Application %s is now %s.", label(app), status)
    return True


def group_assignments(client, app_id: str, query: str | None = None, limit: int | None = None) -> list:
    """The app's group assignments in priority order, each with its group embedded (`expand=group`);
    Okta's 404 when it has no such app. `query`: the group name starts with it."""
    params = {"expand": "group", **({"q": query} if query else {})}
    rows = []
    for row in client.pages(client.path("apps", app_id, "groups"), params, page_size=APP_GROUPS_PAGE):
        rows.append(row)
        if limit is not None and len(rows) >= limit:  # counted here: a smaller page is below Okta's minimum
            break
    return rows


def shown_assignment(row: dict) -> dict:
    """A group assignment as returned: the group Okta embedded (`expand=group`) as `group`, in the
    plugin's group shape, so the analyst sees which group it is, not only its ID."""
    group = (row.get("_embedded") or {}).get("group")
    return dict(row, group=groups.shown(group)) if isinstance(group, dict) else row


def assign_group(client, app_id: str, group_id: str, priority: int | None = None, profile: dict | None = None):
    """(assignment, None), or (None, Okta's reason) when the app or the group does not exist.

    PUT creates the assignment or updates the existing one (a priority left out is kept), so it
    may be retried. The group's members get the app with scope GROUP.
    """
    body = {key: value for key, value in (("priority", priority), ("profile", profile)) if value is not None}
    response = client.request(
        "PUT", client.path("apps", app_id, "groups", group_id), json=body, idempotent=True, allow=(404,), expect=dict
    )
    return (None, okta_reason(response.body)) if response.status == 404 else (response.body, None)


def unassign_group(client, app_id: str, group_id: str):
    """None once the group no longer reaches the app (Okta answers 204 also when it was not
    assigned); Okta's reason when the app or the group does not exist."""
    response = client.request("DELETE", client.path("apps", app_id, "groups", group_id), allow=(404,))
    return okta_reason(response.body) if response.status == 404 else None


def okta_reason(body) -> str:
    """Okta's summary of a 404 (it names the missing app or group by ID and kind)."""
    summary = body.get("errorSummary") if isinstance(body, dict) else None
    return summary or "Okta found no such application or group"
