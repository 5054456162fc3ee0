"""Running a trigger: poll, send each event, remember, wait, until told to stop.

State lives in one JSON file per `meta.triggerId` (`state.py` names it safely) and is written
(atomically) only after every event of a poll has been delivered, so a crash or a failed delivery
makes the next poll find the same change again instead of losing it.

Each event keeps exactly the members the trigger's output spec declares, as an action's output
does, so no trigger keeps a list of fields. An event that cannot be emitted (it breaks the output
spec) is quarantined (`quarantine.py`): logged with its id and the reason and written to
`<trigger>.deadletter.jsonl` beside the state; the other events of the poll are sent and the
state moves on, so one bad event never stalls the trigger. Each poll that found events logs how many were sent and how many were quarantined.

A trigger that keeps files of its own beside its state (the event hook's journal) finds the
store in its `state_files` attribute, set before the first poll.
"""

import copy
import json
import signal
import urllib.request
from pathlib import Path

from . import quarantine, schemas
from . import state as state_files
from .errors import ClientError
from .messages import event_envelope

TERMINATE_FLAG = Path("/workspace/tmp/terminate_trigger.flag")
DELIVERY_TRIES = 3
DEAD_LETTER_SUFFIX = ".deadletter.jsonl"


def _fit(event, schema: dict):
    """The event checked (quarantine.Unfit when it cannot be emitted), then as the spec declares it:
    undeclared members and nulls left out, as in an action's output."""
    event = quarantine.checked(event, schema)
    try:
        return schemas.conformed(event, schema, schema["definitions"])
    except RecursionError:
        raise quarantine.Unfit("it is nested too deeply to shape to the plugin spec") from None


class StdoutDispatcher:
    """--debug: events are written to stdout, one JSON document each."""

    def __init__(self, stream):
        self.stream = stream

    def send(self, envelope: dict) -> None:
        self.stream.write(json.dumps(envelope) + "\n")
        self.stream.flush()


class HttpDispatcher:
    """Events are POSTed to the orchestrator's dispatcher URL."""

    def __init__(self, url: str, timeout: float = 30):
        self.url = url
        self.timeout = timeout

    def send(self, envelope: dict) -> None:
        request = urllib.request.Request(
            self.url, data=json.dumps(envelope).encode(), method="POST", headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()


class StopSignal:
    """Set by SIGTERM/SIGINT or by the orchestrator's terminate flag file."""

    def __init__(self):
        self.requested = False

    def install(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._request)

    def _request(self, *_):
        self.requested = True

    def __call__(self) -> bool:
        return self.requested or TERMINATE_FLAG.exists()


class TriggerRunner:
    """Drives a trigger's polls; everything it touches outside itself is passed in."""

    def __init__(self, dispatcher, state_dir: Path | None = None, should_stop=None, max_polls: int | None = None):
        self.dispatcher = dispatcher
        self.state_dir = state_dir or state_files.default_state_dir()
        self.should_stop = should_stop or (lambda: False)
        self.max_polls = max_polls
        self.dead_letter = None

    def __call__(self, plugin, message, step, params, log):
        dispatcher = self.dispatcher or self._http_dispatcher(message)
        store = state_files.StateStore(
            self.state_dir, message.meta.get("triggerId") if isinstance(message.meta, dict) else None
        )
        if store.path:
            state_files.prepare(self.state_dir)
        else:
            log.info("No trigger ID found in meta; the trigger's state will not survive a restart.")
        step.state_files = store
        self.dead_letter = quarantine.DeadLetter(store.beside(DEAD_LETTER_SUFFIX), step.clock)
        output_schema = schemas.section_schema(
            plugin.fields("trigger", message.name, "output"), plugin.spec.get("types")
        )
        state, polls = store.load(), 0
        try:
            while not self.should_stop():
                working = copy.deepcopy(state)
                if self._poll_once(step, params, working, output_schema, dispatcher, message.meta, log):
                    if working != state:
                        self._save(store, working, log)
                    state = working
                polls += 1
                if self.max_polls and polls >= self.max_polls:
                    break
                self._wait(step.interval(params), step.clock)
        finally:
            step.close()
        return None

    def _poll_once(self, step, params, state, output_schema, dispatcher, meta, log) -> bool:
        """One poll; True when its events were all sent or quarantined, so its state may be kept."""
        try:
            events = list(step.poll(params, state) or [])
        except Exception as exc:  # a failed poll keeps the previous state and tries again later
            log.error("Poll failed; nothing was sent and the previous state is kept: %s", exc)
            return False
        fit = self.dead_letter.screen(events, lambda event: _fit(event, output_schema), log)
        for event in fit:
            if not self._deliver(dispatcher, event_envelope(meta, event, log.take()), step.clock, log):
                return False
        self.dead_letter.keep(log)
        if events:
            log.info("Poll: %d event(s) sent, %d quarantined.", len(fit), len(events) - len(fit))
        return True

    @staticmethod
    def _save(store, state, log) -> None:
        """A state that cannot be written is kept in memory: the trigger goes on, and after a
        restart it repeats what it sent since (at least once), rather than stopping now."""
        try:
            store.save(state)
        except OSError as exc:
            log.error(
                "The trigger state could not be saved to %s: %s; a restart will send the events "
                "since the last save again.",
                store.path,
                exc.strerror or exc,
            )

    @staticmethod
    def _deliver(dispatcher, envelope, clock, log) -> bool:
        for attempt in range(1, DELIVERY_TRIES + 1):
            try:
                dispatcher.send(envelope)
                return True
            except Exception as exc:
                log.warning("Delivering the event failed (try %d of %d): %s", attempt, DELIVERY_TRIES, exc)
                clock.sleep(2**attempt)
        log.error("The event could not be delivered; the change will be reported again next poll.")
        return False

    def _wait(self, seconds: float, clock) -> None:
        """Sleep in short steps so a stop request is honoured promptly."""
        deadline = clock.monotonic() + seconds
        while not self.should_stop():
            left = deadline - clock.monotonic()
            if left <= 0:
                return
            clock.sleep(min(1.0, left))

    @staticmethod
    def _http_dispatcher(message):
        dispatcher = message.dispatcher if isinstance(message.dispatcher, dict) else {}
        if not dispatcher.get("url") or "webhook_url" not in dispatcher:
            raise ClientError(
                "The trigger message needs 'dispatcher' with 'url' and 'webhook_url'.",
                "Add the dispatcher to the message, or run with --debug to print events.",
            )
        return HttpDispatcher(dispatcher["url"])
