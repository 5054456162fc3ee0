"""Errors the runtime turns into protocol envelopes.

Anything raised from a step that carries `cause`, `assistance` and `data` attributes (these
classes, or the Okta client's errors, which follow the same shape without importing the runtime)
becomes an error envelope with an `exception` object. Any other exception becomes a bare
`error` string, as in Rapid7's runtime.
"""


class PluginError(Exception):
    """A step failed for a reason we can explain: what happened, and what to do about it."""

    prefix = "An error occurred during plugin execution!"
    data_separator = " Response was "

    def __init__(self, cause: str, assistance: str = "", data=""):
        self.cause = cause
        self.assistance = assistance
        self.data = "" if data is None else str(data)
        super().__init__(self.message())

    def message(self) -> str:
        text = " ".join(part for part in (self.prefix, self.cause, self.assistance) if part)
        return text + (self.data_separator + self.data if self.data else "")


class ConnectionTestError(PluginError):
    """The connection test failed."""

    prefix = "Connection test failed!"
    data_separator = " Response was: "


class ClientError(PluginError):
    """The caller sent something we refuse before doing any work (bad message or input)."""


def error_message(exc: BaseException) -> str:
    """The `error` string of an envelope for any exception."""
    if isinstance(exc, PluginError):
        return exc.message()
    if is_explained(exc):
        return PluginError(exc.cause, exc.assistance, exc.data).message()
    return str(exc) or type(exc).__name__


def is_explained(exc: BaseException) -> bool:
    return all(hasattr(exc, name) for name in ("cause", "assistance", "data"))
