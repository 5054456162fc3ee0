"""User lifecycle changes with idempotent outcomes.

A playbook that suspends an already-suspended user wanted the user suspended, and that is
what it has: such calls succeed without a request and say so in the log. A transition Okta
refuses for any other reason is an error carrying Okta's own explanation.

Some outcomes can only be told from Okta's answer (an activation of a user Okta already counts
as activated): `ALREADY_CODES` names the error codes that mean the goal holds.
"""
from .http.errors import OktaError
from .users import find_user, no_user_message

# operation -> (statuses in which the goal already holds, what to log)
ALREADY = {
    "suspend": ({"SUSPENDED"}, "already suspended"),
    "unsuspend": ({"ACTIVE"}, "already active (not suspended)"),
    "deactivate": ({"DEPROVISIONED"}, "already deactivated"),
    "activate": ({"ACTIVE"}, "already active"),
    "expire_password": ({"PASSWORD_EXPIRED"}, "already password-expired"),
    "unlock": ({"ACTIVE", "STAGED", "PROVISIONED", "RECOVERY", "PASSWORD_EXPIRED", "SUSPENDED", "DEPROVISIONED"},
               "not locked out"),
}

# operation -> {Okta error code meaning the goal already holds: what to log}
ALREADY_CODES = {
    "activate": {"E0000016": "already activated in Okta's view (E0000016)"},
}



def not_found(identifier: str) -> dict:
    """The output of an action whose user does not exist: not an error, a result."""
    identifier = str(identifier or "").strip()
    if not identifier:
        return {"success": False, "message": "The user input is blank, so it names no Okta user."}
    return {"success": False, "message": no_user_message(identifier)}


def user_or_not_found(client, identifier: str, log=None):
    """(user, None) for an id, login or email; (None, the not-found output) when none matches."""
    user = find_user(client, identifier)
    if user is None:
        output = not_found(identifier)
        if log is not None:
            log.info("%s", output["message"])
        return None, output
    return user, None


def already(user: dict, operation: str, log=None) -> bool:
    """Whether the user's status shows the operation's goal already holds (logged when it does)."""
    statuses, note = ALREADY.get(operation, (set(), ""))
    # a user Okta is still moving into the goal state (transitioningToStatus) is already on its way
    if user.get("status") in statuses or user.get("transitioningToStatus") in statuses:
        if log is not None:
            log.info("User %s is %s; nothing to do for %s.", user.get("id"), note, operation)
        return True
    return False


def already_by_answer(user: dict, operation: str, exc: OktaError, log=None) -> bool:
    """Whether Okta's refusal means the operation's goal already holds (logged when it does)."""
    note = ALREADY_CODES.get(operation, {}).get(exc.code)
    if note is not None and log is not None:
        log.info("User %s (status %s) is %s; nothing to do for %s.", user.get("id"), user.get("status"), note,
                 operation)
    return note is not None


def change(client, user: dict, operation: str, log=None, params=None):
    """Apply a lifecycle operation to a user unless its outcome already holds.

    Returns Okta's response body, or None when nothing had to be done.
    """
    if already(user, operation, log):
        return None
    try:
        return client.post(client.path("users", user["id"], "lifecycle", operation), params=params)
    except OktaError as exc:
        if already_by_answer(user, operation, exc, log):
            return None
        raise
