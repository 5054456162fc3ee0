"""Staying inside Okta's rate limits using only what Okta says in its response headers.

Every answer carries `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` (epoch seconds, by Okta's
clock) for the bucket the request counted against. From them:

- a window whose last request was spent (Remaining 0) is waited out before the next request to
  that bucket, instead of spending a 429;
- the last few requests of a window (Remaining below ~10% of the limit) are spread evenly until
  its reset, so several processes sharing one limit slow down together rather than race for the
  last slots and collect 429s.

Reset is Okta's clock and `Date` has whole-second resolution (it rounds down), so the server's
time is estimated from the most advanced `Date` seen so far relative to our clock; pacing adds
only a little jitter (a 429 retry keeps its own, larger jitter in the client).
"""
import math
from email.utils import parsedate_to_datetime

PACE_JITTER = 0.1   # seconds of jitter at most when waiting for a window we saw spent
SPREAD_SHARE = 0.1  # spread the last 10% of a window's requests (at least the last 2)


class RateWindows:
    """Per-bucket knowledge of Okta's rate-limit windows, shared by every step of a connection."""

    def __init__(self, clock, jitter):
        self.clock, self.jitter = clock, jitter
        self.skew = None      # estimated Okta clock minus our clock, in seconds
        self.windows = {}     # bucket -> [remaining, reset (Okta epoch seconds), limit]

    def observe(self, bucket: str, headers) -> None:
        """Learn from an answer that Okta counted (any status but 429)."""
        self._learn_clock(headers.get("Date"))
        try:
            remaining, reset = int(headers["X-Rate-Limit-Remaining"]), float(headers["X-Rate-Limit-Reset"])
            limit = int(headers.get("X-Rate-Limit-Limit") or 0)
        except (KeyError, TypeError, ValueError):
            return
        self.windows[bucket] = [remaining, reset, limit]

    def wait_before(self, bucket: str) -> float:
        """Seconds to wait before the next request to `bucket` (0 when it can go now)."""
        window = self.windows.get(bucket)
        if window is None:
            return 0.0
        remaining, reset, limit = window
        left = reset - self.server_now()
        if left <= 0:
            del self.windows[bucket]
            return 0.0
        if remaining <= 0:
            del self.windows[bucket]  # the next answer tells the new window's state
            return left + PACE_JITTER * self.jitter()
        if remaining < max(2, math.ceil(SPREAD_SHARE * limit)):
            window[0] = remaining - 1  # our own request spends one; the next answer corrects it
            return left / (remaining + 1)
        return 0.0

    def server_now(self) -> float:
        return self.clock.now() + (self.skew or 0.0)

    def _learn_clock(self, date) -> None:
        try:
            offset = parsedate_to_datetime(date).timestamp() - self.clock.now()
        except (TypeError, ValueError):
            return
        if self.skew is None or offset > self.skew:
            self.skew = offset
