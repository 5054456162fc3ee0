"""Integration tests: the plugin as a subprocess, against a running local Okta, over real HTTP.

One simulator per module, reset to the demo org before each test so tests never see each
other's changes. `plugin(action, params)` runs the action twice over, once per way the
orchestrator runs plugins: `bin/komand_okta run` with the start message on stdin (CLI), and a
POST to a `bin/komand_okta http` server (web-server mode, one server for the session).
Every test is a contract check too: each request the plugin sends and the simulator accepts,
and each answer, must pass Okta's official spec (unit_test/sim/contract.py) or the test fails
at teardown.
"""
import json
import select
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from oktasim.testing import running_sim

ROOT = Path(__file__).resolve().parents[2]
BIN = [sys.executable, str(ROOT / "bin" / "komand_okta")]


class Run:
    def __init__(self, code, envelope, stderr):
        self.code, self.envelope, self.stderr = code, envelope, stderr
        self.body = envelope["body"]
        self.output = self.body.get("output")
        self.ok = code == 0 and self.body["status"] == "ok"



@pytest.fixture(scope="module")
def sim_server():
    with running_sim(org="demo") as sim:
        yield sim


@pytest.fixture
def sim(sim_server):
    sim_server.control("POST", "/__sim/reset")
    sim_server.control("DELETE", "/__sim/requests")
    return sim_server


@pytest.fixture(params=["cli", "http"])
def plugin(request, sim):
    if request.param == "http":
        return http_runner(sim, request.getfixturevalue("web_server"))
    return plugin_runner(sim)


def action_message(sim, action, params) -> dict:
    connection = {"okta_url": sim.url, "okta_key": {"secretKey": sim.token}}
    return {"type": "action_start", "version": "v1",
            "body": {"action": action, "meta": {}, "connection": connection, "input": params}}


def plugin_runner(sim):
    """A function running one action as a CLI subprocess against `sim`."""
    def run(action, params, command="run"):
        done = subprocess.run(BIN + [command], input=json.dumps(action_message(sim, action, params)),
                              capture_output=True, text=True, timeout=120)
        return Run(done.returncode, json.loads(done.stdout), done.stderr)
    return run


def http_runner(sim, server_url):
    """A function running one action through the web-server mode against `sim`.

    The envelope's log stands in for stderr (it is what the orchestrator sees in this mode).
    """
    def run(action, params, command="run"):
        route = "/api/v1/actions/%s%s" % (action, "/test" if command == "test" else "")
        response = requests.post(server_url + route, json=action_message(sim, action, params), timeout=120)
        envelope = response.json()
        return Run(0 if response.status_code == 200 else 1, envelope, envelope["body"].get("log", ""))
    return run


@pytest.fixture(scope="session")
def web_server():
    """`bin/komand_okta http` on a free loopback port, stopped at the end of the session."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(BIN + ["http", "--host", "127.0.0.1", "--port", str(port), "--threads", "8"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while "Booting worker" not in (line := _line_before(process.stderr, deadline)):
        if not line:
            process.kill()
            raise RuntimeError("the web server did not start")
    threading.Thread(target=process.stderr.read, daemon=True).start()  # keep its log pipe flowing
    url = "http://127.0.0.1:%d" % port
    assert requests.get(url + "/api/v1/status", timeout=10).ok
    yield url
    process.terminate()
    process.wait(timeout=30)


def okta_get(sim, path):
    """Read the simulator's state the way a client would (GET with the sim's token)."""
    import requests
    response = requests.get(sim.url + path, headers={"Authorization": "SSWS " + sim.token}, timeout=10)
    response.raise_for_status()
    return response.json()


def _line_before(stream, deadline) -> str:
    """The next line of `stream`, or "" when none comes before `deadline`."""
    ready, _, _ = select.select([stream], [], [], max(0.0, deadline - time.monotonic()))
    return stream.readline() if ready else ""
