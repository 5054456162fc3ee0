"""Group membership snapshots for the Monitor User Groups trigger.

A snapshot is the group's name and the sorted list of its members' ids: groups can hold
100,000 users, and the trigger's state is rewritten after every poll, so whole user objects are
never stored. Paging keeps one page in memory at a time and holds on to full user objects only
for members the previous snapshot did not have (the additions the event must describe).

Removed users are by definition no longer in the member list, so they are fetched one by one
(GET /users/{id}, which also sees deactivated users); a user deleted outright comes back as
404 and is reported as `{"id": …}`. Removals are rare and usually few, so a request each is a
better trade than storing every member's profile in the state file.
"""
from .errors import OktaError

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


def removed_user(client, user_id: str) -> dict:
    """What Okta still knows about a user who left a group; just the id once the user is deleted."""
    response = client.request("GET", client.path("users", user_id), allow=(404,))
    return response.body if response.status != 404 and isinstance(response.body, dict) else {"id": user_id}


