"""Base classes for the plugin's steps.

A step gets the connection (built once from the connection input), a log and a clock. Actions
return their output; triggers return the events of one poll and keep whatever they need to
remember in `state`, which the runtime persists only after a poll succeeds.
"""


class Step:
    def __init__(self, connection, log, clock):
        self.connection = connection
        self.log = log
        self.clock = clock


class Action(Step):
    def run(self, params: dict) -> dict:
        raise NotImplementedError


class Trigger(Step):
    def interval(self, params: dict) -> float:
        """Seconds between polls."""
        return float(params.get("interval") or 60)

    def poll(self, params: dict, state: dict) -> list:
        """Look once; update `state` in place; return the events to send (maybe none).

        Raising leaves the saved state untouched, so a failed poll never loses or invents events.
        """
        raise NotImplementedError

    def close(self) -> None:
        """Called once when the trigger stops (signal, terminate flag, or its last poll): release
        what the trigger holds, such as a listener or a registration it made."""


class Task(Step):
    """A scheduled step: called with the state it returned last time, returns new state.

    `run` returns a TaskResult. A failure the orchestrator should see while keeping the state
    (for example a rate limit) goes in `error`: the envelope stays `ok` with the status code.
    """

    def run(self, params: dict, state: dict, custom_config: dict) -> "TaskResult":
        raise NotImplementedError


class TaskResult:
    def __init__(
        self, output: list, state: dict, has_more_pages: bool = False, status_code: int = 200, error: Exception = None
    ):
        self.output, self.state, self.has_more_pages = output, state, has_more_pages
        self.status_code, self.error = status_code, error
