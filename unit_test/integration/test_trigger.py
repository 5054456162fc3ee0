"""Monitor User Groups end to end: a real subprocess polling the local Okta every second.

The test waits on the trigger's own output (select on its stdout), never on a fixed sleep.
"""

import json
import select
import signal
import subprocess
import time

import pytest

from oktasim.orgs import demo as org
from unit_test.integration.conftest import BIN

GROUP_USERS = "/api/v1/groups/%s/users" % org.PRIVILEGED_GROUP_ID


@pytest.fixture
def trigger(sim, tmp_path):
    message = {
        "type": "trigger_start",
        "version": "v1",
        "body": {
            "trigger": "users_added_removed_from_group",
            "meta": {"triggerId": "it-1"},
            "connection": {"okta_url": sim.url, "okta_key": {"secretKey": sim.token}},
            "dispatcher": {"url": "", "webhook_url": ""},
            "input": {"group_ids": [org.PRIVILEGED_GROUP_ID], "interval": 1},
        },
    }
    process = subprocess.Popen(
        BIN + ["--debug", "--state-dir", str(tmp_path), "run"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    process.stdin.write(json.dumps(message))
    process.stdin.close()
    yield process
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)


def polls_seen(sim) -> int:
    return sum(1 for r in sim.requests() if r["path"] == GROUP_USERS and r["status"] == 200)


def wait_until(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        select.select([], [], [], 0.05)  # yield the CPU briefly while the subprocess works


def next_event(process, timeout=20.0):
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "no event within %ss" % timeout
    return json.loads(process.stdout.readline())


def test_a_removal_after_the_baseline_is_reported_once_as_an_event(sim, trigger):
    wait_until(lambda: polls_seen(sim) >= 1)  # the baseline poll happened
    sim.control("DELETE", "/__sim/requests")
    import requests

    requests.delete(
        sim.url + "%s/%s" % (GROUP_USERS, org.JANE_ID), headers={"Authorization": "SSWS " + sim.token}, timeout=10
    ).raise_for_status()
    event = next_event(trigger)
    output = event["body"]["output"]
    assert event["type"] == "trigger_event"
    assert output["users_added_from_groups"] == []
    removed = output["users_removed_from_groups"]
    assert [g["group_id"] for g in removed] == [org.PRIVILEGED_GROUP_ID]
    assert [u["id"] for u in removed[0]["users"]] == [org.JANE_ID]
    wait_until(lambda: polls_seen(sim) >= 3)  # two more polls: nothing new to report
    assert not select.select([trigger.stdout], [], [], 0)[0]
