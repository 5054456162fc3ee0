"""Group rules (/api/v1/groups/rules): finding one, what it assigns, creating, lifecycle, deleting.

A rule that quietly adds users to a privileged group is persistence an attacker leaves behind,
so what a hunt needs from a rule is which groups it fills: every read asks Okta to expand
`groupIdToGroupNameMap` (same request, no extra cost) and `shown` lists the groups by ID and
name. A group Okta no longer knows keeps its ID with no name (the rule then reads INVALID).

Okta's rules of the road (documented, and as recorded): a rule is created INACTIVE; activation
and deactivation answer 204 without a body; an INVALID rule (a group it assigns was deleted)
cannot be activated or deactivated, only deleted; clients deactivate a rule before deleting it,
and the delete (202) can take back the memberships the rule added (`removeUsers`).
Lifecycle changes are idempotent in outcome: a rule already in the wanted status is left alone.
"""

import re

from .found import Found, one
from .http.errors import ClientError

RULE_ID = re.compile(r"^0pr[0-9A-Za-z]{17}$")
EXPRESSION_TYPE = "urn:okta:expression:1.0"
EXPAND = {"expand": "groupIdToGroupNameMap"}
MAX_NAME = 50  # Okta's limit on a rule name (GroupRule.name maxLength)
PAGE = 200  # the largest page Okta serves for rules (default 50)


class AmbiguousRule(ClientError):
    """A name several group rules carry."""

    def __init__(self, name: str, count: int):
        super().__init__(
            "%d Okta group rules are named %s, so the name does not identify one rule." % (count, name),
            "Give the group rule's ID (0pr…) instead; List Group Rules shows every rule's ID.",
        )


# -- finding -------------------------------------------------------------------------------------
def list_rules(client, search: str | None = None, limit: int | None = None) -> list:
    """Rules (with their groups' names) whose name holds the keyword `search`, or every rule."""
    params = dict(EXPAND, **({"search": search} if search else {}))
    return list(client.pages(client.path("groups", "rules"), params, page_size=PAGE, limit=limit))


def find(client, id_or_name: str):
    """The rule for an ID (GET) or exact name (Okta's search, then an exact match); None if none;
    AmbiguousRule if several. An ID-shaped text no rule has is still tried as a name, and an exact
    case match wins over one that differs only in case."""
    text = (id_or_name or "").strip()
    if not text:
        return None
    if RULE_ID.match(text):
        response = client.request("GET", client.path("groups", "rules", text), params=EXPAND, allow=(404,))
        if response.status != 404 and isinstance(response.body, dict):
            return response.body
    rules = list_rules(client, text)
    exact = [rule for rule in rules if rule.get("name") == text]
    candidates = exact or [rule for rule in rules if (rule.get("name") or "").lower() == text.lower()]
    if len(candidates) > 1:
        raise AmbiguousRule(text, len(candidates))
    return candidates[0] if candidates else None


def resolve(client, id_or_name: str) -> Found:
    """The rule for an ID or exact name, or why none (no match, or a name several rules share)."""
    return one(find, client, id_or_name, AmbiguousRule, "No Okta group rule has the ID or name %s.")


def label(rule: dict) -> str:
    """`Name (0pr…)` for messages."""
    return "%s (%s)" % (rule.get("name"), rule.get("id"))


def group_ids(rule: dict) -> list:
    return list((((rule.get("actions") or {}).get("assignUserToGroups") or {}).get("groupIds")) or [])


def shown(rule: dict, names: dict | None = None) -> dict:
    """The rule with `assigned_groups`: each group it assigns as `{id, name}`, the names from
    Okta's expansion or, for a rule just created, from `names` (group ID -> name)."""
    names = names or ((rule.get("_embedded") or {}).get("groupIdToGroupNameMap")) or {}
    return dict(rule, assigned_groups=[{"id": gid, "name": names.get(gid)} for gid in group_ids(rule)])


# -- writing -------------------------------------------------------------------------------------
def check_name(name: str) -> str:
    """The rule name trimmed; ClientError when longer than Okta allows (the runtime refuses a blank one)."""
    text = name.strip()
    if len(text) > MAX_NAME:
        raise ClientError(
            "Name (name) has %d characters; Okta allows at most %d in a group rule's name." % (len(text), MAX_NAME),
            "Give a shorter name.",
        )
    return text


def create(client, name: str, expression: str, group_ids_: list, excluded_user_ids=()) -> dict:
    """POST a new rule (Okta creates it INACTIVE)."""
    body = {
        "type": "group_rule",
        "name": name,
        "conditions": {
            "people": {"users": {"exclude": list(excluded_user_ids)}},
            "expression": {"value": expression, "type": EXPRESSION_TYPE},
        },
        "actions": {"assignUserToGroups": {"groupIds": list(group_ids_)}},
    }
    return client.post(client.path("groups", "rules"), json=body, expect=dict)


# -- lifecycle -----------------------------------------------------------------------------------
def lifecycle_refusal(rule: dict):
    """Why Okta will not change this rule's status (it is INVALID), or None."""
    if rule.get("status") != "INVALID":
        return None
    return (
        "The group rule %s is INVALID (a group it assigns no longer exists), so Okta cannot activate or "
        "deactivate it; it assigns no one while INVALID. Delete it, or create a new rule." % label(rule)
    )


def _post_status(client, rule: dict, status: str) -> None:
    """POST the lifecycle operation (204); setting a status is idempotent, so it may be retried."""
    action = "activate" if status == "ACTIVE" else "deactivate"
    client.request("POST", client.path("groups", "rules", rule["id"], "lifecycle", action), idempotent=True)


def set_status(client, rule: dict, status: str, log) -> dict:
    """The rule after making it ACTIVE or INACTIVE; one already so is returned without a request."""
    if rule.get("status") == status:
        log.info("The group rule %s is already %s; nothing to change.", label(rule), status)
        return rule
    _post_status(client, rule, status)
    log.info("The group rule %s is now %s.", label(rule), status)
    return dict(rule, status=status)


def delete(client, rule: dict, remove_users: bool, log) -> None:
    """Delete the rule, deactivating an ACTIVE one first; `remove_users` also takes the users it
    added out of its groups. A rule gone meanwhile (404) counts as deleted."""
    if rule.get("status") == "ACTIVE":
        log.info("Deactivating the group rule %s before deleting it.", label(rule))
        _post_status(client, rule, "INACTIVE")
    response = client.request(
        "DELETE", client.path("groups", "rules", rule["id"]), params={"removeUsers": bool(remove_users)}, allow=(404,)
    )
    if response.status == 404:
        log.info("The group rule %s was already gone.", label(rule))
    else:
        log.info(
            "Deleted the group rule %s%s.",
            label(rule),
            "; Okta removes the users it added from its groups" if remove_users else "",
        )
