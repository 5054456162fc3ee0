"""Fault-proof harness: actions and triggers IN-PROCESS against a real simulator over real HTTP.

Speed: a subprocess per action would make 100 runs of every action take minutes, so each step
goes through `Plugin.handle` (the same envelope/schema/connection/step path as the CLI) in this
process. The requests are real HTTP to a running oktasim with real faults (5xx pages, dropped
connections before and after the request was applied, 429s).

Time: the plugin gets a `SimClock`, a FakeClock whose sleeps also move the simulator's clock.
Backoff and 429 waits are therefore instant in wall time, yet a wait "until X-Rate-Limit-Reset"
really does reach the simulator's window reset, exactly as it would against Okta.
"""

import io

import pytest

from komand_okta.clock import FakeClock
from komand_okta.runtime import spec as spec_module
from komand_okta.runtime.plugin import Plugin
from oktasim.testing import running_sim

SEED = 20240606
# 10% 5xx and 2% dropped connections on every path, half of the drops after Okta applied the request.
FAULTS = "*:500@0.04,502@0.02,503@0.02,504@0.02,reset_before@0.01,reset_after@0.01"

_SPEC = None


def plugin_spec():
    global _SPEC
    if _SPEC is None:
        _SPEC = spec_module.load()
    return _SPEC


class SimClock(FakeClock):
    """A FakeClock that advances the simulator's clock by every amount the plugin sleeps."""

    def __init__(self, sim, start: float = None):
        super().__init__(start if start is not None else sim.store.clock.now())
        self.sim = sim

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        if seconds > 0:
            self.sim.store.clock.advance(seconds)


def connection(sim) -> dict:
    return {"okta_url": sim.url, "okta_key": {"secretKey": sim.token}}


def message(kind: str, name: str, params: dict, sim, meta=None) -> dict:
    body = {kind: name, "meta": meta or {}, "connection": connection(sim), "input": params}
    if kind == "trigger":
        body["dispatcher"] = {"url": "", "webhook_url": ""}
    return {"body": body, "type": kind + "_start", "version": "v1"}


class Outcome:
    def __init__(self, envelope, ok, stderr):
        self.envelope, self.ok, self.stderr = envelope, ok, stderr
        self.body = envelope["body"]
        self.output = self.body.get("output")
        self.error = self.body.get("error") or ""
        exc = self.body.get("exception") or {}
        self.text = " ".join(str(x) for x in (self.error, exc.get("cause", ""), exc.get("assistance", "")) if x)


class InProcess:
    """Runs steps through one `Plugin` (spec loaded once) with a SimClock."""

    def __init__(self, sim):
        self.sim = sim
        self.clock = SimClock(sim)

    def action(self, name: str, params: dict) -> Outcome:
        stderr = io.StringIO()
        plugin = Plugin(spec=plugin_spec(), clock=self.clock, stderr=stderr)
        envelope, ok = plugin.handle(message("action", name, params, self.sim))
        return Outcome(envelope, ok, stderr.getvalue())

    def trigger(self, name: str, params: dict, runner, trigger_id: str, stderr=None) -> Outcome:
        stderr = stderr if stderr is not None else io.StringIO()
        plugin = Plugin(spec=plugin_spec(), clock=self.clock, stderr=stderr)
        envelope, ok = plugin.handle(
            message("trigger", name, params, self.sim, meta={"triggerId": trigger_id}), trigger_runner=runner
        )
        return Outcome(envelope, ok, stderr.getvalue())


def set_faults(sim, spec, seed=SEED):
    if spec:
        sim.control("POST", "/__sim/faults", json={"spec": spec, "seed": seed})
    else:
        sim.control("DELETE", "/__sim/faults")


@pytest.fixture(scope="module")
def fault_sim():
    with running_sim(org="demo", seed=SEED) as sim:
        yield sim


@pytest.fixture
def sim(fault_sim):
    fault_sim.control("POST", "/__sim/reset")
    yield fault_sim
    set_faults(fault_sim, None)
    fault_sim.control("DELETE", "/__sim/ratelimit")


@pytest.fixture
def inproc(sim):
    return InProcess(sim)
