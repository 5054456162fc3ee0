"""Integration tests: the plugin as a subprocess, against a running local Okta, over real HTTP.

One simulator per module, reset to the demo org before each test so tests never see each
other's changes. `plugin(action, params)` runs `bin/komand_okta run` with a start message on
stdin and returns the parsed envelope and exit code.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture
def plugin(sim):
    return plugin_runner(sim)


def plugin_runner(sim):
    """A function running one action as a subprocess against `sim`."""
    connection = {"okta_url": sim.url, "okta_key": {"secretKey": sim.token}}

    def run(action, params, command="run"):
        message = {"type": "action_start", "version": "v1",
                   "body": {"action": action, "meta": {}, "connection": connection, "input": params}}
        done = subprocess.run(BIN + [command], input=json.dumps(message), capture_output=True, text=True, timeout=120)
        return Run(done.returncode, json.loads(done.stdout), done.stderr)
    return run


def okta_get(sim, path):
    """Read the simulator's state the way a client would (GET with the sim's token)."""
    import requests
    response = requests.get(sim.url + path, headers={"Authorization": "SSWS " + sim.token}, timeout=10)
    response.raise_for_status()
    return response.json()
