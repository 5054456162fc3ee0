"""Okta Event Hook: a real listener on 127.0.0.1 (port 0), driven by http.client (requests_mock
only stands in for Okta's API): verification, secret, body bound, de-dup by uuid, redelivery
after a failed dispatch, restart, and register/unregister; deliveries are journalled before the
200, odd bodies get 400, and a poison event is quarantined."""

import errno
import http.client
import io
import json
import socket

import pytest

from komand_okta.clock import FakeClock
from komand_okta.connection import Connection
from komand_okta.runtime import journal
from komand_okta.runtime.redact import Redactor
from komand_okta.runtime.steplog import StepLog
from komand_okta.runtime.triggers import TriggerRunner
from komand_okta.triggers import okta_event_hook
from unit_test.conftest import API, CONNECTION, run_step

SECRET = "s3cr3t-Shared-Value"
PARAMS = {"port": 0, "path": "/okta/events", "auth_header": "Authorization", "secret": SECRET}


@pytest.fixture(autouse=True)
def loopback(monkeypatch):
    monkeypatch.setattr(okta_event_hook, "LISTEN_HOST", "127.0.0.1")
    yield
    okta_event_hook.close_all()


def free_port() -> int:
    """A port free on 127.0.0.1 now: through the runtime the spec allows ports 1-65535, not 0."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_trigger():
    log = StepLog(Redactor(), stream=io.StringIO(), debug=True)
    return okta_event_hook.Trigger(Connection(CONNECTION, log=log, clock=FakeClock()), log, FakeClock())


def send(port, method="POST", body=None, secret=SECRET, path="/okta/events", headers=None, raw=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    all_headers = dict(headers or {})
    if secret is not None:
        all_headers["Authorization"] = secret
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    if data is not None:
        all_headers.setdefault("Content-Type", "application/json")
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, payload


def announce_only(port, length):
    """A POST that announces `length` bytes and sends none: the answer must not wait for them."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("POST", "/okta/events")
    connection.putheader("Authorization", SECRET)
    connection.putheader("Content-Length", str(length))
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status


def delivery(*uuids):
    return {
        "eventType": "com.okta.event_hook",
        "eventId": "env-1",
        "data": {
            "events": [
                {"uuid": u, "published": "2024-08-13T12:00:00.000Z", "eventType": "user.account.lock"} for u in uuids
            ]
        },
    }


def started():
    trigger, state = make_trigger(), {}
    assert trigger.poll(PARAMS, state) == []
    return trigger, state, trigger.listener.port


def test_the_verification_challenge_is_answered_with_the_secret_only():
    _, _, port = started()
    status, body = send(port, "GET", headers={"x-okta-verification-challenge": "abc123"})
    assert (status, json.loads(body)) == (200, {"verification": "abc123"})
    assert send(port, "GET", secret=None, headers={"x-okta-verification-challenge": "abc123"})[0] == 401


def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_emitted():
    trigger, state, port = started()
    assert send(port, body=delivery("u1"), secret="wrong")[0] == 401
    assert send(port, body=delivery("u1"), secret=None)[0] == 401
    assert send(port, body=delivery("u1"), secret=SECRET + "x")[0] == 401
    assert trigger.poll(PARAMS, state) == []


def test_an_oversized_body_is_refused_with_413_and_other_paths_and_bad_bodies_too():
    trigger, state, port = started()
    assert announce_only(port, 1024 * 1024 + 1) == 413
    assert send(port, body=delivery("u1"), path="/other")[0] == 404
    assert send(port, raw=b"not json")[0] == 400
    assert send(port, body={"data": {}})[0] == 400
    assert trigger.poll(PARAMS, state) == []


def test_a_uuid_delivered_twice_is_emitted_once_even_after_it_was_sent():
    trigger, state, port = started()
    assert send(port, body=delivery("u1", "u2")) == (200, b"")
    assert send(port, body=delivery("u2", "u3"))[0] == 200

    events = trigger.poll(PARAMS, state)
    assert [e["event"]["uuid"] for e in events] == ["u1", "u2", "u3"]
    send(port, body=delivery("u1"))
    assert trigger.poll(PARAMS, state) == []
    assert state["seen"] == ["u1", "u2", "u3"]


class Collector:
    def __init__(self, fail_first=0):
        self.sent, self.fail_first = [], fail_first

    def send(self, envelope):
        if self.fail_first:
            self.fail_first -= 1
            raise OSError("dispatcher down")
        self.sent.append(envelope["body"]["output"]["event"]["uuid"])


