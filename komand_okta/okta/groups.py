"""Groups: finding one by id or exact name, the shape the plugin returns, membership and its snapshots.

Okta's membership calls are idempotent (PUT adds, DELETE removes; both answer 204 whether or not
the user already was, or was not, a member), so they may be retried safely. A 404 there means
the group (or, rarely, a user deleted a moment ago) does not exist; it is explained in Okta's
own words rather than reported as a crash.

Membership snapshots (the Monitor User Groups trigger) are a group's name and the sorted ids of
its members: groups can hold 100,000 users and the trigger's state is rewritten after every
poll, so whole user objects are never stored. Paging keeps one page in memory at a time and
holds full user objects only for members the previous snapshot did not have. Users who left
are fetched in batches (a `search` on their ids, which also sees deactivated users); a user
deleted outright is reported as `{"id": …}`.
"""

import re

from . import direct
from .found import Found, one
from .http.errors import ClientError, OktaError
from .search import quoted
from .users import USERS_PAGE

# A name search reads one page of this many: enough to tell one match from several. A listing
# of every group reads the largest pages Okta allows (10,000; `http.paging` halves a page Okta
# times out on), so a large org costs the fewest requests of its shared rate limit.
GROUPS_PAGE = 200
# `q` answers at most 300 groups and does not page.
QUERY_LIMIT = 300
# Okta group ids are "00g" and 17 more letters or digits.
GROUP_ID = re.compile(r"^00g[0-9A-Za-z]{17}$")
# Okta lets only OKTA_GROUP profiles change (APP_GROUPs come from their app; BUILT_IN is Everyone).
EDITABLE_TYPE = "OKTA_GROUP"
REMOVED_BATCH = 50  # ids per search: keeps the URL short, one request per 50 users who left
# Okta's default page for GET /groups/{id}/users is 1000 and no maximum is documented; asking for
# the default explicitly costs the fewest requests (100 per 100k members) without relying on an
# undocumented larger size (`http.paging.PAGE_MAXIMA`). Okta recommends 200: five times the requests.
MEMBERS_PAGE = 1000


class AmbiguousGroup(ClientError):
    """A name that several groups carry: it does not identify one group."""

    def __init__(self, name: str, count: int, more: bool = False):
        self.name, self.count = name, count
        super().__init__(
            "%s%d Okta groups are named %s, so the name does not identify one group."
            % ("At least " if more else "", count, name),
            "Give the group's ID (00g…) instead; List Groups shows every group's ID.",
        )


# -- finding -------------------------------------------------------------------------------------
def named(client, name: str) -> list:
    """Groups whose name equals `name`: Okta's search (string values compare case-insensitively).

    Fetches at most one page of GROUPS_PAGE: enough to tell one match from several.
    """
    return list(
        client.pages(
            client.path("groups"),
            {"search": "profile.name eq %s" % quoted(name)},
            page_size=GROUPS_PAGE,
            limit=GROUPS_PAGE,
        )
    )


def find(client, id_or_name: str):
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
    matches = named(client, text)
    exact = [group for group in matches if (group.get("profile") or {}).get("name") == text]
    candidates = exact or matches
    if len(candidates) > 1:
        raise AmbiguousGroup(text, len(candidates), more=len(matches) >= GROUPS_PAGE and not exact)
    return candidates[0] if candidates else None


def resolve(client, id_or_name: str) -> Found:
    """The group for an id or exact name, or why none (no match, or a name several groups share)."""
    return one(find, client, id_or_name, AmbiguousGroup, "No Okta group has the ID or name %s.")


def read_for(client, id_or_name: str, read) -> Found:
    """`Found(read(group_id))` for the group named by id or exact name: an id goes straight to
    `read`, whose 404 is the miss (`direct.read_for`); a name is resolved first."""
    return direct.read_for(client, id_or_name, GROUP_ID, resolve, read, "No Okta group has the ID or name %s.")


