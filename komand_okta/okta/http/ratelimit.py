"""Staying inside Okta's rate limits using only what Okta says in its response headers.

Every answer carries `X-Rate-Limit-Remaining` and `-Reset` (epoch seconds, by Okta's clock) for
the bucket the request counted against. A window whose last request was spent (Remaining 0) is
waited out before the next request to that bucket, instead of spending a 429. (Spreading a
window's last requests until its reset was measured too: it made a lone job up to half a window
slower and was not needed to keep several processes sharing a limit free of 429s; see bench/.)

Reset is Okta's clock and `Date` has whole-second resolution (it rounds down), so the server's
time is estimated from the most advanced `Date` seen so far relative to our clock; pacing adds
only a little jitter (a 429 retry keeps its own, larger jitter in the client).
"""
from email.utils import parsedate_to_datetime

PACE_JITTER = 0.1   # seconds of jitter at most when waiting for a window we saw spent


class RateWindows:
    """Per-bucket knowledge of Okta's rate-limit windows, shared by every step of a connection."""

    def __init__(self, clock, jitter):
        self.clock, self.jitter = clock, jitter
        self.skew = None      # estimated Okta clock minus our clock, in seconds
        self.windows = {}     # bucket -> Okta epoch second its spent window resets

    def observe(self, bucket: str, headers) -> None:
        """Learn from an answer that Okta counted (any status but 429)."""
        self._learn_clock(headers.get("Date"))
        try:
            remaining, reset = int(headers["X-Rate-Limit-Remaining"]), float(headers["X-Rate-Limit-Reset"])
        except (KeyError, TypeError, ValueError):
            return
        if remaining <= 0:
            self.windows[bucket] = reset
        else:
            self.windows.pop(bucket, None)

    def wait_before(self, bucket: str) -> float:
        """Seconds to wait before the next request to `bucket` (0 when it can go now)."""
        reset = self.windows.pop(bucket, None)  # the next answer tells the new window's state
        if reset is None:
            return 0.0
        left = reset - self.server_now()
        return left + PACE_JITTER * self.jitter() if left > 0 else 0.0

    def server_now(self) -> float:
        return self.clock.now() + (self.skew or 0.0)

    def _learn_clock(self, date) -> None:
        try:
            offset = parsedate_to_datetime(date).timestamp() - self.clock.now()
        except (TypeError, ValueError):
            return
        if self.skew is None or offset > self.skew:
            self.skew = offset
