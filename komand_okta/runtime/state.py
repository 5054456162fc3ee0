"""Where a trigger keeps what must survive a restart: its state file and the files beside it.

The file names come from `meta.triggerId`, which arrives in the start message, so it is never
used as a path. An id of up to 128 letters, digits, `_`, `-` and `.`, starting with a letter or
digit, keeps the name InsightConnect's own runtime gives it, `<triggerId>.json`, so state written
by earlier versions (real ids are UUIDs) is still read. Any other id (`../../x`, `/tmp/x`,
spaces, non-ASCII) is named by its SHA-256, behind a leading `_` that a plain id cannot start
with, so the two kinds never collide and every file stays inside the state directory. A file
under an old, unsafe name is deliberately not read: following that name is the traversal this
prevents.

The directory is created and probed for writing before a trigger starts, so a trigger started
from a folder it cannot write to fails at once with a clear error rather than a traceback after
its first poll.
"""

import hashlib
import json
import os
import re
from contextlib import contextmanager
from pathlib import Path

from .errors import ClientError

STATE_DIR_ENV = "KOMAND_OKTA_STATE_DIR"
PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
FIX = "Start it from a folder it can write to, or set --state-dir or %s to a writable folder." % STATE_DIR_ENV


_chosen = None  # --state-dir of the command now running


@contextmanager
def chosen_state_dir(directory):
    """Within this block `--state-dir` is the state directory of everything that keeps a file:
    trigger state, task dead letters and the shared rate-limit window file."""
    global _chosen
    before, _chosen = _chosen, directory
    try:
        yield
    finally:
        _chosen = before


def default_state_dir() -> Path:
    """`--state-dir`, else $KOMAND_OKTA_STATE_DIR, else /workspace/cache when it exists, else .state."""
    if _chosen:
        return Path(_chosen)
    if os.environ.get(STATE_DIR_ENV):
        return Path(os.environ[STATE_DIR_ENV])
    workspace = Path("/workspace/cache")
    return workspace if workspace.is_dir() else Path(".state")


def file_stem(step_id) -> str:
    """A file name (without suffix) for an id, always a single name inside the directory."""
    text = str(step_id)
    if PLAIN_ID.fullmatch(text):
        return text
    return "_sha256-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def prepare(directory: Path) -> Path:
    """The directory, created if missing and shown to be writable; else a ClientError naming it."""
    import tempfile  # here: only a trigger's start needs it, and every action imports this module

    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as exc:
        raise ClientError(
            "The trigger cannot keep its state in %s: %s." % (os.path.abspath(directory), exc.strerror or exc), FIX
        ) from None
    return directory


def fsync_directory(directory: Path) -> None:
    """Make a file's creation or rename in `directory` durable (POSIX needs the directory synced)."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


class StateStore:
    """A trigger's saved state; in memory only when the message has no trigger id."""

    def __init__(self, directory: Path, trigger_id):
        self.directory = Path(directory)
        self.stem = file_stem(trigger_id) if trigger_id not in (None, "") else None
        self.path = self.beside(".json")

    def beside(self, suffix: str):
        """The path of another file this trigger keeps next to its state (None without an id)."""
        return self.directory / (self.stem + suffix) if self.stem else None

    def load(self) -> dict:
        if not (self.path and self.path.is_file()):
            return {}
        try:
            with open(self.path, encoding="utf-8") as handle:
                state = json.load(handle)
        except (OSError, ValueError) as exc:
            raise ClientError(
                "The trigger state file %s cannot be read: %s." % (self.path, exc),
                "Fix or remove the file (removing it starts the trigger from a new baseline).",
            ) from None
        return state if isinstance(state, dict) else {}

    def save(self, state: dict) -> None:
        """Written to a temporary file, synced, then renamed over the old one: never half written."""
        if not self.path:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = self.beside(".json.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)
        fsync_directory(self.directory)
