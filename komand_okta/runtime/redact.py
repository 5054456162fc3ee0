"""Keeping secrets out of logs, errors and stdout.

Secrets are collected from the message before anything runs: every string in the connection
under a credential field, and every string in the input under a key that names a secret
(password, secret, token, answer, private key). Each log line and error text is scrubbed of
them; an action that exists to return a secret puts it only in its output field.
"""

import re

SECRET_KEY = re.compile(r"password|secret|token|answer|private_?key|assertion", re.IGNORECASE)
CREDENTIAL_TYPES = ("credential_", "password")
MASK = "********"
MIN_SECRET_LENGTH = 4  # shorter strings would mangle ordinary text and are not real secrets


class Redactor:
    """Replaces every registered secret with a mask."""

    def __init__(self):
        self._secrets = set()
        self._longest_first = []

    def add(self, value) -> None:
        if isinstance(value, str) and len(value) >= MIN_SECRET_LENGTH and value not in self._secrets:
            self._secrets.add(value)
            self._longest_first = sorted(self._secrets, key=len, reverse=True)

    def add_tree(self, value) -> None:
        """Register every string inside a value (a credential object, a password object)."""
        if isinstance(value, dict):
            for item in value.values():
                self.add_tree(item)
        elif isinstance(value, list):
            for item in value:
                self.add_tree(item)
        else:
            self.add(value)

    def add_message(self, connection: dict, connection_fields: dict, params: dict) -> None:
        for key, field in (connection_fields or {}).items():
            if str(field.get("type", "")).startswith(CREDENTIAL_TYPES):
                self.add_tree((connection or {}).get(key))
        self._add_named_secrets(params)

    def _add_named_secrets(self, value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if SECRET_KEY.search(str(key)):
                    self.add_tree(item)
                else:
                    self._add_named_secrets(item)
        elif isinstance(value, list):
            for item in value:
                self._add_named_secrets(item)

    def __call__(self, text: str) -> str:
        for secret in self._longest_first:
            if secret in text:
                text = text.replace(secret, MASK)
        return text


def connection_masked(envelope: dict, message, connection_fields: dict) -> dict:
    """The envelope with the connection's credentials masked everywhere (log, output, error).

    A hostile or broken endpoint could echo the Authorization header back, and raw_request
    returns what it answered: no output may carry the connection's own secret, in any mode.
    Only the strings that hold a secret are replaced, in place: an output of 25,000 groups is
    walked, not copied.
    """
    redact = Redactor()
    body = message.get("body") if isinstance(message, dict) else None
    if isinstance(body, dict) and isinstance(body.get("connection"), dict):
        redact.add_message(body["connection"], connection_fields, {})
    if redact._secrets:
        _mask_in_place(envelope, redact)
    return envelope


def _mask_in_place(value, redact: Redactor) -> None:
    """Mask every string (member names included) inside a dict or list that holds a secret."""
    if isinstance(value, dict):
        for key in list(value):
            item = value[key]
            if isinstance(item, str):
                value[key] = redact(item)
            else:
                _mask_in_place(item, redact)
            if isinstance(key, str) and redact(key) != key:
                value[redact(key)] = value.pop(key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                value[index] = redact(item)
            else:
                _mask_in_place(item, redact)
