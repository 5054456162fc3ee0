"""Finding and reading `plugin.spec.yaml`, the single source of truth.

The same code runs from a checkout (`python bin/komand_okta`), from an installed package and
inside the image, so the spec is looked up in a short, fixed list of places.
"""
import os
import sys
from pathlib import Path

import yaml

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
    """The parsed spec (parsed once per process)."""
    path = Path(path) if path else spec_path()
    if path not in _cache:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with open(path, encoding="utf-8") as handle:
            _cache[path] = yaml.load(handle, Loader=loader)
    return _cache[path]


def component(spec: dict, kind: str, name: str):
    """The spec entry of an action, trigger or task, or None."""
    return (spec.get(COMPONENT_KINDS[kind]) or {}).get(name)
