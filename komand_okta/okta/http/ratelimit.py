"""Staying inside Okta's rate limits using only what Okta says in its response headers.

Every answer carries `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` (epoch seconds, by Okta's
clock) for the bucket the request counted against. Each bucket's window is kept as a `Window`:
which one it is (its Reset), when it ends on this machine's clock, and how many requests are left
in it. A request takes one from the window before it is sent; a window with none left is waited
out until it ends, instead of spending a 429. A 429 (or a concurrency refusal) says the same as
Remaining 0.

A window is shared with the other processes using the same credential on the same org (CLI runs
are one process per action; web mode has several workers) through a `WindowFile`, so a new
process starts paced rather than learning the window from a 429. The file is used only while a
window is nearly spent (`Window.tight`): with plenty left, pacing stays in memory and costs
nothing, and every process learns from its own answers (each counts everybody's requests). While
tight, every request is reserved in the file before it is sent, so concurrent processes never
together send more than the window has left; an answer never gives back what others reserved.

When a window ends. Reset is Okta's clock and `Date` has whole-second resolution (it rounds
down), so Okta's time is estimated from the most advanced `Date` seen, and a window's end is kept
on our clock (other processes on this machine read it without knowing Okta's). Reset itself is
rounded up to a whole second, which alone would cost up to a second per window. When an answer
shows that its request opened the window (Remaining is Limit - 1), the window is taken to last the
whole seconds from that request to Reset, counted from when the answer came: never earlier than
the real end when windows start at their first request and last whole seconds. If that reading is
ever wrong (a 429 comes), every process sharing the bucket waits for the full Reset from then on
(`Window.whole`, kept in the file with the window).
"""

import math
import threading
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime

PACE_JITTER = 0.05  # seconds of jitter at most when waiting for a window we saw spent
TIGHT_MIN = 10  # a window with this many requests left or fewer is shared request by request...
TIGHT_SHARE = 0.1  # ...or with this share of its limit left, whichever is more
FRESH_WAIT = 0.25  # seconds to wait for the first answer of a window others began and spent
FRESH_GRACE = 5.0  # a window begun this long ago without any answer is treated as unknown


@dataclass(frozen=True)
class Window:
    """One bucket's rate-limit window."""

    reset: int | None  # Okta's Reset for it; None: begun by a request after window `after`, no answer yet
    end: float | None  # epoch second (our clock) it ends
    left: int  # requests left in it, as far as every process sharing it knows
    limit: int
    since: float  # our clock when it was last learned or begun
    after: int = 0  # for a window begun by a request: the Reset of the window before it
    opened: tuple | None = None  # (sent, answered) on our clock, when this process's request opened it
    whole: bool = True  # windows of this bucket start at their first request and last whole seconds (no 429 said not)

    def tight(self) -> bool:
        return self.left <= max(TIGHT_MIN, int(self.limit * TIGHT_SHARE))


def take(window: Window | None, now: float):
    """(seconds to wait, the window after taking one request from it). Wait 0: the request may
    go now and was counted; more: nothing was taken, ask again after waiting."""
    if window is None:
        return 0.0, None
    if window.reset is None:
        if now - window.since > FRESH_GRACE:
            return 0.0, None
        if window.left > 0:
            return 0.0, replace(window, left=window.left - 1)
        return FRESH_WAIT, window
    if now >= window.end:  # the window is over: this request begins the next one (of the same limit, if known)
        if window.limit <= 0:
            return 0.0, None
        return 0.0, Window(None, None, window.limit - 1, window.limit, now, after=window.reset, whole=window.whole)
    if window.left > 0:
        return 0.0, replace(window, left=window.left - 1)
    return window.end - now, window


def merge(a: Window | None, b: Window | None) -> Window | None:
    """What is known of a bucket's window from two accounts of it (an answer, this process, the file).
    A 429 seen by anyone (`whole` False) stays known."""
    if a is None or b is None:
        return a or b
    return replace(_merged(a, b), whole=a.whole and b.whole)


