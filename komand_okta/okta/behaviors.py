"""Behavior detection rules (/api/v1/behaviors): finding one, listing, activating, deactivating.

Turning a detection off ("New Device", "Velocity") keeps an attacker's sign-ins quiet, so a
hunt lists the rules and turns the disabled ones back on. An org holds a handful of rules (Okta's
defaults plus the admins' own), so finding one by ID or exact name reads the whole list: one
request whichever way the rule is named, and no guess about the shape of Okta's rule IDs.

Activation and deactivation are idempotent in outcome: a rule already in the wanted status is
left alone.
"""

from .found import Found, one
from .http.errors import ClientError


class AmbiguousBehavior(ClientError):
    """A name several behavior detection rules carry."""

    def __init__(self, name: str, count: int):
        super().__init__(
            "%d Okta behavior detection rules are named %s, so the name does not identify one rule." % (count, name),
            "Give the rule's ID instead; List Behavior Detection Rules shows every rule's ID.",
        )


def list_behaviors(client) -> list:
    """Every behavior detection rule."""
    return list(client.pages(client.path("behaviors")))


def find(client, id_or_name: str):
    """The rule with this ID or exact name; None if none; AmbiguousBehavior if several. An exact
    case match of the name wins over one that differs only in case."""
    text = (id_or_name or "").strip()
    if not text:
        return None
    rules = list_behaviors(client)
    by_id = [rule for rule in rules if rule.get("id") == text]
    exact = by_id or [rule for rule in rules if rule.get("name") == text]
    candidates = exact or [rule for rule in rules if (rule.get("name") or "").lower() == text.lower()]
    if len(candidates) > 1:
        raise AmbiguousBehavior(text, len(candidates))
    return candidates[0] if candidates else None


def resolve(client, id_or_name: str) -> Found:
    """The behavior detection rule for an ID or exact name, or why none."""
    return one(find, client, id_or_name, AmbiguousBehavior, "No Okta behavior detection rule has the ID or name %s.")


def label(rule: dict) -> str:
    """`Name (id)` for messages."""
    return "%s (%s)" % (rule.get("name"), rule.get("id"))


def set_status(client, rule: dict, status: str, log) -> dict:
    """The rule after making it ACTIVE or INACTIVE; one already so is returned without a request."""
    if rule.get("status") == status:
        log.info("The behavior detection rule %s is already %s; nothing to change.", label(rule), status)
        return rule
    action = "activate" if status == "ACTIVE" else "deactivate"
    path = client.path("behaviors", rule["id"], "lifecycle", action)
    return client.post(path, idempotent=True, expect=dict)  # setting a status may be retried
