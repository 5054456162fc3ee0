"""Rate limits: per-bucket windows on the sim clock plus a concurrency limit.

Why: clients must honour X-Rate-Limit-* and 429 E0000047 (api_facts §5).
SPEC: comma-separated ``PATTERN=N/WINDOW`` items plus ``concurrency=N``, e.g.
``/api/v1/users=100/10s,*=600/60s,concurrency=75``.  A pattern may start with
``METHOD `` or ``METHOD:``; without ``*`` it is a path prefix, with ``*`` a glob;
the longest matching pattern wins.  WINDOW is ``<n>s``, ``<n>m`` or ``<n>h``.
Off by default: headers are still sent, from a notional 1,000,000/60 s bucket
that never refuses.
"""

import fnmatch
import math
import re
import threading

OFF_LIMIT = 1_000_000
_ITEM = re.compile(
    r"^\s*(?:(GET|POST|PUT|DELETE|PATCH|HEAD)[ :])?\s*(\S+?)\s*=\s*(\d+)\s*/\s*(\d*)\s*([smh]?)\s*$", re.I
)


class SpecError(ValueError):
    pass


class Bucket:
    __slots__ = ("method", "pattern", "limit", "window", "start", "count", "violated")

    def __init__(self, method, pattern, limit, window):
        self.method = method
        self.pattern = pattern
        self.limit = limit
        self.window = window
        self.start = None
        self.count = 0
        self.violated = False

    def matches(self, method, path) -> bool:
        if self.method and self.method != method:
            return False
        if self.pattern == "*":
            return True
        if "*" in self.pattern or "?" in self.pattern:
            return fnmatch.fnmatchcase(path, self.pattern)
        return path.startswith(self.pattern)

    def describe(self) -> dict:
        return {"method": self.method, "pattern": self.pattern, "limit": self.limit, "window": self.window}


def parse(spec: str):
    buckets, concurrency = [], None
    for item in (spec or "").split(","):
        if not item.strip():
            continue
        if item.strip().lower().startswith("concurrency="):
            try:
                concurrency = int(item.split("=", 1)[1])
            except ValueError:
                raise SpecError(f"bad concurrency item {item!r}") from None
            continue
        m = _ITEM.match(item)
        if not m:
            raise SpecError(f"bad rate-limit item {item!r}")
        method, pattern, n, wn, unit = m.groups()
        secs = int(wn or 1) * {"": 1, "s": 1, "m": 60, "h": 3600}[unit.lower()]
        buckets.append(Bucket(method.upper() if method else None, pattern, int(n), secs))
    buckets.sort(key=lambda b: (b.pattern == "*", -len(b.pattern), b.method is None))
    return buckets, concurrency


class RateLimiter:
    def __init__(self, clock, spec: str | None = None):
        self.clock = clock
        self._lock = threading.Lock()
        self.inflight = 0
        self.configure(spec)

    def configure(self, spec: str | None) -> None:
        buckets, conc = parse(spec) if spec else ([], None)
        with self._lock:
            self.spec = spec or None
            self.buckets = buckets
            self.concurrency = conc
            self._off = Bucket(None, "*", OFF_LIMIT, 60)

    def describe(self) -> dict:
        return {
            "spec": self.spec,
            "buckets": [b.describe() for b in self.buckets],
            "concurrency": self.concurrency,
            "inflight": self.inflight,
        }

    def check(self, method: str, path: str):
        """Count one request.  Returns (allowed, limit, remaining, reset_epoch, bucket)."""
        now = self.clock.now()
        with self._lock:
            bucket = next((b for b in self.buckets if b.matches(method, path)), None)
            enforce = bucket is not None
            if bucket is None:
                bucket = self._off
            if bucket.start is None or now >= bucket.start + bucket.window:
                bucket.start = now
                bucket.count = 0
                bucket.violated = False
            reset = int(math.ceil(bucket.start + bucket.window))
            if enforce and bucket.count >= bucket.limit:
                first = not bucket.violated
                bucket.violated = True
                return False, bucket.limit, 0, reset, (bucket, first)
            bucket.count += 1
            return True, bucket.limit, max(bucket.limit - bucket.count, 0), reset, (bucket, False)

    def enter(self) -> bool:
        """Take a concurrency slot; False when the concurrency limit is reached."""
        with self._lock:
            if self.concurrency is not None and self.inflight >= self.concurrency:
                return False
            self.inflight += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self.inflight -= 1
