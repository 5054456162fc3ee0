"""From a start message to one result envelope.

This is the path every message takes, in the CLI and in web-server mode alike: check the
envelope, find the step in the spec, accept the connection and the input as the spec declares
them, build the connection, run the step, shape and validate the output, answer. Bad input
stops here, before any request is made.

The spec decides both ends. Going in: an empty optional string is absent (its default applies),
a blank required one is refused, an unknown key is logged as ignored, or refused when it is a
typo of a field not given (see unknown_keys). Coming out: the output keeps exactly the members
its spec types declare, so no step keeps its own list of fields.
"""

import importlib
import traceback

from komand_okta.clock import SystemClock

from . import quarantine, schemas, unknown_keys
from . import spec as spec_module
from .errors import ClientError, PluginError, is_explained
from .messages import StartMessage, error_envelope, meta_of, ok_envelope, output_type_of
from .redact import Redactor, connection_masked
from .steplog import StepLog

STEP_CLASSES = {"action": "Action", "trigger": "Trigger", "task": "Task"}
STEP_PACKAGES = {"action": "actions", "trigger": "triggers", "task": "tasks"}


class Plugin:
    def __init__(
        self, package: str = "komand_okta", spec: dict | None = None, clock=None, stderr=None, debug: bool = False
    ):
        self.package = package
        self.spec = spec if spec is not None else spec_module.load()
        self.clock = clock or SystemClock()
        self.stderr = stderr
        self.debug = debug

    # -- public -------------------------------------------------------------------------
    def handle(self, raw_message, test: bool = False, trigger_runner=None):
        """Run one message. Returns (envelope, succeeded)."""
        redact = Redactor()
        log = StepLog(redact, stream=self.stderr, debug=self.debug)
        out_type, meta = output_type_of(raw_message), meta_of(raw_message)
        connection_fields = self.spec.get("connection") or {}
        try:
            message = StartMessage(raw_message)
            output, extra = self._dispatch(message, test, redact, log, trigger_runner)
            envelope = ok_envelope(out_type, meta, output, log.text(), extra)
            return connection_masked(envelope, raw_message, connection_fields), True
        except Exception as exc:  # every failure becomes an envelope; nothing escapes to stdout
            if not is_explained(exc):
                log.error("Unexpected error: %s", "".join(traceback.format_exception(exc)).rstrip())
            else:
                log.error("%s", exc)
            envelope = error_envelope(out_type, meta, exc, log.text(), redact)
            return connection_masked(envelope, raw_message, connection_fields), False

    def fields(self, kind: str, name: str, section: str) -> dict:
        return (spec_module.component(self.spec, kind, name) or {}).get(section) or {}

    # -- steps ----------------------------------------------------------------------------
    def _dispatch(self, message, test, redact, log, trigger_runner):
        component = None
        if message.kind:
            component = spec_module.component(self.spec, message.kind, message.name)
            if component is None:
                raise ClientError(
                    'Unknown %s "%s".' % (message.kind, message.name),
                    "Use one of: %s." % ", ".join(self.spec.get(STEP_PACKAGES[message.kind]) or {}),
                )
        connection_fields = self.spec.get("connection") or {}
        redact.add_message(message.connection, connection_fields, message.input)
        connection_params = self._accepted(
            "Connection", message.connection, connection_fields, "a connection field", log
        )
        connection = self._connect(connection_params, log)

        if test or message.kind is None:
            return connection.test(), None

        params = self._accepted(
            "Input", message.input, component.get("input") or {}, "an input of %s" % message.name, log, defaults=True
        )
        step = self._step_class(message.kind, message.name)(connection, log, self.clock)
        if message.kind == "action":
            # the action hands its output over: it is trimmed in place (a 25,000-item list is not copied)
            return self._output(message.name, step.run(params), component.get("output") or {}, in_place=True), None
        if message.kind == "trigger":
            return (trigger_runner or self._no_trigger_runner)(self, message, step, params, log), None
        return self._run_task(message, step, params, component.get("output") or {}, redact, log)

    def _run_task(self, message, step, params, output_fields, redact, log):
        """A task answers a list, its new state, and whether more pages wait (task protocol)."""
        if not isinstance(message.state, dict):
            raise ClientError(
                "The task message needs a 'state' object in its body.",
                "Send the state returned by the previous run, or {} for the first run.",
            )
        custom = message.body.get("custom_config") or {}
        result = step.run(params, message.state, custom if isinstance(custom, dict) else {})
        output = result.output or []
        for key in output_fields:  # the task's one output field is an array; the output is its items
            output = self._task_items(message.name, key, output_fields[key], output, log)
        extra = {
            "state": result.state,
            "has_more_pages": bool(result.has_more_pages),
            "status_code": result.status_code,
        }
        if result.error is not None:
            extra["exception"] = {
                "cause": redact(str(getattr(result.error, "cause", result.error))),
                "assistance": redact(str(getattr(result.error, "assistance", ""))),
                "data": redact(str(getattr(result.error, "data", "") or "")),
            }
        return output, extra

    def _task_items(self, name: str, key: str, field: dict, items, log) -> list:
        """The task's items as the spec declares them. One that breaks the spec is quarantined
        (logged, written to the task's dead-letter file, see quarantine.py) and the others and the
        new state are answered: refusing the run would hand the old state back, and the
        orchestrator would send it, and meet the same item, forever."""
        try:
            return self._output(name, {key: items}, {key: field})[key]
        except (PluginError, RecursionError):
            if not isinstance(items, list):
                raise

        def one(item):
            try:
                return self._output(name, {key: [item]}, {key: field})[key][0]
            except (PluginError, RecursionError) as exc:
                raise quarantine.Unfit(getattr(exc, "cause", None) or type(exc).__name__) from None

        dead_letter = quarantine.DeadLetter.for_task(name, self.clock)
        fit = dead_letter.screen(items, one, log)
        dead_letter.keep(log)
        log.info("%d event(s) answered, %d quarantined.", len(fit), len(items) - len(fit))
        return fit

    def _accepted(self, what: str, given, fields: dict, noun: str, log, defaults: bool = False) -> dict:
        """The section as the step sees it (unknown keys and empty optional strings gone, defaults
        filled in), or a ClientError naming every problem: schema breaks, blank required fields,
        typo'd keys."""
        if not isinstance(given, dict):
            raise ClientError("%s must be a JSON object." % what, "Correct the %s and try again." % what.lower())
        custom = self.spec.get("types")
        typos = unknown_keys.review(given, fields, noun, log)
        params = schemas.without_empty({key: value for key, value in given.items() if key in fields}, fields, custom)
        params = with_defaults(params, fields) if defaults else params
        found = schemas.problems(params, schemas.section_schema(fields, custom))
        found += schemas.empty_required(params, fields) if not found else []
        if found or typos:
            raise ClientError(
                "Invalid %s: %s." % (what.lower(), "; ".join(found + typos)),
                "Correct the %s and try again." % what.lower(),
            )
        return params

    def _output(self, name: str, output, fields: dict, in_place: bool = False):
        """The output as the spec declares it (undeclared members and nulls left out), checked."""
        schema = schemas.section_schema(fields, self.spec.get("types"))
        output = schemas.conformed(output, schema, schema["definitions"], in_place)
        found = schemas.problems(output, schema)
        if found:
            raise PluginError(
                "The output of %s did not match the plugin spec: %s." % (name, "; ".join(found)),
                "This is a plugin defect; please report it with the log.",
            )
        return output

    def _connect(self, params: dict, log):
        module = importlib.import_module(self.package + ".connection")
        return module.Connection(params, log=log, clock=self.clock)

    def _step_class(self, kind: str, name: str):
        module = importlib.import_module("%s.%s.%s" % (self.package, STEP_PACKAGES[kind], name))
        return getattr(module, STEP_CLASSES[kind])

    @staticmethod
    def _no_trigger_runner(plugin, message, step, params, log):
        raise ClientError("Triggers run only from the command line ('run').", "Start the trigger with 'run'.")


def with_defaults(params, fields: dict):
    """The input with the spec's `default` filled in for every key that is absent."""
    if not isinstance(params, dict):
        return params
    filled = dict(params)
    for key, field in fields.items():
        if key not in filled and "default" in field:
            filled[key] = field["default"]
    return filled
