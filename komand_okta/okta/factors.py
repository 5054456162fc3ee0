"""A user's MFA factors, and pushing an Okta Verify challenge to one and waiting for the answer.

Okta's list of a user's factors holds the enrolled ones (active or still pending activation);
a factor reported as NOT_SETUP is only offered, not enrolled, so it is left out.

The flow (api_facts §9): POST `…/factors/{fid}/verify` answers 201 WAITING with a `poll`
link; GET that link until the result is final: the verify and one poll per wait, nothing else.
A factor is read before it is pushed to only when its ID does not already say it is an Okta
Verify push factor (`is_push_id`: Okta's push factor IDs start with `opf`, as every example in
its spec shows, while SMS, call, email and TOTP factors carry other prefixes): verifying an SMS
or call factor would text or call the user, so any other ID is checked first. A 404 names what
Okta does not know: the user (`names_the_user`) or the factor. The POST is sent exactly once: a repeated POST
would buzz the user's phone twice, so it uses the client's default for POST (retried only when
the connection provably never opened, or on 429, which Okta did not apply).

Waiting is bounded twice: by our own `timeout` (60 s unless the caller says otherwise, at most
300 s, about the life of Okta's push transaction) and by Okta's `expiresAt` for the transaction,
so an action never outlives a challenge that can no longer be answered. Polling stops at the
first final result. All waiting goes through the clock, so tests simulate minutes instantly.

Number matching splits the flow in two, because a person sits between the halves: the analyst
must tell the user, out of band (a phone call, a chat), which number to tap in Okta Verify, so a
user who approves pushes by habit, or an attacker's push, cannot pass. `challenge_push` sends the
verify with `useNumberMatchingChallenge` and returns at once with the transaction and Okta's
`correctAnswer`; `await_push` later polls that transaction (first at once, then every few
seconds) to a verdict, or reports it still WAITING when its own wait ends first, so a playbook
can wait again while Okta's challenge lives.
"""

import re
from urllib.parse import unquote, urlsplit

from .http.errors import ClientError, OktaError
from .timestamps import parse_time

NOT_ENROLLED = {"NOT_SETUP"}
FINAL_WAITING = "WAITING"
DEFAULT_TIMEOUT = 60  # the action's default (spec 4.1.0); the caller may wait longer
MAX_TIMEOUT = 300  # Okta's push transactions expire after about five minutes anyway
DEFAULT_INTERVAL = 3  # api_facts §9: 2-5 s is reasonable; Okta gives no interval
PUSH_TYPES = ("push",)
PUSH_FACTOR_ID = re.compile(r"^opf[0-9A-Za-z]{17}$")

# Okta error codes a verify can answer with, and what the analyst should do about each.
VERIFY_ASSISTANCE = {
    "E0000073": "The user rejected the push challenge on their device.",
    "E0000068": "Okta rejected the verification; the factor may be locked or the answer was wrong.",
    "E0000069": "The user is locked out of MFA after too many failed attempts; unlock them in Okta first.",
}


def list_factors(client, user_id: str) -> list:
    """Every factor Okta lists for the user (GET /users/{id}/factors; not paged)."""
    return client.get(client.path("users", user_id, "factors")) or []


def enrolled_factors(client, user_id: str) -> list:
    return [factor for factor in list_factors(client, user_id) if factor.get("status") not in NOT_ENROLLED]


def get_factor(client, user_id: str, factor_id: str) -> dict:
    """The user's factor, or an error naming it when Okta does not know it (Okta's own 404, which
    `names_the_user`, when it does not know the user)."""
    response = client.request("GET", client.path("users", user_id, "factors", factor_id), allow=(404,))
    if response.status == 404:
        error = unknown_factor(user_id, factor_id)
        error.response = response  # Okta's answer says whether it is the user it does not know
        raise error
    return response.body or {}


