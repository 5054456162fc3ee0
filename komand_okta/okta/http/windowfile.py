"""The rate-limit windows a credential has on an org, in a small file every process on this machine shares.

Why a file: in CLI mode each action is a new process, and web mode runs several workers, so what
one process learnt from Okta's rate-limit headers is lost to the next, which would learn the
window again from a 429. The file keeps the last-known window per org, endpoint bucket and
credential; the credential is kept only as a hash, so the file holds no secret.

Concurrent processes share it safely: every read-modify-write holds an exclusive `fcntl` lock
on a lock file beside it, and the new content replaces the file atomically (write a temporary
file, then rename), so a reader never sees half a file. The file is a cache: when it cannot be
read or written (no state directory, a read-only disk, a damaged file) pacing goes on from what
this process knows, and a window that ended an hour ago is dropped.
"""

import fcntl
import hashlib
import json
import os
from pathlib import Path

from .ratelimit import Window

FORGET_AFTER = 3600.0  # seconds after its end (or last news) a window is dropped from the file
FURTHEST = 3600.0  # an end further ahead than this is not a real window: ignored


def credential_hash(credential: str) -> str:
    """A stable name for a credential that does not reveal it."""
    return hashlib.sha256(credential.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class WindowFile:
    """The shared windows of one credential on one org (`scope`), stored at `path`."""

    def __init__(self, path, org: str, credential: str):
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.scope = "%s %s" % (org.rstrip("/"), credential_hash(credential))
        self.broken = False

    def update(self, bucket: str, change, now: float):
        """Apply `change(window or None) -> window or None` to the bucket's stored window under the
        lock, store the result, and return it. Without a usable file: `change(None)`."""
        if self.broken:
            return change(None)
        key = "%s %s" % (self.scope, bucket)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            self.broken = True
            return change(None)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            stored = self._read()
            before = _window(stored.get(key), now)
            after = change(before)
            if after != before:
                if after is None:
                    stored.pop(key, None)
                else:
                    stored[key] = [
                        after.reset,
                        after.end,
                        after.left,
                        after.limit,
                        after.since,
                        after.after,
                        after.whole,
                    ]
                self._write({k: v for k, v in stored.items() if _window(v, now) is not None})
            return after
        except OSError:
            self.broken = True
            return change(None)
        finally:
            os.close(handle)  # releases the lock

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}  # damaged: start afresh
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict) -> None:
        partial = self.path.with_name("%s.%d.tmp" % (self.path.name, os.getpid()))
        with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            json.dump(data, out, separators=(",", ":"))
        os.replace(partial, self.path)


def _window(value, now: float):
    """The stored `[reset, end, left, limit, since, after, whole]` as a Window, or None when it is stale
    or not one."""
    try:
        reset, end, left, limit, since, after, whole = value
        if (reset is None) != (end is None):
            return None
        window = Window(
            None if reset is None else int(reset),
            None if end is None else float(end),
            int(left),
            int(limit),
            float(since),
            int(after),
            whole=whole is not False,
        )
    except (TypeError, ValueError):
        return None
    latest = window.since if window.end is None else window.end
    if latest < now - FORGET_AFTER or latest > now + FURTHEST:
        return None
    return window