def label(group: dict) -> str:
    """`Name (00g…)` for messages."""
    return "%s (%s)" % ((group.get("profile") or {}).get("name") or "?", group.get("id"))


def shown(group: dict) -> dict:
    """The group as the plugin returns it (the 3.x shape): `name` and `description` lifted from the
    profile to the top level. Which members are kept is the spec's `group` type's decision."""
    profile = group.get("profile") or {}
    return dict(group, name=profile.get("name"), description=profile.get("description"))


def list_groups(client, query: str = None):
    """Groups whose name starts with `query`, or every group (all pages) when there is none, one
    page at a time (an org can hold 100,000 groups: the caller keeps only what it returns)."""
    if query:
        return client.pages(client.path("groups"), {"q": query}, page_size=QUERY_LIMIT)
    return client.pages(client.path("groups"))


# -- membership ------------------------------------------------------------------------------------
def _change_membership(client, method: str, group_id: str, user_id: str) -> None:
    """PUT (add) or DELETE (remove) the user in the group."""
    response = client.request(method, client.path("groups", group_id, "users", user_id), allow=(404,))
    if response.status == 404:
        summary = (response.body or {}).get("errorSummary") if isinstance(response.body, dict) else None
        raise OktaError(
            "Okta found no group with the ID %s%s." % (group_id, " (%s)" % summary if summary else ""),
            "Check the group ID: it is the 00g… ID shown in the group's URL in the Okta Admin Console, "
            "not the group's name. The List Groups action shows every group's ID.",
            data=response.body or "",
            status=404,
        )


def add_member(client, group_id: str, user_id: str) -> None:
    _change_membership(client, "PUT", group_id, user_id)


def remove_member(client, group_id: str, user_id: str) -> None:
    _change_membership(client, "DELETE", group_id, user_id)


# -- membership snapshots --------------------------------------------------------------------------
def get(client, group_id: str) -> dict:
    """The group; an error naming the id when Okta does not know it."""
    response = client.request("GET", client.path("groups", group_id), allow=(404,))
    if response.status == 404:
        raise _unknown_group(group_id)
    return response.body or {}


def _unknown_group(group_id: str) -> OktaError:
    return OktaError(
        "No Okta group has the ID %s." % group_id,
        "Check the group IDs in the trigger's input; a deleted group must be removed from it.",
        status=404,
    )


def name_of(group: dict) -> str:
    return str(((group.get("profile") or {}).get("name")) or group.get("id") or "")


def read_members(client, group_id: str, known=None):
    """(sorted member ids, {id: user} of members not in `known`) — all pages, no cap.

    With `known=None` (a first sight) no user objects are kept at all.
    """
    ids, newcomers = set(), {}
    try:
        for user in client.pages(client.path("groups", group_id, "users"), page_size=MEMBERS_PAGE):
            user_id = user.get("id") if isinstance(user, dict) else None
            if not user_id or user_id in ids:  # a member shifting pages mid-read can appear twice
                continue
            ids.add(user_id)
            if known is not None and user_id not in known:
                newcomers[user_id] = user
    except OktaError as exc:
        if exc.status == 404:
            raise _unknown_group(group_id) from None
        raise
    return sorted(ids), newcomers


def removed_users(client, user_ids: list) -> list:
    """What Okta still knows about users who left a group, in `user_ids` order; just the id of a
    user who was deleted outright."""
    found = {}
    for start in range(0, len(user_ids), REMOVED_BATCH):
        batch = user_ids[start : start + REMOVED_BATCH]
        expression = " or ".join("id eq %s" % quoted(user_id) for user_id in batch)
        for user in client.pages(client.path("users"), {"search": expression}, page_size=USERS_PAGE):
            if isinstance(user, dict) and user.get("id"):
                found[user["id"]] = user
    return [found.get(user_id, {"id": user_id}) for user_id in user_ids]
