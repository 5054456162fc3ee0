"""Passwords an admin sets, and the random characters that make each one in a batch different.

The runtime masks the secrets it was given as input, but not a password built here (input plus
generated characters), nor the JSON-escaped form of a password inside Okta's error body. So an
error from setting a password is rebuilt with every form of the password masked: Okta's causes
stay (they say what the policy wants), the password never appears in any error text.
"""

import json
import secrets
import string

from .http.errors import OktaError

MAX_RANDOM_CHARACTERS = 64  # the spec bounds append_random_characters to this
# letters, digits and symbols that need no quoting in JSON, URLs' query values or a POSIX shell
SYMBOLS = "-_.@+"
CLASSES = (string.ascii_lowercase, string.ascii_uppercase, string.digits, SYMBOLS)
ALPHABET = "".join(CLASSES)
MASK = "********"
MIN_MASKED = 4  # shorter strings would mangle ordinary text
POLICY_CODES = {"E0000080"}  # the password does not meet the policy
POLICY_ASSISTANCE = (
    "The password does not satisfy the user's password policy (length, character classes, "
    "history, or parts of the user's name); Okta's reasons are named above. Choose another "
    "password and try again."
)


def random_characters(count: int) -> str:
    """`count` characters from `secrets`; from 4 on, at least one of each class."""
    chosen = [secrets.choice(ALPHABET) for _ in range(count)]
    if count >= len(CLASSES):
        chosen[: len(CLASSES)] = [secrets.choice(chars) for chars in CLASSES]
        secrets.SystemRandom().shuffle(chosen)
    return "".join(chosen)


def set_password(client, user: dict, value: str, also_hide=()) -> dict:
    """`POST /users/{id}` with only the password: a partial update that keeps the profile."""
    try:
        return client.post(client.path("users", user["id"]), json={"credentials": {"password": {"value": value}}})
    except OktaError as exc:
        raise _masked(exc, (value,) + tuple(also_hide)) from None


def _masked(exc: OktaError, hidden) -> OktaError:
    forms = set()
    for secret in hidden:
        if isinstance(secret, str) and len(secret) >= MIN_MASKED:
            forms.update({secret, json.dumps(secret)[1:-1]})
    ordered = sorted(forms, key=len, reverse=True)

    def mask(text):
        for form in ordered:
            text = text.replace(form, MASK)
        return text

    policy = exc.code in POLICY_CODES or (exc.status == 400 and "password" in exc.cause.lower())
    assistance = POLICY_ASSISTANCE if policy else exc.assistance
    return OktaError(mask(exc.cause), mask(assistance), mask(exc.data), status=exc.status, code=exc.code)
