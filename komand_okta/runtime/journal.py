"""A durable queue: records are on disk (fsync) before their sender is told they were accepted.

Why: a push source such as an Okta event hook does not send again after a 2xx, so a record held
only in memory between "accepted" and "emitted" is lost by a restart. The receiver appends to the
journal and answers 2xx only when `append` returned True.

Format: one JSON line per record, `{"seq": n, "key": k, "record": …}`. `seq` grows by one per
record, also across restarts; `key` (or null) lets the caller de-duplicate.

Acknowledging: the step emits records in `seq` order and saves the last emitted `seq` in its
state once they were delivered; at its next poll it calls `acknowledge(seq)` with that saved value
and the records up to it are dropped. Compaction: when nothing is left the file is truncated;
when the acknowledged records take more than half the file (and at least COMPACT_BYTES) the
pending ones are rewritten to a new file that replaces the old one atomically. On start, `open`
reads the file back, drops what the saved state acknowledged and lines that do not parse (a
write cut short by a crash, which was never acknowledged to the sender), and rewrites it.

Bound: at most MAX_RECORDS pending records and a file of at most MAX_BYTES. An append beyond
either bound, or one the disk refuses (full, read-only, I/O error), returns False and leaves the
file as it was (a partial write is truncated away): the receiver then answers 5xx so that the
sender retries later rather than believing the records were kept.

Without a path the queue lives in memory only (no trigger id: nothing survives a restart anyway).
Not thread-safe: the caller serialises its calls.
"""

import contextlib
import json
import os
from collections import deque
from itertools import islice
from pathlib import Path

from .state import fsync_directory

MAX_RECORDS = 10000
MAX_BYTES = 64 * 1024 * 1024
COMPACT_BYTES = 1024 * 1024


class Journal:
    def __init__(self, path=None):
        self.path = Path(path) if path else None
        self._entries = deque()  # (seq, key, line) pending, in seq order
        self._keys = set()  # keys of the pending entries
        self._next = 1
        self._pending_bytes = 0
        self._size = 0  # bytes in the file, acknowledged entries included
        self._fd = None

    # -- life cycle ------------------------------------------------------------------------
    def open(self, acknowledged: int) -> "Journal":
        """Load what an earlier run accepted and has not been acknowledged; start appending."""
        last = acknowledged
        if self.path and self.path.exists():
            for line in self.path.read_bytes().splitlines(keepends=True):
                entry = _parsed(line)
                if entry is None:
                    continue
                last = max(last, entry[0])
                if entry[0] > acknowledged:
                    self._add(*entry, line if line.endswith(b"\n") else line + b"\n")
        self._next = last + 1
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._rewrite()
        return self

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    # -- the queue ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key) -> bool:
        return key in self._keys

    def append(self, items) -> bool:
        """Keep `items` ((key, record) pairs) durably, all or none; False when they cannot be kept."""
        if len(self._entries) + len(items) > MAX_RECORDS:
            return False
        seq, lines = self._next, []
        for key, record in items:
            lines.append((seq, key, (json.dumps({"seq": seq, "key": key, "record": record}) + "\n").encode()))
            seq += 1
        data = b"".join(line for _, _, line in lines)
        if self._size + len(data) > MAX_BYTES:
            return False
        if self.path and not self._write(data):
            return False
        self._size += len(data)
        self._next = seq
        for entry in lines:
            self._add(*entry)
        return True

    def pending(self, limit: int) -> list:
        """The oldest `limit` pending (seq, key, record), not yet acknowledged."""
        return [(seq, key, json.loads(line)["record"]) for seq, key, line in islice(self._entries, limit)]

    def acknowledge(self, seq: int) -> bool:
        """Records up to `seq` were delivered and the state saying so was saved: drop them.

        False when the compaction this called for failed (the disk): the records are dropped all
        the same, the file keeps them until a later compaction succeeds, and the bound counts them.
        """
        while self._entries and self._entries[0][0] <= seq:
            _, key, line = self._entries.popleft()
            self._keys.discard(key)
            self._pending_bytes -= len(line)
        if not self.path:
            self._size = self._pending_bytes
            return True
        acknowledged = self._size - self._pending_bytes
        if acknowledged and (
            not self._entries or (acknowledged >= COMPACT_BYTES and acknowledged > self._pending_bytes)
        ):
            try:
                self._rewrite()
            except OSError:
                return False
        return True

    # -- the file ------------------------------------------------------------------------------
    def _add(self, seq, key, line) -> None:
        self._entries.append((seq, key, line))
        self._pending_bytes += len(line)
        if key is not None:
            self._keys.add(key)

    def _write(self, data: bytes) -> bool:
        if self._fd is None:  # a compaction replaced the file and could not reopen it
            return False
        try:
            written = 0
            while written < len(data):
                written += os.write(self._fd, data[written:])
            os.fsync(self._fd)
            return True
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)
            return False

    def _rewrite(self) -> None:
        """The pending entries alone, in a new file renamed over the old one (durably)."""
        data = b"".join(line for _, _, line in self._entries)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)
        self.close()  # appends must go to the new file from here on
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        self._size = len(data)
        fsync_directory(self.path.parent)


def _parsed(line: bytes):
    """(seq, key) of a journal line, or None for a line that is not one (a torn last write)."""
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or "record" not in entry:
        return None
    seq, key = entry.get("seq"), entry.get("key")
    if not isinstance(seq, int) or isinstance(seq, bool) or not (key is None or isinstance(key, str)):
        return None
    return seq, key