def _merged(a: Window, b: Window) -> Window:
    if a.reset is None and b.reset is None:
        return a if (a.after, -a.left) >= (b.after, -b.left) else b
    if a.reset is None or b.reset is None:
        begun, answered = (a, b) if a.reset is None else (b, a)
        if answered.reset <= begun.after:  # an answer from the window before
            return begun
        return replace(answered, left=min(begun.left, answered.left))  # its first answer: reservations stay
    if a.reset != b.reset:
        return a if a.reset > b.reset else b
    # the same window: requests counted by anyone stay counted; every end estimate is safe, so the earliest
    return replace(
        a, end=min(a.end, b.end), left=min(a.left, b.left), since=max(a.since, b.since), opened=a.opened or b.opened
    )


class RateWindows:
    """Per-bucket knowledge of Okta's rate-limit windows, shared by every step of a connection
    (threads in web mode) and, through `shared` (a `WindowFile`), with other processes."""

    def __init__(self, clock, jitter, shared=None):
        self.clock, self.jitter, self.shared = clock, jitter, shared
        self.skew = None  # estimated Okta clock minus our clock, in seconds
        self.windows = {}  # bucket -> Window
        self._lock = threading.Lock()

    def observe(self, bucket: str, headers, status: int = 200, sent_at: float | None = None) -> None:
        """Learn from an answer (any status; a 429 says the window is spent) to a request sent at
        `sent_at` (our clock)."""
        self._learn_clock(headers.get("Date"))
        try:
            reset = int(float(headers["X-Rate-Limit-Reset"]))
            remaining = 0 if status == 429 else max(0, int(headers["X-Rate-Limit-Remaining"]))
            limit = int(headers.get("X-Rate-Limit-Limit") or 0)
        except (KeyError, TypeError, ValueError):
            return
        if limit <= 0:  # a concurrency refusal (Limit 0) says nothing of the window's size: keep what is known
            limit = self.windows[bucket].limit if self.windows.get(bucket) is not None else 0
        limit = max(limit, remaining)
        now = self.clock.now()
        opened = (sent_at, now) if sent_at is not None and remaining == limit - 1 and status != 429 else None
        seen = Window(reset, reset - (self.skew or 0.0), remaining, limit, now, opened=opened, whole=status != 429)
        with self._lock:
            known = self.windows.get(bucket)
            if self.shared is not None and (seen.tight() or (known is not None and known.tight())):
                self.windows[bucket] = self.shared.update(
                    bucket, lambda stored: self._ending(merge(merge(stored, known), seen)), now
                )
            else:
                self.windows[bucket] = self._ending(merge(known, seen))

    def wait_before(self, bucket: str) -> float:
        """Seconds to wait before the next request to `bucket`; 0 when it may go now (and is counted)."""
        now = self.clock.now()
        with self._lock:
            known = self.windows.get(bucket)
            if self.shared is not None and (known is None or known.tight()):
                outcome = {}

                def step(stored):
                    outcome["wait"], after = take(merge(stored, known), now)
                    return after

                self.windows[bucket] = self.shared.update(bucket, step, now)
                wait = outcome["wait"]
            else:
                wait, self.windows[bucket] = take(known, now)
        return wait + PACE_JITTER * self.jitter() if wait > 0 else 0.0

    def _ending(self, window: Window | None) -> Window | None:
        """The window with its end estimated from the request that opened it, with the best clock
        estimate so far: the whole seconds from sending it to Reset, counted from its answer."""
        if window is None or window.opened is None or window.reset is None or not window.whole:
            return window
        sent, answered = window.opened
        return replace(window, end=min(window.end, answered + math.floor(window.reset - (sent + (self.skew or 0.0)))))

    def server_now(self) -> float:
        return self.clock.now() + (self.skew or 0.0)

    def _learn_clock(self, date) -> None:
        try:
            offset = parsedate_to_datetime(date).timestamp() - self.clock.now()
        except (TypeError, ValueError):
            return
        if self.skew is None or offset > self.skew:
            self.skew = offset
