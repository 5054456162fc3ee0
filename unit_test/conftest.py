"""Shared test helpers: run a step through the real runtime against a mocked Okta.

`run_action("get_user", {"email": ...})` builds a v1 start message, sends it through
`Plugin.handle` (envelope checks, schema validation, connection, action, output validation) with
a fake clock, and returns a `Result` with the envelope, the output and the captured stderr.
Okta is mocked with `requests_mock` (the `okta` fixture); nothing leaves the process.
"""

import io

import pytest
from hypothesis import HealthCheck, settings

from komand_okta.clock import FakeClock
from komand_okta.runtime.plugin import Plugin
from unit_test.sim import contract

contract.install()

# Property tests (unit_test/properties): the "ci" profile, the default, checks the same few
# examples of every property on every run, so the suite stays inside its time budget and a
# failure reproduces; "thorough" explores many fresh ones, for a change to validation, shaping
# or paths: `pytest unit_test/properties --hypothesis-profile=thorough`.
_HYPOTHESIS = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
}
settings.register_profile("ci", max_examples=10, derandomize=True, **_HYPOTHESIS)
settings.register_profile("thorough", max_examples=300, **_HYPOTHESIS)
settings.load_profile("ci")

BASE = "https://example.okta.com"
API = BASE + "/api/v1"
TOKEN = "canary-token-7f3a9c1e5b"
CONNECTION = {"okta_url": "example.okta.com", "okta_key": {"secretKey": TOKEN}}


class Result:
    def __init__(self, envelope, ok, stderr, clock):
        self.envelope, self.ok, self.stderr, self.clock = envelope, ok, stderr, clock
        self.body = envelope["body"]
        self.output = self.body.get("output")
        self.error = self.body.get("error")
        self.exception = self.body.get("exception")


@pytest.fixture(scope="session", autouse=True)
def session_state_dir(tmp_path_factory):
    """The plugin's default state directory (shared rate-limit windows, dead letters) is this
    session's own, for steps run in-process and for the plugin processes tests start: never the
    checkout's .state, and never shared with a concurrent session or another xdist worker."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KOMAND_OKTA_STATE_DIR", str(tmp_path_factory.mktemp("state")))
        yield


@pytest.fixture(autouse=True)
def contract_checked():
    """Every test is a contract check too: whatever a simulator it started answered, and every
    request the simulator accepted, must pass Okta's official spec (unit_test/sim/contract.py)."""
    with contract.checked():
        yield


def start_message(kind: str, name: str, params: dict, connection=None, meta=None) -> dict:
    body = {
        kind: name,
        "meta": meta or {},
        "connection": CONNECTION if connection is None else connection,
        "input": params,
    }
    return {"body": body, "type": kind + "_start", "version": "v1"}


def run_step(kind, name, params, connection=None, clock=None, test=False, trigger_runner=None, meta=None):
    clock = clock or FakeClock()
    stderr = io.StringIO()
    plugin = Plugin(clock=clock, stderr=stderr, debug=True)
    envelope, ok = plugin.handle(
        start_message(kind, name, params, connection, meta), test=test, trigger_runner=trigger_runner
    )
    return Result(envelope, ok, stderr.getvalue(), clock)


@pytest.fixture
def run_action():
    def run(name, params, **kwargs):
        return run_step("action", name, params, **kwargs)

    return run


@pytest.fixture
def okta(requests_mock):
    """requests_mock, refusing anything not explicitly mocked (so no request goes unnoticed)."""
    return requests_mock
