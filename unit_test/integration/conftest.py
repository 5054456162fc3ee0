"""Integration tests: the plugin against a running local Okta, over real HTTP.

One simulator per module, reset to the demo org before each test so tests never see each
other's changes. `plugin(action, params)` runs the action twice over, once per way the
orchestrator runs plugins: `komand_okta run` with the start message on stdin (CLI; its entry
point called in this process, see `plugin_runner`), and a POST to a `bin/komand_okta http`
server (web-server mode, a subprocess, one per session or xdist worker).
Every test is a contract check too: each request the plugin sends and the simulator accepts,
and each answer, must pass Okta's official spec (unit_test/sim/contract.py) or the test fails
at teardown.
"""

import contextlib
import io
import json
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from komand_okta.runtime import cli
from oktasim.testing import running_sim

ROOT = Path(__file__).resolve().parents[2]
BIN = [sys.executable, str(ROOT / "bin" / "komand_okta")]
LISTENING = re.compile(r"Listening on http://127\.0\.0\.1:(\d+)")


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
    return {
        "type": "action_start",
        "version": "v1",
        "body": {"action": action, "meta": {}, "connection": connection, "input": params},
    }


def plugin_runner(sim):
    """A function running one action through the CLI's entry point against `sim`: `komand_okta
    run` (or `test`) with the start message on stdin, the envelope read from stdout.

    In this process: the same code runs (arguments, stdin, the envelope on stdout, logs on
    stderr, the exit code) without a new interpreter importing everything again, which cost
    about 0.3 s of CPU a run, over half of this suite's time. Whatever else the step writes to
    sys.stdout or sys.stderr lands in the same streams, so a stray line still breaks the envelope.
    The process boundary itself is crossed by the tests that start the plugin as a process
    (test_oauth_e2e, test_event_triggers, test_trigger, test_identity_threat_response, the
    connection test in test_core_actions, test_try, and test_packaging's installed plugin).
    """

    def run(action, params, command="run"):
        stdin = io.StringIO(json.dumps(action_message(sim, action, params)))
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = cli.main([command], stdin, stdout, stderr)
        return Run(code, json.loads(stdout.getvalue()), stderr.getvalue())

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
    """`bin/komand_okta http` on a loopback port the system picks (`--port 0`: no other process
    can take it between choosing and binding, as one probed beforehand could be, e.g. by another
    xdist worker), stopped at the end of the session (of this worker)."""
    process = subprocess.Popen(
        BIN + ["http", "--host", "127.0.0.1", "--port", "0", "--threads", "8"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = _lines_of(process.stderr)
    deadline, port, said = time.monotonic() + 60, None, []
    while "Booting worker" not in (line := _line_before(lines, deadline)):
        if not line:
            process.kill()
            raise RuntimeError("the web server did not start; it said:\n" + "".join(said))
        said.append(line)
        if LISTENING.search(line):
            port = int(LISTENING.search(line).group(1))
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


def _lines_of(stream) -> queue.Queue:
    """The lines of `stream` as they come, read by a thread that keeps the pipe flowing to its
    end ("" then). A thread, not select(): a line already read into the stream's buffer would
    never wake select."""
    lines = queue.Queue()

    def read():
        for line in stream:
            lines.put(line)
        lines.put("")

    threading.Thread(target=read, daemon=True).start()
    return lines


def _line_before(lines: queue.Queue, deadline) -> str:
    """The next line, or "" when none comes before `deadline` (or the stream ended)."""
    try:
        return lines.get(timeout=max(0.0, deadline - time.monotonic()))
    except queue.Empty:
        return ""