def run_with_deliveries(tmp_path, polls, deliveries, collector):
    """The runner with a FakeClock; deliveries[n] (lists of uuids) are POSTed during the n-th wait."""
    clock, script = FakeClock(), iter(deliveries)
    original = clock.sleep

    def sleep(seconds):
        original(seconds)
        batch = next(script, None)
        if batch:
            send(okta_event_hook._LIVE[-1].listener.port, body=delivery(*batch))

    clock.sleep = sleep
    runner = TriggerRunner(dispatcher=collector, state_dir=tmp_path, max_polls=polls)
    result = run_step(
        "trigger",
        "okta_event_hook",
        {"secret": SECRET, "port": free_port()},
        clock=clock,
        trigger_runner=runner,
        meta={"triggerId": "h1"},
    )
    assert result.ok, result.error
    okta_event_hook.close_all()
    return result


def test_a_failed_dispatch_is_sent_again_and_a_restart_drops_seen_uuids(tmp_path):
    collector = Collector(fail_first=3)  # all three tries of the first event fail
    run_with_deliveries(tmp_path, 4, [["a", "b"], ["b"], ["c"]], collector)
    assert collector.sent == ["a", "b", "c"]

    again = Collector()
    run_with_deliveries(tmp_path, 2, [["c", "d"]], again)  # Okta redelivers c after the restart
    assert again.sent == ["d"]


def test_register_creates_verifies_activates_and_close_deletes(okta):
    hook = {
        "id": "who1",
        "status": "ACTIVE",
        "verificationStatus": "UNVERIFIED",
        "channel": {"config": {"uri": "https://soar.example.com/okta/events"}},
    }
    okta.post(API + "/eventHooks", json=hook)
    okta.post(API + "/eventHooks/who1/lifecycle/verify", json=dict(hook, verificationStatus="VERIFIED"))
    okta.post(API + "/eventHooks/who1/lifecycle/deactivate", json=dict(hook, status="INACTIVE"))
    okta.delete(API + "/eventHooks/who1", status_code=204)
    params = dict(
        PARAMS,
        register=True,
        public_url="https://soar.example.com/okta/events",
        event_types=["user.account.lock"],
        name="SOAR",
    )
    trigger, state = make_trigger(), {}

    trigger.poll(params, state)
    created = okta.request_history[0].json()
    trigger.close()

    assert state["hook_id"] == "who1"
    assert created["channel"]["config"]["authScheme"] == {"type": "HEADER", "key": "Authorization", "value": SECRET}
    assert created["events"] == {"type": "EVENT_TYPE", "items": ["user.account.lock"]} and created["name"] == "SOAR"
    assert [(r.method, r.path) for r in okta.request_history[1:]] == [
        ("POST", "/api/v1/eventhooks/who1/lifecycle/verify"),
        ("POST", "/api/v1/eventhooks/who1/lifecycle/deactivate"),
        ("DELETE", "/api/v1/eventhooks/who1"),
    ]
    assert trigger.listener is None


def test_register_without_a_public_url_fails_clearly():
    trigger = make_trigger()
    with pytest.raises(Exception, match="public URL"):
        trigger.poll(dict(PARAMS, register=True), {})


def run_until_stopped(tmp_path, deliveries, collector, stop_after=None):
    """The runner with a FakeClock; deliveries[n] are POSTed during the n-th wait; after
    `stop_after` deliveries the trigger stops before its next poll (as a killed process would)."""
    clock, script, done = FakeClock(), iter(deliveries), []
    original, answers = clock.sleep, []

    def sleep(seconds):
        original(seconds)
        batch = next(script, None)
        if batch:
            answers.append(send(okta_event_hook._LIVE[-1].listener.port, body=batch)[0])
            done.append(True)

    clock.sleep = sleep
    polls = 1 + len(deliveries) if stop_after is None else None
    runner = TriggerRunner(
        dispatcher=collector,
        state_dir=tmp_path,
        max_polls=polls,
        should_stop=lambda: stop_after is not None and len(done) >= stop_after,
    )
    result = run_step(
        "trigger",
        "okta_event_hook",
        {"secret": SECRET, "port": free_port()},
        clock=clock,
        trigger_runner=runner,
        meta={"triggerId": "h1"},
    )
    assert result.ok, result.error
    okta_event_hook.close_all()
    return answers


def test_events_accepted_before_a_restart_are_emitted_exactly_once_after_it(tmp_path):
    collector = Collector()
    answers = run_until_stopped(tmp_path, [delivery("a", "b"), delivery("c", "d")], collector, stop_after=2)
    assert answers == [200, 200] and collector.sent == ["a", "b"]  # c, d accepted, then the process stops

    run_until_stopped(tmp_path, [delivery("d", "e")], collector)  # Okta redelivers d after the restart
    assert collector.sent == ["a", "b", "c", "d", "e"]


