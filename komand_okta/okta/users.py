"""Users: finding one the way an analyst names it, its lifecycle changes, and its sessions.

Finding (`resolve`): "user@example.com" means the same user everywhere. First
`GET /users/{id-or-login}` (one request, and it sees DEPROVISIONED users too), then, if that
finds nothing and the text looks like an email, a search on `profile.email` (a login holding
"/" cannot be fetched by path, so it is searched on `profile.login`). Several users sharing one
email is an error naming the count (`AmbiguousUser`), never a guess.

Reading something of a user (`read_for`: their factors, groups, roles...) costs no lookup when
the user is named by Okta id: the read goes straight to `/users/{id}/...`, and Okta's 404 there
(which names the user) is the miss. Only a login or an email is resolved first.

Lifecycle changes are idempotent in outcome: a playbook that suspends an already-suspended user
wanted the user suspended, and that is what it has, so `change` succeeds without a request and
says so in the log. Some outcomes show only in Okta's answer (an activation of a user Okta
already counts as activated): `ALREADY_CODES` names the error codes that mean the goal holds.
Activation may hand back a link and token (`sendEmail=false`); those are secrets shown once,
returned only in outputs and never logged.

A lifecycle POST is not idempotent for the transport, but its outcome can be read back: when a
transient failure (a 5xx, a dropped connection, an answer cut short) leaves it unknown, the user
is read again (`reached`). At the goal: success, and the log says so. Not at it: the POST could
not have been applied, so it is sent again within the retry budget reads have. Unreadable: the
error says the change may or may not have been applied, as it would without the check.

Clearing sessions (`DELETE /users/{id}/sessions`) answers 204 whether or not the user had any.
Its flags are sent only when given: `forgetDevices` left out means Okta's own default.
"""

import re

from . import direct
from .found import Found
from .http.errors import ClientError, OktaError
from .search import quoted

USERS_PAGE = 200
BLANK = "The user input is blank, so it names no Okta user."
# Okta user ids are "00u" and 17 more letters or digits.
USER_ID = re.compile(r"^00u[0-9A-Za-z]{17}$")

# operation -> (statuses in which the goal already holds, what to log)
ALREADY = {
    "suspend": ({"SUSPENDED"}, "already suspended"),
    "unsuspend": ({"ACTIVE"}, "already active (not suspended)"),
    "deactivate": ({"DEPROVISIONED"}, "already deactivated"),
    "activate": ({"ACTIVE"}, "already active"),
    "expire_password": ({"PASSWORD_EXPIRED"}, "already password-expired"),
    "unlock": (
        {"ACTIVE", "STAGED", "PROVISIONED", "RECOVERY", "PASSWORD_EXPIRED", "SUSPENDED", "DEPROVISIONED"},
        "not locked out",
    ),
}
# operation -> statuses that show, read back after a lost answer, that the POST was applied
# (an activation leaves the user PROVISIONED until they finish it, or ACTIVE)
APPLIED = {
    "suspend": {"SUSPENDED"},
    "unsuspend": {"ACTIVE"},
    "deactivate": {"DEPROVISIONED"},
    "activate": {"ACTIVE", "PROVISIONED"},
    "unlock": ALREADY["unlock"][0],
}
# operation -> {Okta error code meaning the goal already holds: what to log}
ALREADY_CODES = {
    "activate": {"E0000016": "already activated in Okta's view (E0000016)"},
}
WRONG_STATUS = "E0000038"
REACTIVATE_ASSISTANCE = (
    "Reactivate User works only for users who are PROVISIONED or RECOVERY; user %s is %s. "
    "Use Activate User for a STAGED or DEPROVISIONED user, and Unsuspend User or Unlock User "
    "for a SUSPENDED or LOCKED_OUT one."
)


class AmbiguousUser(ClientError):
    """An email several users share: it does not identify one user."""


# -- finding -------------------------------------------------------------------------------------
def find(client, identifier: str):
    """The user object, or None when no user matches; AmbiguousUser for a shared email."""
    identifier = identifier.strip()
    if identifier in ("", ".", ".."):  # no user is named so; in a path they would address another resource
        return None
    if "/" not in identifier:  # a login holding "/" cannot be fetched by path, only searched
        response = client.request("GET", client.path("users", identifier), allow=(404,))
        if response.status != 404:
            return response.body
    if "@" not in identifier and "/" not in identifier:
        return None
    field = "profile.email" if "/" not in identifier else "profile.login"
    matches = list(
        client.pages(
            client.path("users"),
            {"search": "%s eq %s" % (field, quoted(identifier))},
            page_size=USERS_PAGE,
            limit=USERS_PAGE,
        )
    )
    if len(matches) > 1:
        raise AmbiguousUser(
            "%d Okta users have the email %s, so it does not identify one user." % (len(matches), identifier),
            "Give the user's Okta ID or login instead of the email.",
        )
    return matches[0] if matches else None


def no_match(text: str, then: str = "") -> str:
    """`No Okta user matches <input>[; <then>].`: the one wording of a user miss."""
    return "No Okta user matches %s%s." % (text, "; " + then if then else "")


def resolve(client, identifier: str, then: str = "") -> Found:
    """The user for an id, login or email, or the message `No Okta user matches <input>[; <then>].`

    `then` says what was therefore not done. An email several users share raises AmbiguousUser:
    for an action about one user that is an error, not a miss.
    """
    text = str(identifier or "").strip()
    if not text:
        return Found(None, BLANK)
    user = find(client, text)
    if user is None:
        return Found(None, no_match(text, then))
    return Found(user)


