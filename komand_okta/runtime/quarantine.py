"""Quarantine: an event that cannot be emitted is set aside, so it never stops the ones after it.

A trigger that refused a whole poll because one event broke the output schema would refuse the
same poll forever (its state is saved only after a poll) and lose every later event. Instead each
event is checked on its own: one that fails the spec, or is not valid JSON (NaN, nesting too deep
to encode), is logged with its id and the reason and appended to a dead-letter file, JSON lines
beside the step's state, where an operator can read it and replay it; the rest are emitted and
the state moves on.

The dead-letter file is synced on every write and bounded: past MAX_BYTES it is renamed to
`<name>.1` (replacing an older one) and a new one is started, so a defect that quarantines
every event cannot fill the disk. When the file cannot be written (no trigger id, disk full,
read-only folder), the whole event goes into the log instead, so it is never dropped silently.
"""

import datetime as dt
import json
import os
from pathlib import Path

from . import schemas
from .state import default_state_dir, file_stem

MAX_BYTES = 64 * 1024 * 1024
SHOWN = 200  # characters of an id or a reason shown in the log (both may come from outside)
ID_KEYS = ("uuid", "id")


class Unfit(Exception):
    """The reason an event cannot be emitted."""


def checked(event, schema: dict):
    """The event as it will be sent (nulls removed), or Unfit naming why it cannot be."""
    try:
        event = schemas.without_nulls(event)
        found = schemas.problems(event, schema)
        if not found:
            json.dumps(event, allow_nan=False)
    except (ValueError, TypeError, RecursionError) as exc:
        raise Unfit("it cannot be checked or encoded as JSON (%s)" % (str(exc) or type(exc).__name__)) from None
    if found:
        raise Unfit("it does not match the plugin spec: %s" % "; ".join(found))
    return event


def event_id(event) -> str:
    """An id to name an event by in the log: its own `uuid`/`id`, or that of the object it carries."""
    candidates = [event] + (list(event.values()) if isinstance(event, dict) else [])
    for candidate in candidates:
        if isinstance(candidate, dict):
            for key in ID_KEYS:
                if candidate.get(key) not in (None, ""):
                    return _short(_encoded(candidate[key]))
    return "(no id)"


class DeadLetter:
    """The dead-letter file of one step; with no path (no trigger id) the log keeps the events."""

    def __init__(self, path, clock):
        self.path = Path(path) if path else None
        self.clock = clock
        self.held = []  # (event, reason) screened out and not yet written

    @classmethod
    def for_task(cls, name: str, clock) -> "DeadLetter":
        """Tasks keep no state of their own here (the orchestrator holds it): the state directory."""
        return cls(default_state_dir() / ("task-%s.deadletter.jsonl" % file_stem(name)), clock)

    def screen(self, events, check, log) -> list:
        """The events `check` passes, as it returns them; each other one is logged now and held for
        `keep` (a new screen forgets what an earlier one held: a poll that failed is repeated whole)."""
        fit, self.held = [], []
        for event in events:
            try:
                fit.append(check(event))
            except Unfit as exc:
                log.error("Event %s quarantined: %s", event_id(event), _short(str(exc), 5 * SHOWN))
                self.held.append((event, str(exc)))
        return fit

    def keep(self, log) -> None:
        """Write the events `screen` held back (call it once the fit ones were emitted)."""
        held, self.held = self.held, []
        if not held:
            return
        if self.path is None:
            return _log_whole(held, "there is no trigger ID to name a dead-letter file", log)
        try:
            self._append(held)
        except OSError as exc:
            return _log_whole(held, "%s cannot be written: %s" % (self.path, exc.strerror or exc), log)
        log.warning("%d quarantined event(s) written to %s.", len(held), self.path)

    def _append(self, held) -> None:
        moment = dt.datetime.fromtimestamp(self.clock.now(), dt.UTC).isoformat()
        data = "".join(
            '{"quarantined_at": %s, "id": %s, "reason": %s, "event": %s}\n'
            % (json.dumps(moment), json.dumps(event_id(event)), json.dumps(reason), _encoded(event))
            for event, reason in held
        ).encode()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size + len(data) > MAX_BYTES:
            os.replace(self.path, self.path.with_name(self.path.name + ".1"))
        with open(self.path, "ab") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


def _log_whole(held, why: str, log) -> None:
    for event, _ in held:
        log.error("Quarantined event %s is kept only in this log (%s): %s", event_id(event), why, _encoded(event))


def _encoded(value) -> str:
    """JSON text of anything an event may hold; a placeholder for what JSON cannot hold at all."""
    try:
        return json.dumps(value, default=str)
    except (ValueError, RecursionError) as exc:
        return json.dumps("<not encodable: %s>" % type(exc).__name__)


def _short(text: str, limit: int = SHOWN) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