def event(uuid, **fields):
    return dict({"uuid": uuid, "published": "2024-08-13T12:00:00.000Z", "eventType": "user.account.lock"}, **fields)


def body_of(*events):
    return {"eventType": "com.okta.event_hook", "data": {"events": list(events)}}


@pytest.mark.parametrize("poison", [event("p1", published=12345), event(12345)], ids=["published", "uuid"])
def test_a_poison_event_is_quarantined_and_every_later_delivery_is_emitted(tmp_path, poison):
    collector = Collector()
    later = [body_of(event("g%d" % n)) for n in range(20)]
    run_until_stopped(tmp_path, [body_of(poison, event("g-first")), *later], collector)
    assert collector.sent == ["g-first"] + ["g%d" % n for n in range(20)]
    [letter] = [json.loads(line) for line in (tmp_path / "h1.deadletter.jsonl").read_text().splitlines()]
    assert letter["event"] == {"event": poison}


def test_the_journal_is_compacted_once_the_emitted_events_are_acknowledged(tmp_path):
    run_until_stopped(tmp_path, [delivery("a", "b"), delivery("c"), None], Collector())  # a last quiet poll
    assert (tmp_path / "h1.hook-journal.jsonl").read_bytes() == b""


def test_a_full_journal_answers_503_so_that_okta_retries(monkeypatch):
    monkeypatch.setattr(journal, "MAX_RECORDS", 2)
    trigger, state, port = started()
    assert send(port, body=delivery("a", "b"))[0] == 200
    assert send(port, body=delivery("c"))[0] == 503
    assert [e["event"]["uuid"] for e in trigger.poll(PARAMS, state)] == ["a", "b"]
    trigger.poll(PARAMS, state)  # the saved state acknowledges a and b: room again
    assert send(port, body=delivery("c"))[0] == 200


def test_a_disk_error_answers_503_and_keeps_nothing_of_that_delivery(tmp_path, monkeypatch):
    collector, failing = Collector(), []

    def write(fd, data):
        if failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    real_write = journal.os.write
    monkeypatch.setattr(journal.os, "write", write)
    failing.append(True)
    answers = run_until_stopped(tmp_path, [delivery("a")], collector)
    failing.clear()
    answers += run_until_stopped(tmp_path, [delivery("a")], collector)  # Okta's retry
    assert answers == [503, 200] and collector.sent == ["a"]


def deep(depth):
    body = {}
    for _ in range(depth):
        body = {"x": body}
    return body


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100000 + b"]" * 100000,
        json.dumps(deep(200)).encode(),
        json.dumps({"data": {"events": [deep(100)]}}).encode(),
    ],
    ids=["too deep to parse", "deep", "deep event"],
)
def test_deeply_nested_json_is_refused_with_400(raw):
    trigger, state, port = started()
    assert send(port, raw=raw)[0] == 400
    assert send(port, body=delivery("a"))[0] == 200  # the listener still answers
    assert [e["event"]["uuid"] for e in trigger.poll(PARAMS, state)] == ["a"]


@pytest.mark.parametrize("uuid", [["a"], {"a": 1}], ids=["list", "object"])
def test_an_unhashable_uuid_is_refused_with_400(uuid):
    trigger, state, port = started()
    assert send(port, body=body_of(event(uuid)))[0] == 400
    assert trigger.poll(PARAMS, state) == []


def test_a_non_ascii_verification_challenge_is_echoed_as_utf8():
    _, _, port = started()
    challenge = "défi-挑戦"
    status, body = send(port, "GET", headers={"x-okta-verification-challenge": challenge.encode("utf-8")})
    assert (status, json.loads(body.decode("utf-8"))) == (200, {"verification": challenge})
    assert challenge.encode("utf-8") in body


def test_a_challenge_that_is_not_utf8_is_refused_with_400():
    _, _, port = started()
    assert send(port, "GET", headers={"x-okta-verification-challenge": b"\xff\xfe"})[0] == 400


def test_a_non_ascii_secret_is_compared_as_the_utf8_bytes_okta_sends():
    trigger, state = make_trigger(), {}
    trigger.poll(dict(PARAMS, secret="sécret"), state)
    port = trigger.listener.port
    assert send(port, body=delivery("a"), secret=None, headers={"Authorization": "sécret".encode()})[0] == 200
    assert send(port, body=delivery("b"), secret=None, headers={"Authorization": b"secret"})[0] == 401