def unknown_factor(user_id: str, factor_id: str) -> OktaError:
    return OktaError(
        "The Okta user %s has no factor %s." % (user_id, factor_id),
        "Run Get Okta User Factors for this user and use the ID of their active push factor.",
        status=404,
    )


def is_push_id(factor_id: str) -> bool:
    """Whether the factor ID is an Okta Verify push factor's (so it can be pushed to without reading it)."""
    return bool(PUSH_FACTOR_ID.match(factor_id or ""))


def names_the_user(exc: OktaError) -> bool:
    """Whether Okta's 404 says it does not know the user (`… (User)`), not one of their factors."""
    body = exc.response.body if exc.status == 404 and exc.response is not None else None
    return isinstance(body, dict) and str(body.get("errorSummary") or "").rstrip().endswith("(User)")


def is_push(factor: dict) -> bool:
    return str(factor.get("factorType", "")) in PUSH_TYPES


def check_push_factor(factor: dict, user_id: str) -> None:
    """Refuse a factor that cannot take a push: verifying an SMS factor would text a code instead."""
    if not is_push(factor):
        raise ClientError(
            "Factor %s of user %s is a %s factor, not a push factor."
            % (factor.get("id"), user_id, factor.get("factorType") or "unknown"),
            "Run Get Okta User Factors and use the ID of the factor whose factorType is push.",
        )
    if factor.get("status") != "ACTIVE":
        raise ClientError(
            "Push factor %s of user %s is %s, not ACTIVE." % (factor.get("id"), user_id, factor.get("status")),
            "The user must finish enrolling Okta Verify before a push can be sent.",
        )


def find_push_factor(client, user_id: str, factor_type: str = "push") -> dict:
    """The user's active factor of `factor_type` (for when the caller does not name one), or an error."""
    factors = list_factors(client, user_id)
    active = [f for f in factors if str(f.get("factorType", "")) == factor_type and f.get("status") == "ACTIVE"]
    if not active:
        raise ClientError(
            "The Okta user %s has no active %s factor." % (user_id, factor_type),
            "The user must enroll Okta Verify with push before a push can be sent.",
        )
    return active[0]


def verify_push(
    client,
    user_id: str,
    factor_id: str,
    clock,
    log,
    timeout: float = DEFAULT_TIMEOUT,
    interval: float = DEFAULT_INTERVAL,
) -> str:
    """Send one push and return Okta's final factorResult (SUCCESS, REJECTED, TIMEOUT, …).

    Returns "TIMEOUT" when our deadline passes while Okta still says WAITING.
    """
    body = _verify(client, user_id, factor_id)
    result = body.get("factorResult")
    if result != FINAL_WAITING:
        return _final(result, body, log)
    poll = ((body.get("_links") or {}).get("poll") or {}).get("href")
    if not poll:
        raise OktaError(
            "Okta accepted the push for user %s but sent no link to poll its result." % user_id,
            "Check the user's device for the challenge; this answer from Okta is unexpected.",
        )

    deadline = clock.monotonic() + timeout
    expires = _epoch(body.get("expiresAt"))
    if expires is not None:
        left = expires - clock.now()
        if left > 0:
            deadline = min(deadline, clock.monotonic() + left)
        else:  # Okta's clock and ours disagree; polling still lets Okta itself say TIMEOUT
            log.warning(
                "The push expires at %s, which is already past by this machine's clock; waiting up to %.0fs instead.",
                body.get("expiresAt"),
                timeout,
            )
    log.info(
        "Push sent to user %s; waiting up to %.0fs for their answer.", user_id, max(0.0, deadline - clock.monotonic())
    )
    while True:
        left = deadline - clock.monotonic()
        if left <= 0:
            log.info("The user did not answer the push in time; reporting TIMEOUT.")
            return "TIMEOUT"
        clock.sleep(min(interval, left))
        body = client.get(poll) or {}
        result = body.get("factorResult")
        if result != FINAL_WAITING:
            return _final(result, body, log)


