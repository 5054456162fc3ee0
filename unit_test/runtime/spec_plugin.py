"""A small spec over the fake plugin's `echo` action, to test the spec's rules apart from Okta.

`echo` answers its `reply` input as its output, or else `{"seen": <input>, "connection": ...}`
as the step received them, so a test sees exactly what the runtime let through, in and out.
"""

import io

from komand_okta.clock import FakeClock
from komand_okta.runtime.plugin import Plugin

SPEC = {
    "connection": {
        "region": {"type": "string", "required": True},
        "verify_tls": {"type": "boolean", "required": False},
        "proxy": {"type": "string", "required": False},
    },
    "types": {
        "item": {
            "name": {"type": "string"},
            "tags": {"type": "[]string"},
            "extra": {"type": "object"},
            "child": {"type": "item"},
        },
        "open_item": {"name": {"type": "string"}, "attributes": {"type": "item", "additionalProperties": True}},
    },
    "actions": {
        "echo": {
            "input": {
                "email": {"type": "string", "required": True},
                "mode": {"type": "string", "required": False, "enum": ["fast", "safe"], "default": "safe"},
                "note": {"type": "string", "required": False},
                "count": {"type": "integer", "required": False, "minimum": 1, "maximum": 300},
                "floor": {"type": "number", "required": False, "minimum": 0},
                "cap": {"type": "integer", "required": False, "maximum": 10},
                "revoke_sessions": {"type": "boolean", "required": False},
                "reply": {"type": "object", "required": False},
            },
            "output": {
                "seen": {"type": "object"},
                "connection": {"type": "object"},
                "item": {"type": "item"},
                "items": {"type": "[]item"},
                "open": {"type": "open_item"},
                "count": {"type": "integer"},
            },
        }
    },
}
CONNECTION = {"region": "eu"}


def run_echo(params, connection=None, meta=None):
    """(envelope, ok, stderr text) for one `echo` run."""
    stderr = io.StringIO()
    plugin = Plugin(package="unit_test.runtime.fake_plugin", spec=SPEC, clock=FakeClock(), stderr=stderr)
    body = {
        "action": "echo",
        "meta": meta or {},
        "input": params,
        "connection": CONNECTION if connection is None else connection,
    }
    envelope, ok = plugin.handle({"type": "action_start", "version": "v1", "body": body})
    return envelope, ok, stderr.getvalue()


def cause(envelope) -> str:
    return (envelope["body"].get("exception") or {}).get("cause", "")
