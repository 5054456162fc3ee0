"""Finding and reading `plugin.spec.yaml`, the single source of truth.

The same code runs from a checkout (`python bin/komand_okta`), from an installed package and
inside the image, so the spec is looked up in a short, fixed list of places.

Parsing the YAML costs tens of milliseconds on every run, a large share of an action's
start-up, so the parsed spec is kept as JSON in a cache keyed by the spec's content hash:
an edited spec is simply a cache miss. A cache that cannot be written is not an error.
"""
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

SPEC_ENV = "KOMAND_OKTA_SPEC"
COMPONENT_KINDS = {"action": "actions", "trigger": "triggers", "task": "tasks"}


def spec_path() -> Path:
    """The first spec found: $KOMAND_OKTA_SPEC, the checkout/workspace, the installed copy."""
    candidates = []
    if os.environ.get(SPEC_ENV):
        candidates.append(Path(os.environ[SPEC_ENV]))
    candidates += [
        Path(__file__).resolve().parents[2] / "plugin.spec.yaml",
        Path(sys.prefix) / "share" / "komand_okta" / "plugin.spec.yaml",
        Path("/workspace/plugin.spec.yaml"),
        Path("/plugin.spec.yaml"),
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError("plugin.spec.yaml not found (set %s)" % SPEC_ENV)


_cache = {}


def load(path=None) -> dict:
    """The parsed spec (parsed once per process, and once per spec version on disk)."""
    path = Path(path) if path else spec_path()
    if path not in _cache:
        raw = path.read_bytes()
        cached = cache_dir() / ("spec-%s.json" % hashlib.sha1(raw).hexdigest())
        try:
            _cache[path] = json.loads(cached.read_bytes())
        except (OSError, ValueError):
            _cache[path] = parse(raw)
            _write_quietly(cached, json.dumps(_cache[path]))
    return _cache[path]


def parse(raw: bytes) -> dict:
    import yaml
    return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(tempfile.gettempdir(), "komand_okta-%s" % os.getuid())
    return Path(base) / "komand_okta"


def _write_quietly(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".%d.tmp" % os.getpid())
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass


def component(spec: dict, kind: str, name: str):
    """The spec entry of an action, trigger or task, or None."""
    return (spec.get(COMPONENT_KINDS[kind]) or {}).get(name)
