"""The InsightConnect v1 message envelopes: checking what comes in, building what goes out.

What comes in is refused, naming the field, before any step sees it when it could not be
handled safely later: text that is not valid Unicode (a JSON `\\ud800` escape decodes to a lone
surrogate, which no UTF-8 encoder accepts, so it would fail deep inside a request or a log
line) and nesting deeper than any real message needs (which would exhaust Python's recursion
wherever the message is walked). What goes out never echoes such values back.
"""

import json

from .errors import ClientError, error_message, is_explained

OUTPUT_TYPES = {
    "action_start": "action_event",
    "trigger_start": "trigger_event",
    "task_start": "task_event",
    "connection_test": "connection_test",
}
STEP_KEYS = {"action_start": "action", "trigger_start": "trigger", "task_start": "task"}
MAX_DEPTH = 64  # levels of objects and arrays in a message body; real ones use fewer than 15
SECTIONS = {"input": "input", "connection": "connection"}  # body parts named as the fields they hold


def parse(text):
    """The message in `text` (JSON); a ClientError when it is not JSON or too deeply nested to read."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ClientError(
            "The message is nested too deeply to read (more than %d levels of objects and "
            "arrays are allowed)." % MAX_DEPTH,
            "Send one InsightConnect v1 start message.",
        ) from None
    except ValueError as exc:
        raise ClientError(
            "The input is not valid JSON: %s." % exc, "Send one InsightConnect v1 start message on stdin."
        ) from None


class StartMessage:
    """A checked start message: its type, the step kind and name, and the body's parts."""

    def __init__(self, message):
        if not isinstance(message, dict) or not all(k in message for k in ("type", "version", "body")):
            raise ClientError(
                "The message must be a JSON object with 'type', 'version' and 'body'.",
                "Send an InsightConnect v1 start message.",
            )
        self.type = message["type"]
        if message["version"] != "v1":
            raise ClientError(
                "Unsupported version '%s'. Only v1 is supported." % message["version"],
                "Send an InsightConnect v1 start message.",
            )
        if self.type not in OUTPUT_TYPES:
            raise ClientError('Unsupported message type "%s".' % self.type, "Use one of: %s." % ", ".join(OUTPUT_TYPES))
        body = message["body"]
        if not isinstance(body, dict):
            raise ClientError("The message 'body' must be an object.", "Send an InsightConnect v1 start message.")
        check_readable(body)
        self.body = body
        self.kind = STEP_KEYS.get(self.type)
        self.name = body.get(self.kind) if self.kind else None
        if self.kind and not isinstance(self.name, str):
            raise ClientError(
                "The body must name the %s to run in '%s'." % (self.kind, self.kind),
                "Add the %s name to the message body." % self.kind,
            )
        self.meta = body.get("meta", {})
        self.connection = body.get("connection", {})
        self.input = body.get("input", {})
        self.dispatcher = body.get("dispatcher", {})
        self.state = body.get("state")

    @property
    def output_type(self) -> str:
        return OUTPUT_TYPES[self.type]


def check_readable(body: dict) -> None:
    """Refuse a body holding text that is not valid Unicode, or nested deeper than MAX_DEPTH."""
    problem = unreadable(body)
    if problem is None:
        return
    path, reason, assistance = problem
    section = SECTIONS.get(path[0]) if len(path) > 1 else None
    field = _printable(".".join(str(part) for part in (path[1:] if section else path)))
    raise ClientError("Invalid %s: '%s' %s." % (section or "message", field, reason), assistance)


TEXT_HELP = "Send text as valid UTF-8: a surrogate escape (\\ud800-\\udfff) is valid only as half of a pair."
DEPTH_HELP = "Nest objects and arrays at most %d levels deep." % MAX_DEPTH


def unreadable(value):
    """(path, reason, assistance) for the first member that is not valid text or is nested too
    deeply, else None. Walks with its own stack, so depth itself cannot exhaust Python's recursion."""
    stack = [((), value)]
    while stack:
        path, item = stack.pop()
        if len(path) > MAX_DEPTH:
            return path[:MAX_DEPTH], "is nested more than %d levels deep" % MAX_DEPTH, DEPTH_HELP
        if isinstance(item, str):
            if not _valid_text(item):
                return path, "is not valid text: it holds an unpaired surrogate", TEXT_HELP
        elif isinstance(item, dict):
            for key, member in item.items():
                if isinstance(key, str) and not _valid_text(key):
                    return (*path, key), "is a key that is not valid text: it holds an unpaired surrogate", TEXT_HELP
                stack.append(((*path, key), member))
        elif isinstance(item, list):
            stack.extend(((*path, index), member) for index, member in enumerate(item))
    return None


def _valid_text(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _printable(text: str) -> str:
    """Text safe to print anywhere: an unpaired surrogate becomes its escape, and it is kept short."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 80 else text[:77] + "..."


def output_type_of(message) -> str:
    """The envelope type to answer with, even for a message that fails its checks."""
    if isinstance(message, dict):
        return OUTPUT_TYPES.get(message.get("type"))
    return None


def meta_of(message) -> dict:
    """The body's meta to echo back; none when it cannot be echoed safely."""
    if isinstance(message, dict) and isinstance(message.get("body"), dict):
        meta = message["body"].get("meta", {})
        return meta if unreadable(meta) is None else {}
    return {}


def ok_envelope(out_type, meta, output, log="", extra=None) -> dict:
    body = {"log": log, "status": "ok", "meta": meta}
    body.update(extra or {})
    body["output"] = output
    return {"body": body, "version": "v1", "type": out_type}


def error_envelope(out_type, meta, exc: BaseException, log="", redact=None) -> dict:
    scrub = redact or (lambda text: text)

    def text(value) -> str:
        return scrub(str(value)).encode("utf-8", "backslashreplace").decode("utf-8")

    body = {"log": log, "status": "error", "meta": meta, "error": text(error_message(exc))}
    if is_explained(exc):
        body["exception"] = {"cause": text(exc.cause), "assistance": text(exc.assistance), "data": text(exc.data or "")}
    return {"body": body, "version": "v1", "type": out_type}


def event_envelope(meta, output, log="") -> dict:
    return {"body": {"meta": meta, "output": output, "log": log}, "type": "trigger_event", "version": "v1"}
