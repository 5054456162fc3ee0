"""The event triggers and Monitor Logs end to end: the plugin as a subprocess against the local Okta
over real HTTP. Tests wait on the trigger's own output (select on stdout), never on fixed sleeps."""

import json
import os
import signal
import socket
import subprocess

import pytest
import requests

from oktasim.orgs import demo as org
from unit_test.integration.conftest import BIN
from unit_test.integration.test_trigger import next_event, wait_until


def connection(sim):
    return {"okta_url": sim.url, "okta_key": {"secretKey": sim.token}}


@pytest.fixture
def start_trigger(sim, tmp_path):
    processes = []

    def start(name, params, env=None):
        message = {
            "type": "trigger_start",
            "version": "v1",
            "body": {
                "trigger": name,
                "meta": {"triggerId": "it-" + name},
                "connection": connection(sim),
                "dispatcher": {"url": "", "webhook_url": ""},
                "input": params,
            },
        }
        process = subprocess.Popen(
            BIN + ["--debug", "--state-dir", str(tmp_path), "run"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
            env=dict(os.environ, **(env or {})),
        )
        process.stdin.write(json.dumps(message))
        process.stdin.close()
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=15)


def api(sim, method, path, **kwargs):
    response = requests.request(
        method, sim.url + path, headers={"Authorization": "SSWS " + sim.token}, timeout=10, **kwargs
    )
    response.raise_for_status()
    return response.json() if response.content else None


def seen(sim, path):
    return sum(1 for r in sim.requests() if r["path"] == path and r["status"] == 200)


def emit(sim, event_type="user.account.lock"):
    return sim.control("POST", "/__sim/events", json={"eventType": event_type, "userId": org.JANE_ID})


def test_new_users_sees_a_user_created_through_the_api_once(sim, start_trigger):
    process = start_trigger("new_users", {"interval": 1})
    wait_until(lambda: seen(sim, "/api/v1/users") >= 1)  # the baseline
    user = api(
        sim,
        "POST",
        "/api/v1/users?activate=false",
        json={
            "profile": {
                "login": "new.hire@example.com",
                "email": "new.hire@example.com",
                "firstName": "New",
                "lastName": "Hire",
            }
        },
    )
    event = next_event(process)
    assert event["body"]["output"]["user"]["id"] == user["id"]
    wait_until(lambda: seen(sim, "/api/v1/users") >= 4)
    import select

    assert not select.select([process.stdout], [], [], 0)[0]  # not sent again


def test_updated_users_sees_a_profile_change_through_the_api_once(sim, start_trigger):
    process = start_trigger("updated_users", {"interval": 1})
    wait_until(lambda: seen(sim, "/api/v1/users") >= 1)  # the baseline
    sim.control("POST", "/__sim/clock", json={"advance": 5})  # the change is later than anything seen
    api(sim, "POST", "/api/v1/users/" + org.JOHN_ID, json={"profile": {"title": "Incident Commander"}})
    event = next_event(process)
    assert event["body"]["output"]["user"]["id"] == org.JOHN_ID
    assert event["body"]["output"]["user"]["profile"]["title"] == "Incident Commander"
    wait_until(lambda: seen(sim, "/api/v1/users") >= 4)
    import select

    assert not select.select([process.stdout], [], [], 0)[0]  # not sent again


def test_new_system_logs_sees_a_log_event(sim, start_trigger):
    process = start_trigger("new_system_logs", {"interval": 1, "filter": 'eventType eq "user.account.lock"'})
    wait_until(lambda: seen(sim, "/api/v1/logs") >= 2)  # the start (server Date) and a first read
    written = emit(sim)
    emit(sim, "user.session.start")  # filtered out
    event = next_event(process)
    uuid = (written[0] if isinstance(written, list) else written.get("events", [written])[0])["uuid"]
    assert event["body"]["output"]["log_event"]["uuid"] == uuid


def run_task(sim, state, params=None):
    message = {
        "type": "task_start",
        "version": "v1",
        "body": {
            "task": "monitor_logs",
            "meta": {},
            "connection": connection(sim),
            "input": params or {},
            "state": state,
        },
    }
    done = subprocess.run(BIN + ["run"], input=json.dumps(message), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["body"]


def test_monitor_logs_returns_new_events_once_across_runs(sim):
    emit(sim)
    first = run_task(sim, {}, {"lookback_hours": 1, "filter": 'eventType eq "user.account.lock"'})
    second = run_task(sim, first["state"], {"filter": 'eventType eq "user.account.lock"'})
    emit(sim)
    third = run_task(sim, second["state"], {"filter": 'eventType eq "user.account.lock"'})

    assert first["status_code"] == 200 and len(first["output"]) >= 1
    assert second["output"] == []
    assert len(third["output"]) == 1 and third["output"][0]["uuid"] not in {e["uuid"] for e in first["output"]}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_okta_event_hook_registers_receives_a_delivery_and_removes_the_hook(sim, start_trigger):
    port = free_port()
    process = start_trigger(
        "okta_event_hook",
        {
            "port": port,
            "path": "/okta/events",
            "secret": "it-secret",
            "register": True,
            "public_url": "http://127.0.0.1:%d/okta/events" % port,
            "event_types": ["user.account.lock"],
        },
        env={"KOMAND_OKTA_HOOK_HOST": "127.0.0.1"},
    )

    def active():
        hooks = sim.control("GET", "/__sim/state/hooks")
        hooks = list(hooks.values()) if isinstance(hooks, dict) else hooks
        return any(
            h.get("status") == "ACTIVE" and h.get("verificationStatus") == "VERIFIED" and h["id"] != org.SIEM_HOOK_ID
            for h in hooks
        )

    wait_until(active)
    written = emit(sim)
    sim.control("POST", "/__sim/hooks/flush")
    event = next_event(process)
    uuid = (written[0] if isinstance(written, list) else written.get("events", [written])[0])["uuid"]
    assert event["body"]["output"]["event"]["uuid"] == uuid

    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)
    hooks = sim.control("GET", "/__sim/state/hooks")
    hooks = list(hooks.values()) if isinstance(hooks, dict) else hooks
    assert [h["id"] for h in hooks] == [org.SIEM_HOOK_ID]  # ours was deleted at exit; the demo's stays
