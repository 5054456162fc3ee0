"""Event hook actions and Get System Logs end to end against the simulator's demo org.

A tiny receiver on 127.0.0.1 answers Okta's verification challenge (GET with
x-okta-verification-challenge, echoed as {"verification": …}) and records the auth header.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from oktasim.orgs import demo as org
from unit_test.integration.conftest import okta_get

SECRET = "integration-hook-secret-5c1e"


@pytest.fixture
def receiver():
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(dict(self.headers))
            body = json.dumps({"verification": self.headers.get("x-okta-verification-challenge", "")}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.seen = seen
    server.url = "http://127.0.0.1:%d/okta/events" % server.server_address[1]
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def no_secret(*runs):
    for run in runs:
        assert SECRET not in json.dumps(run.envelope) and SECRET not in run.stderr


def test_create_verify_list_and_delete_by_url(plugin, sim, receiver):
    created = plugin(
        "create_event_hook",
        {
            "name": "SOAR e2e",
            "url": receiver.url,
            "secret": SECRET,
            "event_types": ["user.lifecycle.deactivate", "user.account.lock"],
            "headers": {"X-Source": "okta"},
            "verify": True,
        },
    )
    assert created.ok and created.output["success"] is True and "message" not in created.output
    hook = created.output["event_hook"]
    assert (hook["status"], hook["verificationStatus"]) == ("ACTIVE", "VERIFIED")
    assert receiver.seen and receiver.seen[0].get("Authorization") == SECRET  # Okta sent the secret to the receiver

    listed = plugin("list_event_hooks", {})
    assert listed.ok and {h["id"] for h in listed.output["event_hooks"]} >= {hook["id"], org.SIEM_HOOK_ID}

    verified = plugin("verify_event_hook", {"event_hook": "SOAR e2e"})
    assert verified.ok and verified.output["success"] is True

    deleted = plugin("delete_event_hooks_by_url", {"url": receiver.url + "/"})
    assert deleted.ok and deleted.output["count"] == 1 and deleted.output["event_hooks"][0]["id"] == hook["id"]
    assert hook["id"] not in {h["id"] for h in okta_get(sim, "/api/v1/eventHooks")}
    no_secret(created, listed, verified, deleted)


def test_verification_failure_and_lifecycle_of_the_demo_hook(plugin, sim):
    got = plugin("get_event_hook", {"event_hook": org.SIEM_HOOK_ID})
    assert got.ok and got.output["found"] and got.output["event_hook"]["status"] == "INACTIVE"

    activated = plugin("activate_event_hook", {"event_hook": "SIEM forwarder"})
    again = plugin("activate_event_hook", {"event_hook": "SIEM forwarder"})
    assert activated.output["event_hook"]["status"] == "ACTIVE" and again.output["success"] is True

    deactivated = plugin("deactivate_event_hook", {"event_hook": org.SIEM_HOOK_ID})
    assert deactivated.ok and deactivated.output["event_hook"]["status"] == "INACTIVE"
    assert okta_get(sim, "/api/v1/eventHooks/" + org.SIEM_HOOK_ID)["status"] == "INACTIVE"
    plugin("activate_event_hook", {"event_hook": org.SIEM_HOOK_ID})

    failed = plugin("verify_event_hook", {"event_hook": org.SIEM_HOOK_ID})  # siem.example.com does not answer
    assert failed.ok and failed.output["success"] is False and failed.output["message"]

    updated = plugin(
        "update_event_hook",
        {"event_hook": org.SIEM_HOOK_ID, "description": "e2e", "secret": SECRET, "event_types": ["user.account.lock"]},
    )
    assert updated.ok and updated.output["event_hook"]["events"]["items"] == ["user.account.lock"]
    assert updated.output["event_hook"]["description"] == "e2e"

    deleted = plugin("delete_event_hook", {"event_hook": org.SIEM_HOOK_ID})
    missing = plugin("delete_event_hook", {"event_hook": org.SIEM_HOOK_ID})
    assert deleted.output == {"success": True} and missing.output["success"] is False
    no_secret(updated)


def test_an_ineligible_type_is_refused_without_a_hook(plugin, sim):
    run = plugin(
        "create_event_hook",
        {"name": "x", "url": "https://soar.example.com/e", "event_types": ["user.lifecycle.deactivat"]},
    )
    assert run.ok and run.output["success"] is False and "user.lifecycle.deactivate" in run.output["message"]
    assert [h["id"] for h in okta_get(sim, "/api/v1/eventHooks")] == [org.SIEM_HOOK_ID]


def test_get_logs_returns_the_demo_orgs_events(plugin, sim):
    run = plugin("get_logs", {"filter": 'eventType eq "user.session.start"', "limit": 5})
    assert run.ok and 0 < run.output["count"] <= 5
    assert all(e["eventType"] == "user.session.start" for e in run.output["logs"])

    everything = plugin("get_logs", {"limit": 10000})
    assert everything.ok and everything.output["count"] > run.output["count"]

    newest = plugin("get_logs", {"sort_order": "DESCENDING", "limit": 3})
    published = [e["published"] for e in newest.output["logs"]]
    assert published == sorted(published, reverse=True)

    bad = plugin("get_logs", {"filter": "published gt \"2024-01-01\""})
    assert not bad.ok and "E0000053" in bad.body["error"]
