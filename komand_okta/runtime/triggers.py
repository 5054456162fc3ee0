"""Running a trigger: poll, send each event, remember, wait, until told to stop.

State lives in one JSON file per `meta.triggerId` and is written (atomically) only after every
event of a poll has been delivered, so a crash or a failed delivery makes the next poll find
the same change again instead of losing it.
"""
import copy
import json
import os
import signal
import urllib.request
from pathlib import Path

from . import schemas
from .errors import ClientError
from .messages import event_envelope

STATE_DIR_ENV = "KOMAND_OKTA_STATE_DIR"
TERMINATE_FLAG = Path("/workspace/tmp/terminate_trigger.flag")
DELIVERY_TRIES = 3


def default_state_dir() -> Path:
    if os.environ.get(STATE_DIR_ENV):
        return Path(os.environ[STATE_DIR_ENV])
    workspace = Path("/workspace/cache")
    return workspace if workspace.is_dir() else Path(".state")


class StateStore:
    """A trigger's saved state; in memory only when the message has no trigger id."""

    def __init__(self, directory: Path, trigger_id):
        self.path = Path(directory) / ("%s.json" % trigger_id) if trigger_id else None

    def load(self) -> dict:
        if self.path and self.path.is_file():
            with open(self.path, encoding="utf-8") as handle:
                return json.load(handle)
        return {}

    def save(self, state: dict) -> None:
        if not self.path:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
        os.replace(temporary, self.path)


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
        request = urllib.request.Request(self.url, data=json.dumps(envelope).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
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

    def __init__(self, dispatcher, state_dir: Path = None, should_stop=None, max_polls: int = None):
        self.dispatcher = dispatcher
        self.state_dir = state_dir or default_state_dir()
        self.should_stop = should_stop or (lambda: False)
        self.max_polls = max_polls

    def __call__(self, plugin, message, step, params, log):
        dispatcher = self.dispatcher or self._http_dispatcher(message)
        store = StateStore(self.state_dir, message.meta.get("triggerId") if isinstance(message.meta, dict) else None)
        if not store.path:
            log.info("No trigger ID found in meta; the trigger's state will not survive a restart.")
        output_schema = schemas.section_schema(plugin.fields("trigger", message.name, "output"),
                                              plugin.spec.get("types"))
        state, polls = store.load(), 0
        try:
            while not self.should_stop():
                working = copy.deepcopy(state)
                if self._poll_once(step, params, working, output_schema, dispatcher, message.meta, log):
                    state = working
                    store.save(state)
                polls += 1
                if self.max_polls and polls >= self.max_polls:
                    break
                self._wait(step.interval(params), step.clock)
        finally:
            step.close()
        return None

    def _poll_once(self, step, params, state, output_schema, dispatcher, meta, log) -> bool:
        try:
            events = step.poll(params, state)
        except Exception as exc:  # a failed poll keeps the previous state and tries again later
            log.error("Poll failed; nothing was sent and the previous state is kept: %s", exc)
            return False
        for event in map(schemas.without_nulls, events):
            found = schemas.problems(event, output_schema)
            if found:
                log.error("Event dropped, it does not match the spec: %s", "; ".join(found))
                return False
            if not self._deliver(dispatcher, event_envelope(meta, event, log.take()), step.clock, log):
                return False
        return True

    @staticmethod
    def _deliver(dispatcher, envelope, clock, log) -> bool:
        for attempt in range(1, DELIVERY_TRIES + 1):
            try:
                dispatcher.send(envelope)
                return True
            except Exception as exc:
                log.warning("Delivering the event failed (try %d of %d): %s", attempt, DELIVERY_TRIES, exc)
                clock.sleep(2 ** attempt)
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
            raise ClientError("The trigger message needs 'dispatcher' with 'url' and 'webhook_url'.",
                              "Add the dispatcher to the message, or run with --debug to print events.")
        return HttpDispatcher(dispatcher["url"])