def read_for(client, identifier: str, read, then: str = "") -> Found:
    """`Found(read(user_id))` for the user named by an id, login or email, or why there is none:
    an Okta id goes straight to `read` (`direct.read_for`), anything else is resolved first."""
    return direct.read_for(
        client,
        identifier,
        USER_ID,
        lambda c, text: resolve(c, text, then),
        read,
        no_match("%s", then),
    )


# -- lifecycle -------------------------------------------------------------------------------------
def already(user: dict, operation: str, log=None) -> bool:
    """Whether the user's status shows the operation's goal already holds (logged when it does)."""
    statuses, note = ALREADY.get(operation, (set(), ""))
    # a user Okta is still moving into the goal state (transitioningToStatus) is already on its way
    if user.get("status") in statuses or user.get("transitioningToStatus") in statuses:
        if log is not None:
            log.info("User %s is %s; nothing to do for %s.", user.get("id"), note, operation)
        return True
    return False


def _already_by_answer(user: dict, operation: str, exc: OktaError, log=None) -> bool:
    """Whether Okta's refusal means the operation's goal already holds (logged when it does)."""
    note = ALREADY_CODES.get(operation, {}).get(exc.code)
    if note is not None and log is not None:
        log.info(
            "User %s (status %s) is %s; nothing to do for %s.", user.get("id"), user.get("status"), note, operation
        )
    return note is not None


def reached(client, user_id: str, operation: str):
    """The check for `operation`'s POST: whether reading the user back shows it applied (None:
    it cannot be told, or the operation's outcome cannot be read back)."""
    goal = APPLIED.get(operation)
    if goal is None:
        return None

    def check():
        response = client.request("GET", client.path("users", user_id), allow=(404,), expect=dict)
        if response.status == 404:
            return None
        return response.body.get("status") in goal or response.body.get("transitioningToStatus") in goal

    return check


def _post(client, user: dict, operation: str, params=None):
    """POST the lifecycle operation, read back after a transient failure (`reached`)."""
    return client.request(
        "POST",
        client.path("users", user["id"], "lifecycle", operation),
        params=params,
        check=reached(client, user["id"], operation),
    ).body


def change(client, user: dict, operation: str, log=None, params=None):
    """Apply a lifecycle operation unless its outcome already holds: Okta's answer, or None when
    nothing had to be done (or the answer was lost and reading back showed the change applied)."""
    if already(user, operation, log):
        return None
    try:
        return _post(client, user, operation, params)
    except OktaError as exc:
        if _already_by_answer(user, operation, exc, log):
            return None
        raise


def activate(client, user: dict, operation: str, send_email: bool, log=None) -> dict:
    """`operation` "activate" or "reactivate": `{"success": True}`, plus the activation link and
    token when Okta does not email them. Reactivating a user in another status than PROVISIONED or
    RECOVERY is Okta's 403 E0000038, explained with what to run instead."""
    if already(user, operation, log):
        return {"success": True}
    try:
        answer = _post(client, user, operation, {"sendEmail": bool(send_email)})
    except OktaError as exc:
        if _already_by_answer(user, operation, exc, log):
            return {"success": True}
        if operation == "reactivate" and exc.code == WRONG_STATUS:
            raise OktaError(
                exc.cause,
                REACTIVATE_ASSISTANCE % (user["id"], user.get("status")),
                exc.data,
                status=exc.status,
                code=exc.code,
            ) from None
        raise
    output = {"success": True}
    if not send_email:
        answer = answer or {}
        output.update(
            {"activation_url": answer.get("activationUrl"), "activation_token": answer.get("activationToken")}
        )
        if not output["activation_url"] and not output["activation_token"]:
            raise OktaError(
                "Okta %sd user %s but returned no activation link." % (operation, user["id"]),
                "Run Reactivate User to issue a new link, or set send email to true.",
            )
    if log is not None:
        log.info(
            "%s user %s (status was %s); %s.",
            "Activated" if operation == "activate" else "Reactivated",
            user["id"],
            user.get("status"),
            "Okta emails the activation link" if send_email else "the activation link is in the output",
        )
    return output


# -- sessions --------------------------------------------------------------------------------------
def revoke_sessions(client, user: dict, log=None, oauth_tokens=None, forget_devices=None) -> None:
    params = {}
    if oauth_tokens is not None:
        params["oauthTokens"] = bool(oauth_tokens)
    if forget_devices is not None:
        params["forgetDevices"] = bool(forget_devices)
    client.delete(client.path("users", user["id"], "sessions"), params=params or None)
    if log is not None:
        log.info(
            "Cleared the sessions of user %s%s.", user["id"], " and revoked its OAuth tokens" if oauth_tokens else ""
        )


def revoke_sessions_after(client, user: dict, done: str, log=None) -> None:
    """Clear sessions after a change that already happened; a failure says that the change stands."""
    try:
        revoke_sessions(client, user, log)
    except OktaError as exc:
        raise OktaError(
            "%s, but clearing the user's sessions failed: %s" % (done, exc.cause),
            "Run Clear User Sessions for the user. " + exc.assistance,
            exc.data,
            status=exc.status,
            code=exc.code,
        ) from None
