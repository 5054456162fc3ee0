"""Okta-shaped object ids, deterministic from the seed.

Why: real ids are 20 characters with a per-kind prefix (00u, 00g, 0oa, nzo...).
Ours are prefix + a base62 counter (so ids sort in creation order, which keeps
``after`` cursors stable) + seeded random characters + a cell suffix.
"""

import random
import threading

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"  # ASCII order

PREFIXES = {
    "user": "00u",
    "group": "00g",
    "app": "0oa",
    "zone": "nzo",
    "hook": "who",
    "usertype": "oty",
    "realm": "guo",
    "policy": "00p",
    "role": "ra1",
    "custom_role": "irb",
    "push": "opf",
    "sms": "sms",
    "totp": "ost",
    "question": "ufs",
    "email": "emf",
    "call": "clf",
    "google": "uft",
    "idp": "0oa",
    "rule": "0pr",
    "transaction": "v2m",
    "schema": "osc",
    "org": "00o",
    "token": "00T",
}


def b62(n: int, width: int) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 62)
        out.append(ALPHABET[r])
    return "".join(reversed(out))


class IdGen:
    """Thread-safe id factory; same seed, same sequence of ids."""

    def __init__(self, seed: int = 0, suffix: str = "1d7"):
        self._rng = random.Random(seed)
        self._counter = 0
        self._suffix = suffix
        self._lock = threading.Lock()

    def new(self, kind: str) -> str:
        prefix = PREFIXES.get(kind, kind[:3])
        with self._lock:
            self._counter += 1
            n = self._counter
            rnd = b62(self._rng.getrandbits(47), 8)
        return prefix + b62(n, 6) + rnd + self._suffix

    def token(self, length: int = 20) -> str:
        with self._lock:
            return "".join(self._rng.choice(ALPHABET) for _ in range(length))

    @property
    def counter(self) -> int:
        return self._counter

    def bump(self, n: int) -> None:
        with self._lock:
            self._counter = max(self._counter, n)
