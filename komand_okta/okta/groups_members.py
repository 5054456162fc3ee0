"""Group membership snapshots for the Monitor User Groups trigger.

A snapshot is the group's name and the sorted list of its members' ids: groups can hold
100,000 users, and the trigger's state is rewritten after every poll, so whole user objects are
never stored. Paging keeps one page in memory at a time and holds on to full user objects only
for members the previous snapshot did not have (the additions the event must describe).

Removed users are by definition no longer in the member list, so they are fetched in batches
(a `search` on their ids, which also sees deactivated users); a user deleted outright is not
found and is reported as `{"id": …}`. That is a better trade than storing every member's
profile in the state file.
"""
from .http.errors import OktaError
from .users import USERS_PAGE, quoted

REMOVED_BATCH = 50  # ids per search: keeps the URL short, one request per 50 users who left

# Okta's default page for GET /groups/{id}/users is 1000 and no maximum is documented; asking for
# the default explicitly costs the fewest requests (100 per 100k members) without relying on an
# undocumented larger size. Okta recommends 200, which would be five times the requests.
MEMBERS_PAGE = 1000


def get_group(client, group_id: str) -> dict:
    """The group; an error naming the id when Okta does not know it."""
    response = client.request("GET", client.path("groups", group_id), allow=(404,))
    if response.status == 404:
        raise _unknown_group(group_id)
    return response.body or {}


def _unknown_group(group_id: str) -> OktaError:
    return OktaError("No Okta group has the ID %s." % group_id,
                     "Check the group IDs in the trigger's input; a deleted group must be removed from it.",
                     status=404)


def group_name(group: dict) -> str:
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
        batch = user_ids[start:start + REMOVED_BATCH]
        expression = " or ".join("id eq %s" % quoted(user_id) for user_id in batch)
        for user in client.pages(client.path("users"), {"search": expression}, page_size=USERS_PAGE):
            if isinstance(user, dict) and user.get("id"):
                found[user["id"]] = user
    return [found.get(user_id, {"id": user_id}) for user_id in user_ids]


