"""The largest page Okta's official spec allows per list, read from `../shared/okta-openapi`.

The benchmarks count a job's minimum requests from these (ceil(items / page maximum)), and
unit_test/okta/test_page_maxima.py checks the plugin's own table (`http.paging.PAGE_MAXIMA`)
against them. A list's maximum is its `limit` parameter's `maximum`; for the System Log, the
range its `format` gives ("Integer between 0 and 1000"); where the spec names no maximum, its
default (the largest size Okta documents: users 200, group members 1,000, realms 200).
"""

import re
from pathlib import Path

SPEC = Path(__file__).resolve().parents[1] / ".." / "shared" / "okta-openapi" / "management-minimal.patched.yaml"


def available() -> bool:
    return SPEC.exists()


def load():
    from unit_test.sim.openapi_spec import load_yaml  # parses once, then reads a cached JSON copy

    return load_yaml(SPEC)


def page_maximum(spec: dict, key: str):
    """The largest page for GET /api/v1/<key> (`*` for a path parameter), or None for a list the
    spec does not page by size. AssertionError when the spec has no such one list."""
    pattern = re.compile("^/api/v1/" + re.escape(key).replace(r"\*", r"\{[^/}]+\}") + "$")
    paths = [path for path in spec["paths"] if pattern.match(path) and "get" in spec["paths"][path]]
    assert len(paths) == 1, "the spec has %d list operations at %s" % (len(paths), key)
    item = spec["paths"][paths[0]]
    for param in item.get("parameters", []) + item["get"].get("parameters", []):
        if "$ref" in param:
            param = spec["components"]["parameters"][param["$ref"].rsplit("/", 1)[1]]
        if param.get("name") != "limit":
            continue
        schema = param.get("schema") or {}
        between = re.search(r"between \d+ and (\d+)", str(schema.get("format", "")))
        if "maximum" in schema:
            return schema["maximum"]
        if between:
            return int(between.group(1))
        return schema["default"] if schema.get("default", 0) > 0 else None
    return None
