"""The InsightConnect v1 message envelopes: checking what comes in, building what goes out."""
from .errors import ClientError, error_message, is_explained

OUTPUT_TYPES = {
    "action_start": "action_event",
    "trigger_start": "trigger_event",
    "task_start": "task_event",
    "connection_test": "connection_test",
}
STEP_KEYS = {"action_start": "action", "trigger_start": "trigger", "task_start": "task"}


class StartMessage:
    """A checked start message: its type, the step kind and name, and the body's parts."""

    def __init__(self, message):
        if not isinstance(message, dict) or not all(k in message for k in ("type", "version", "body")):
            raise ClientError("The message must be a JSON object with 'type', 'version' and 'body'.",
                              "Send an InsightConnect v1 start message.")
        self.type = message["type"]
        if message["version"] != "v1":
            raise ClientError("Unsupported version '%s'. Only v1 is supported." % message["version"],
                              "Send an InsightConnect v1 start message.")
        if self.type not in OUTPUT_TYPES:
            raise ClientError('Unsupported message type "%s".' % self.type,
                              "Use one of: %s." % ", ".join(OUTPUT_TYPES))
        body = message["body"]
        if not isinstance(body, dict):
            raise ClientError("The message 'body' must be an object.", "Send an InsightConnect v1 start message.")
        self.body = body
        self.kind = STEP_KEYS.get(self.type)
        self.name = body.get(self.kind) if self.kind else None
        if self.kind and not isinstance(self.name, str):
            raise ClientError("The body must name the %s to run in '%s'." % (self.kind, self.kind),
                              "Add the %s name to the message body." % self.kind)
        self.meta = body.get("meta", {})
        self.connection = body.get("connection", {})
        self.input = body.get("input", {})
        self.dispatcher = body.get("dispatcher", {})
        self.state = body.get("state")

    @property
    def output_type(self) -> str:
        return OUTPUT_TYPES[self.type]


def output_type_of(message) -> str:
    """The envelope type to answer with, even for a message that fails its checks."""
    if isinstance(message, dict):
        return OUTPUT_TYPES.get(message.get("type"))
    return None


def meta_of(message) -> dict:
    if isinstance(message, dict) and isinstance(message.get("body"), dict):
        return message["body"].get("meta", {})
    return {}


def ok_envelope(out_type, meta, output, log="", extra=None) -> dict:
    body = {"log": log, "status": "ok", "meta": meta}
    body.update(extra or {})
    body["output"] = output
    return {"body": body, "version": "v1", "type": out_type}


def error_envelope(out_type, meta, exc: BaseException, log="", redact=None) -> dict:
    redact = redact or (lambda text: text)
    body = {"log": log, "status": "error", "meta": meta, "error": redact(error_message(exc))}
    if is_explained(exc):
        body["exception"] = {
            "cause": redact(str(exc.cause)),
            "assistance": redact(str(exc.assistance)),
            "data": redact(str(exc.data or "")),
        }
    return {"body": body, "version": "v1", "type": out_type}


def event_envelope(meta, output, log="") -> dict:
    return {"body": {"meta": meta, "output": output, "log": log}, "type": "trigger_event", "version": "v1"}
