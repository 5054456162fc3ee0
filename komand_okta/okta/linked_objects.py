"""A user's linked objects (GET /api/v1/users/{id}/linkedObjects/{relationshipName}): for example
the manager to notify about a compromised account.

Okta links users in named pairs of relationships: a primary one (`manager`) answers the one user
this user is linked to, its associated one (`subordinate`) every user linked to them. Okta answers
links only (`{"_links": {"self": {"href": ".../users/{id}"}}}`), but a playbook needs the linked
user's email or name, so the users are read too: one search per 50 users (`groups.removed_users`,
which also sees deactivated users), so a manager costs one request more; a user Okta no longer
has is shown by ID only.
"""

import re
from urllib.parse import urlsplit

from . import groups

# Okta's rule for relationship names: not starting with a digit; letters, digits and _ only.
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def linked_ids(client, user_id: str, relationship: str):
    """The IDs of the users linked to the user by `relationship`; None when Okta knows no
    relationship of that name (404)."""
    response = client.request(
        "GET", client.path("users", user_id, "linkedObjects", relationship), allow=(404,), expect=list
    )
    if response.status == 404:
        return None
    ids = []
    for link in response.body or []:
        href = (((link or {}).get("_links") or {}).get("self") or {}).get("href") if isinstance(link, dict) else None
        user_id = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1] if isinstance(href, str) else ""
        if user_id and user_id not in ids:
            ids.append(user_id)
    return ids


def users_by_id(client, user_ids: list) -> list:
    """The users with these IDs, in that order; one Okta no longer has as `{"id": …}`."""
    return groups.removed_users(client, user_ids)
