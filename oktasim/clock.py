"""A controllable clock: real time plus an offset that ``/__sim/clock`` moves.

Why: rate-limit windows, push-transaction expiry, log queries and every
timestamp the simulator writes must be testable without real sleeps.
"""

import calendar
import re
import threading
import time

_ISO_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)


class Clock:
    """Time source for the whole simulator (epoch seconds, float)."""

    def __init__(self, offset: float = 0.0, frozen_at: float | None = None):
        self._offset = offset
        self._frozen = frozen_at
        self._lock = threading.Lock()

    def now(self) -> float:
        if self._frozen is not None:
            return self._frozen
        return time.time() + self._offset

    def advance(self, seconds: float) -> float:
        with self._lock:
            if self._frozen is not None:
                self._frozen += seconds
            else:
                self._offset += seconds
        return self.now()

    def set(self, epoch: float) -> float:
        with self._lock:
            if self._frozen is not None:
                self._frozen = epoch
            else:
                self._offset = epoch - time.time()
        return self.now()

    def freeze(self, frozen: bool = True) -> None:
        with self._lock:
            if frozen and self._frozen is None:
                self._frozen = time.time() + self._offset
            elif not frozen and self._frozen is not None:
                self._offset = self._frozen - time.time()
                self._frozen = None

    @property
    def frozen(self) -> bool:
        return self._frozen is not None

    def iso(self, t: float | None = None) -> str:
        return iso(self.now() if t is None else t)


def iso(t: float) -> str:
    """Okta's timestamp format: ISO-8601 UTC with milliseconds."""
    ms = int(round(t * 1000))
    secs, milli = divmod(ms, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(secs)) + ".%03dZ" % milli


def parse_iso(value: str) -> float:
    """Parse an ISO-8601 timestamp (Z or offset, optional fraction) to epoch secs."""
    m = _ISO_RE.match(value.strip())
    if not m:
        raise ValueError(f"not an ISO-8601 timestamp: {value!r}")
    y, mo, d, h, mi, s, frac, tz = m.groups()
    t = calendar.timegm((int(y), int(mo), int(d), int(h), int(mi), int(s), 0, 0, 0))
    if frac:
        t += int(frac) / (10 ** len(frac))
    if tz and tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        digits = tz[1:].replace(":", "")
        t -= sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)
    return t


def http_date(t: float) -> str:
    return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(t))
