"""User lifecycle changes with idempotent outcomes.

A playbook that suspends an already-suspended user wanted the user suspended, and that is
what it has: such calls succeed without a request and say so in the log. A transition Okta
refuses for any other reason is an error carrying Okta's own explanation.
"""

# operation -> (statuses in which the goal already holds, what to log)
ALREADY = {
    "suspend": ({"SUSPENDED"}, "already suspended"),
    "unsuspend": ({"ACTIVE"}, "already active (not suspended)"),
    "deactivate": ({"DEPROVISIONED"}, "already deactivated"),
    "activate": ({"ACTIVE"}, "already active"),
    "unlock": ({"ACTIVE", "STAGED", "PROVISIONED", "RECOVERY", "PASSWORD_EXPIRED", "SUSPENDED", "DEPROVISIONED"},
               "not locked out"),
}


def change(client, user: dict, operation: str, log=None, params=None):
    """Apply a lifecycle operation to a user unless its outcome already holds.

    Returns Okta's response body, or None when nothing had to be done.
    """
    statuses, note = ALREADY.get(operation, (set(), ""))
    # a user Okta is still moving into the goal state (transitioningToStatus) is already on its way
    if user.get("status") in statuses or user.get("transitioningToStatus") in statuses:
        if log is not None:
            log.info("User %s is %s; nothing to do for %s.", user.get("id"), note, operation)
        return None
    return client.post(client.path("users", user["id"], "lifecycle", operation), params=params)
