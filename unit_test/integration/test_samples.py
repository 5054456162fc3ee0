"""Every example in the spec runs: each step's `sample` message, pointed at the demo org, succeeds.

The spec's examples are written against oktasim's demo org, so the sample of every action and
task must end `ok` and really act (not "no such user"), and every trigger's sample must start and
poll once without a failed poll. Each test gets the demo org fresh (the `sim` fixture resets it),
so destructive samples cannot disturb one another and no test depends on the order.

Steps run in this process (the `sample` command's own code builds the message), with a fake
clock so the push sample's three-second poll costs nothing.
"""

import io
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from komand_okta.clock import FakeClock
from komand_okta.runtime import cli
from komand_okta.runtime import spec as spec_module
from komand_okta.runtime.plugin import Plugin
from komand_okta.runtime.triggers import TriggerRunner
from oktasim.orgs import demo as org

SPEC = spec_module.load()


def sample(name: str, sim) -> dict:
    """`komand_okta sample NAME`, with its connection pointed at the simulator."""
    out = io.StringIO()
    assert cli.main(["sample", name], stdout=out, stderr=io.StringIO()) == 0
    message = json.loads(out.getvalue())
    message["body"]["connection"].update(okta_url=sim.url, okta_key={"secretKey": sim.token})
    return message


def run(message, **kwargs):
    return Plugin(clock=FakeClock(time.time()), stderr=io.StringIO()).handle(message, **kwargs)


def refusals(output: dict) -> list:
    """What in an ok output says the step did not do its job: not found, not done, an error status."""
    said = [key for key in ("found", "success") if output.get(key) is False]
    if isinstance(output.get("status_code"), int) and output["status_code"] >= 400:
        said.append("status_code")
    return said


@pytest.fixture
def hook_receiver(sim):
    """The demo's SIEM event hook pointed at a local receiver that answers Okta's verification."""

    class Echo(BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({"verification": self.headers.get("x-okta-verification-challenge")}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    sim.store.hooks[org.SIEM_HOOK_ID]["channel"]["config"]["uri"] = "http://127.0.0.1:%d/okta/hook" % server.server_port
    yield
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.mark.parametrize("name", sorted(SPEC["actions"]))
def test_every_action_sample_runs_ok_against_the_demo_org(name, sim, request):
    if name == "verify_event_hook":  # Okta calls the hook's URL; the demo's points off this machine
        request.getfixturevalue("hook_receiver")
    envelope, ok = run(sample(name, sim))

    assert ok, envelope["body"].get("error")
    assert envelope["body"]["status"] == "ok"
    assert refusals(envelope["body"]["output"]) == [], envelope["body"]["output"]


@pytest.mark.parametrize("name", sorted(SPEC.get("tasks") or {}))
def test_every_task_sample_runs_ok_against_the_demo_org(name, sim):
    envelope, ok = run(sample(name, sim))

    assert ok, envelope["body"].get("error")
    assert envelope["body"]["output"], "the demo org has System Log events of the last 24 hours"


class Collector:
    def __init__(self):
        self.events = []

    def send(self, envelope):
        self.events.append(envelope)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("name", sorted(SPEC["triggers"]))
def test_every_trigger_sample_starts_and_polls_once(name, sim, tmp_path, monkeypatch):
    message = sample(name, sim)
    if name == "okta_event_hook":  # a listener: loopback only, on a port that is free here
        monkeypatch.setattr("komand_okta.triggers.okta_event_hook.LISTEN_HOST", "127.0.0.1")
        message["body"]["input"]["port"] = free_port()
    runner = TriggerRunner(Collector(), state_dir=tmp_path, max_polls=1)

    envelope, ok = run(message, trigger_runner=runner)

    assert ok, envelope["body"].get("error")
    assert "Poll failed" not in envelope["body"]["log"]