def _verify(client, user_id: str, factor_id: str, body: dict | None = None, params: dict | None = None) -> dict:
    """POST the factor's verify once (`body` None: a plain push); Okta's answer, its refusals explained."""
    try:
        return (
            client.post(client.path("users", user_id, "factors", factor_id, "verify"), json=body, params=params) or {}
        )
    except OktaError as exc:
        if exc.code in VERIFY_ASSISTANCE:
            raise OktaError(exc.cause, VERIFY_ASSISTANCE[exc.code], exc.data, exc.status, exc.code) from None
        raise


def _final(result, body, log) -> str:
    if not result:
        raise OktaError(
            "Okta's answer to the push has no factorResult.", "This is unexpected from Okta; try again.", body
        )
    log.info("Push result: %s.", result)
    return str(result)


def _epoch(text):
    """Seconds since the epoch for Okta's `2024-01-02T03:04:05.000Z`, or None."""
    try:
        return parse_time(text).timestamp() if isinstance(text, str) else None
    except ValueError:
        return None


# -- number matching -------------------------------------------------------------------------------
def challenge_push(client, user_id: str, factor_id: str, lifetime: int, log) -> dict:
    """Send one number-matching push that lives `lifetime` seconds, and return at once.

    Answers `{transaction_id, correct_answer, expires_at, factor_result}`; correct_answer is None
    (and the log warns) when Okta sent a plain push instead, which the user approves with a tap.
    """
    body = _verify(client, user_id, factor_id, {"useNumberMatchingChallenge": True}, {"tokenLifetimeSeconds": lifetime})
    result = body.get("factorResult")
    poll = ((body.get("_links") or {}).get("poll") or {}).get("href")
    segments = urlsplit(poll).path.rstrip("/").split("/") if isinstance(poll, str) else []
    if result != FINAL_WAITING or len(segments) < 2 or segments[-2] != "transactions":
        raise OktaError(
            "Okta answered the push for user %s with %s and no transaction to poll." % (user_id, result or "no result"),
            "Check the user's device for the challenge; this answer from Okta is unexpected.",
            body,
        )
    answer = ((body.get("_embedded") or {}).get("challenge") or {}).get("correctAnswer")
    if answer is None:
        log.warning(
            "Okta sent the push to user %s without a number to match: the user approves it with a tap, "
            "so it does not prove they are the one answering.",
            user_id,
        )
    else:
        log.info(
            "Number-matching push sent to user %s; the user must pick %s before %s.",
            user_id,
            answer,
            body.get("expiresAt"),
        )
    return {
        "transaction_id": unquote(segments[-1]),
        "correct_answer": answer,
        "expires_at": body.get("expiresAt"),
        "factor_result": result,
    }


def poll_push(client, user_id: str, factor_id: str, transaction_id: str):
    """Okta's answer for the push transaction, or None when Okta has no such transaction."""
    response = client.request(
        "GET",
        client.path("users", user_id, "factors", factor_id, "transactions", transaction_id),
        allow=(404,),
        expect=dict,
    )
    return None if response.status == 404 else response.body


def await_push(
    client,
    user_id: str,
    factor_id: str,
    transaction_id: str,
    clock,
    log,
    timeout: float,
    interval: float = DEFAULT_INTERVAL,
):
    """Poll the transaction at once, then every `interval` seconds, until Okta's verdict or `timeout`.

    Answers Okta's last answer (factorResult WAITING when the wait ended first), or None when Okta
    has no such transaction.
    """
    deadline = clock.monotonic() + timeout
    while True:
        body = poll_push(client, user_id, factor_id, transaction_id)
        if body is None:
            return None
        if body.get("factorResult") != FINAL_WAITING:
            _final(body.get("factorResult"), body, log)  # logged; no result at all is an error
            return body
        left = deadline - clock.monotonic()
        if left <= 0:
            log.info(
                "The user has not answered push %s within %.0fs; it is still WAITING (until %s).",
                transaction_id,
                timeout,
                body.get("expiresAt"),
            )
            return body
        clock.sleep(min(interval, left))
