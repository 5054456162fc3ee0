"""Groups: membership changes and the group shape the plugin returns.

Okta's membership calls are idempotent (PUT adds, DELETE removes; both answer 204 whether or not
the user already was, or was not, a member), so they may be retried safely. A 404 there means
the group (or, rarely, a user deleted a moment ago) does not exist; it is explained in Okta's
own words rather than reported as a crash.
"""
import re

from .http.errors import OktaError
from .lookup import found_or_message
from .users import quoted

# The group fields the spec's `group` type declares; `name` and `description` come from the profile.
GROUP_FIELDS = ("id", "created", "lastUpdated", "lastMembershipUpdated", "objectClass", "type", "_links")
# Okta recommends pages of at most 200 groups (the API allows 10000): a listing of a large org
# costs more calls, but each answer stays small and fast, well inside the request timeout.
GROUPS_PAGE = 200
# `q` answers at most 300 groups and does not page.
QUERY_LIMIT = 300


def change_membership(client, method: str, group_id: str, user_id: str) -> None:
    """PUT (add) or DELETE (remove) the user in the group."""
    response = client.request(method, client.path("groups", group_id, "users", user_id), allow=(404,))
    if response.status == 404:
        summary = (response.body or {}).get("errorSummary") if isinstance(response.body, dict) else None
        raise OktaError("Okta found no group with the ID %s%s." % (group_id, " (%s)" % summary if summary else ""),
                        "Check the group ID: it is the 00g… ID shown in the group's URL in the Okta Admin Console, "
                        "not the group's name. The List Groups action shows every group's ID.",
                        data=response.body or "", status=404)


def group_fields(group: dict) -> dict:
    """The group as the spec declares it: name and description lifted from the profile, no nulls."""
    profile = group.get("profile") or {}
    fields = {key: group.get(key) for key in GROUP_FIELDS}
    fields.update(name=profile.get("name"), description=profile.get("description"))
    return {key: value for key, value in fields.items() if value is not None}


def list_groups(client, query: str = None) -> list:
    """Groups whose name starts with `query`, or every group (all pages) when there is none."""
    if query:
        return list(client.pages(client.path("groups"), {"q": query}, page_size=QUERY_LIMIT))
    return list(client.pages(client.path("groups"), page_size=GROUPS_PAGE))


# -- finding a group the way an analyst names one: by id or by exact name ----------------------
# Okta group ids are "00g" and 17 more letters or digits.
GROUP_ID = re.compile(r"^00g[0-9A-Za-z]{17}$")


class AmbiguousGroup(OktaError):
    """A name that several groups carry: it does not identify one group."""

    def __init__(self, name: str, count: int, more: bool = False):
        self.name, self.count = name, count
        super().__init__("%s%d Okta groups are named %s, so the name does not identify one group."
                         % ("At least " if more else "", count, name),
                         "Give the group's ID (00g…) instead; List Groups shows every group's ID.")


def groups_named(client, name: str) -> list:
    """Groups whose name equals `name`: Okta's search (string values compare case-insensitively).

    Fetches at most one page of GROUPS_PAGE: enough to tell one match from several.
    """
    return list(client.pages(client.path("groups"), {"search": "profile.name eq %s" % quoted(name)},
                             page_size=GROUPS_PAGE, limit=GROUPS_PAGE))


def find_group(client, id_or_name: str):
    """The group for an id or an exact name; None when there is none; AmbiguousGroup for a shared name.

    An id-shaped text is fetched first (GET /groups/{id}); if that finds nothing, or the text is
    not id-shaped, it is searched as a name. A match with the same case wins over matches that
    differ only in case; otherwise several matches are ambiguous.
    """
    text = (id_or_name or "").strip()
    if not text:
        return None
    if GROUP_ID.match(text):
        response = client.request("GET", client.path("groups", text), allow=(404,))
        if response.status != 404 and isinstance(response.body, dict):
            return response.body
    matches = groups_named(client, text)
    exact = [group for group in matches if (group.get("profile") or {}).get("name") == text]
    candidates = exact or matches
    if len(candidates) > 1:
        raise AmbiguousGroup(text, len(candidates), more=len(matches) >= GROUPS_PAGE and not exact)
    return candidates[0] if candidates else None


# -- changing and deleting a group ---------------------------------------------------------------
# Okta lets only OKTA_GROUP profiles change (APP_GROUPs come from their app; BUILT_IN is Everyone).
EDITABLE_TYPE = "OKTA_GROUP"


def group_or_message(client, id_or_name: str):
    """(group, None) for an id or exact name; (None, why not) when none, or several, match."""
    return found_or_message(find_group, client, id_or_name, AmbiguousGroup,
                            "No Okta group has the ID or name %s.")


def group_label(group: dict) -> str:
    """`Name (00g…)` for messages."""
    return "%s (%s)" % ((group.get("profile") or {}).get("name") or "?", group.get("id"))
