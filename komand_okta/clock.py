"""The one place time comes from.

Triggers, push-MFA polling and rate-limit waits all take a clock instead of calling
`time` directly, so tests can run hours of simulated waiting in milliseconds and never flake.
"""

import time


class SystemClock:
    """Real wall-clock time and real sleeping."""

    def now(self) -> float:
        """Seconds since the epoch (wall clock, for comparing with server timestamps)."""
        return time.time()

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for deadlines and elapsed time)."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


class FakeClock:
    """A clock that only moves when something sleeps or a test advances it."""

    def __init__(self, start: float = 1_700_000_000.0):
        self._now = start
        self.sleeps = []

    def now(self) -> float:
        return self._now

    def monotonic(self) -> float:
        return self._now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)

    def advance(self, seconds: float) -> None:
        self._now += max(0.0, seconds)
