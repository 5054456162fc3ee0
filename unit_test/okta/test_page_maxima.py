"""The page-size table the pager uses is the official spec's: each list's `limit` maximum (for the
System Log the range its `format` gives, and where the spec names no maximum, its default).

The image does not carry the spec, so the table lives in the code; this test keeps the two equal,
and skips when ../shared is absent.
"""
import re
from pathlib import Path

import pytest

from komand_okta.okta.http.paging import PAGE_MAXIMA

SPEC = Path(__file__).resolve().parents[2] / ".." / "shared" / "okta-openapi" / "management-minimal.patched.yaml"
pytestmark = pytest.mark.skipif(not SPEC.exists(), reason="the official Okta spec (../shared/okta-openapi) is absent")


@pytest.fixture(scope="module")
def spec():
    from unit_test.sim.openapi_spec import load_yaml
    return load_yaml(SPEC)


def spec_maximum(spec: dict, key: str):
    """The largest page the spec documents for GET /api/v1/<key> (`*` matching any path parameter)."""
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


@pytest.mark.parametrize("key", sorted(PAGE_MAXIMA))
def test_the_page_maximum_is_the_official_specs(spec, key):
    assert PAGE_MAXIMA[key] == spec_maximum(spec, key)
