"""Finding and reading `plugin.spec.yaml`, the single source of truth.

The same code runs from a checkout (`python bin/komand_okta`), from an installed package and
inside the image, so the spec is looked up in a short, fixed list of places.

Rapid7's spec format allows only a fixed set of keys on a field (title, type, required,
default, enum, example, ...), and its validators refuse others. Rules the runtime enforces
beyond those (`minimum`, `maximum`, `additionalProperties: true` to keep a field's undeclared
members) are therefore written once under the top-level `field_rules`, which mirrors the spec's
own layout (`field_rules.actions.<key>.input.<field>`), and are merged into their fields here.

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

    spec = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if isinstance(spec, dict):
        merge_rules(spec, spec.get("field_rules") or {})
    return spec


def merge_rules(target: dict, rules: dict, where: str = "") -> list:
    """Merge `field_rules` into the fields they name; the paths that name nothing, for a test."""
    missing = []
    for key, value in rules.items():
        path = "%s.%s" % (where, key) if where else key
        if not isinstance(target, dict) or not isinstance(target.get(key), dict):
            missing.append(path)
        elif isinstance(value, dict) and all(isinstance(item, dict) for item in value.values()):
            missing += merge_rules(target[key], value, path)
        else:
            target[key].update(value)
    return missing


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
