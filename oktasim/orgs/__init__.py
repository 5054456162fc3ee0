"""Org loading: ``demo``, ``empty``, a JSON/YAML file, or a generated big org.

Why: one entry point (``load``) so the CLI, the control API and the test
harness build state the same way.
"""

import json
from pathlib import Path

from .loader import load_dict


def load(store, org, seed: int | None = None, **gen) -> None:
    """Replace the store's state with ``org`` ("demo", "empty", "generate", a path or a dict)."""
    if seed is not None:
        store.seed = seed
    store.clear()
    if isinstance(org, dict):
        load_dict(store, org)
    elif org in (None, "", "empty"):
        load_dict(store, {})
    elif org == "demo":
        from .demo import org_dict

        load_dict(store, org_dict())
    elif org == "generate":
        from .generate import generate

        generate(store, **gen)
    else:
        path = Path(org)
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text) or {}
        else:
            data = json.loads(text)
        load_dict(store, data)
