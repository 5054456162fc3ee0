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
