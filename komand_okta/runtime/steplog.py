"""One log per step: lines go to stderr as they happen and are kept for the envelope's `log`.

A small object instead of the `logging` module's global configuration, so concurrent steps in
web-server mode never mix their logs, and every line passes through the secret redactor.
A line is always printable: text that is not valid Unicode (an unpaired surrogate from a
message or an answer) is written as its escape instead of failing the write, and the step.
"""

import sys
import time

LEVELS = {"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40}


class StepLog:
    def __init__(self, redact=None, stream=None, debug: bool = False, name: str = "komand_okta"):
        self._redact = redact or (lambda text: text)
        self._stream = sys.stderr if stream is None else stream
        self._threshold = LEVELS["DEBUG"] if debug else LEVELS["INFO"]
        self._name = name
        self._lines = []

    def _write(self, level: str, message: str, args) -> None:
        if LEVELS[level] < self._threshold:
            return
        text = self._redact(message % args if args else str(message))
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        self._lines.append(text)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        if self._stream:
            print("%s %s %s: %s" % (stamp, level, self._name, text), file=self._stream, flush=True)

    def add_secret(self, value: str) -> None:
        """A secret made while the step runs (an access token, say): masked from now on."""
        add = getattr(self._redact, "add", None)
        if add is not None:
            add(value)

    def debug(self, message, *args):
        self._write("DEBUG", message, args)

    def info(self, message, *args):
        self._write("INFO", message, args)

    def warning(self, message, *args):
        self._write("WARNING", message, args)

    def error(self, message, *args):
        self._write("ERROR", message, args)

    def text(self) -> str:
        """The lines logged so far, for the envelope's `log`."""
        return "".join(line + "\n" for line in self._lines)

    def take(self) -> str:
        """The lines logged since the last take (each trigger event carries its own)."""
        text, self._lines = self.text(), []
        return text
