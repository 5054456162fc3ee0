"""`make try ACTION=…` (python -m demo.try_action): one sample against the demo org, in one line."""

import json
import subprocess
import sys

from unit_test.integration.conftest import ROOT

TRY = [sys.executable, "-m", "demo.try_action"]


def try_action(*args):
    return subprocess.run(TRY + list(args), capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_trying_an_action_prints_its_ok_envelope_from_the_demo_org():
    done = try_action("get_user")

    assert done.returncode == 0, done.stderr
    envelope = json.loads(done.stdout)
    assert envelope["body"]["status"] == "ok"
    assert envelope["body"]["output"]["profile"]["login"] == "jane.doe@example.com"


def test_trying_says_where_the_local_okta_was_and_what_was_sent():
    done = try_action("get_user")

    assert "Local Okta (oktasim demo org) at http://127.0.0.1:" in done.stderr
    assert 'Input: {"email": "jane.doe@example.com"}' in done.stderr


def test_trying_an_unknown_step_names_it_and_fails():
    done = try_action("no_such_step")

    assert done.returncode == 2
    assert "No action, trigger or task named 'no_such_step'" in done.stderr
    assert done.stdout == ""


def test_trying_without_a_step_shows_the_usage():
    done = try_action("")

    assert done.returncode == 2
    assert "usage: make try ACTION=" in done.stderr
