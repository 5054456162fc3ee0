"""New System Logs: follows Okta's polling next link; no repeat and no gap across restarts,
failed polls (500, 429) and failed deliveries; de-duplicates by UUID at the published boundary.

`FakeLog` is Okta's polling stream: ordered by persistence (`seq`), a next link on every answer
(`after=<last seq>`, or the same cursor on an empty page), a server Date far from the FakeClock.
"""

import json
from urllib.parse import parse_qs, urlencode, urlsplit

from komand_okta.clock import FakeClock
from komand_okta.runtime.triggers import TriggerRunner
from unit_test.conftest import API, run_step

SERVER_DATE = "Tue, 13 Aug 2024 12:00:00 GMT"
RESET = 1723550460  # 12:01:00


def event(n, second=None):
    return {
        "uuid": "uuid-%04d" % n,
        "published": "2024-08-13T12:%02d:%02d.000Z" % divmod(second if second is not None else n, 60),
        "eventType": "user.session.start",
        "version": "0",
        "severity": "INFO",
        "displayMessage": "m%d" % n,
    }


class FakeLog:
    def __init__(self, okta):
        self.events, self.requests, self.fail = [], [], []  # fail: statuses to answer next, in order
        okta.get(API + "/logs", json=self._list, headers={"Date": SERVER_DATE})

    def add(self, *numbers, second=None):
        for n in numbers:
            self.events.append(event(n, second))

    def _list(self, request, context):
        qs = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
        self.requests.append(qs)
        if self.fail:
            context.status_code = self.fail.pop(0)
            context.headers.update({"X-Rate-Limit-Reset": str(RESET), "X-Rate-Limit-Remaining": "0"})
            return {"errorCode": "E0000047" if context.status_code == 429 else "E0000009", "errorSummary": "x"}
        limit = int(qs.get("limit", 100))
        if qs.get("sortOrder") == "DESCENDING":
            return self.events[-limit:][::-1]
        if "after" in qs:
            start = int(qs["after"])
        else:
            start = next((i for i, e in enumerate(self.events) if e["published"] >= qs["since"]), len(self.events))
        page = self.events[start : start + limit]
        query = dict(qs, after=start + len(page), limit=limit)
        query.pop("since", None)
        context.headers["Link"] = '<%s/logs?%s>; rel="next"' % (API, urlencode(query))
        return page


class Collector:
    def __init__(self, fail_at=()):
        self.sent, self.calls, self.fail_at = [], 0, set(fail_at)

    def send(self, envelope):
        self.calls += 1
        if self.calls in self.fail_at:
            raise OSError("dispatcher down")
        self.sent.append(envelope["body"]["output"]["log_event"]["uuid"])


def run(tmp_path, polls, log=None, steps=(), params=None, collector=None):
    collector, clock, calls = collector or Collector(), FakeClock(start=0.0), iter(steps)
    original = clock.sleep

    def sleep(seconds):  # the runner waits in 1 s steps; act once per interval (10 s)
        original(seconds)
        if round(clock.now()) % 10 == 0:
            next(calls, lambda: None)()

    clock.sleep = sleep
    runner = TriggerRunner(dispatcher=collector, state_dir=tmp_path, max_polls=polls)
    result = run_step(
        "trigger",
        "new_system_logs",
        dict({"interval": 10}, **(params or {})),
        clock=clock,
        trigger_runner=runner,
        meta={"triggerId": "t1"},
    )
    assert result.ok, result.error
    return [int(u.split("-")[1]) for u in collector.sent], result


def saved(tmp_path):
    return json.loads((tmp_path / "t1.json").read_text())


def test_the_first_poll_starts_at_the_server_time_and_sends_nothing(tmp_path, okta):
    log = FakeLog(okta)
    log.add(1, 2)  # before the start... published 12:00:01, 12:00:02 (after the Date: still sent later)

    sent, _ = run(tmp_path, 1, log)

    assert sent == []
    assert "since=2024-08-13T12%3A00%3A00.000Z" in saved(tmp_path)["next_page_link"]
    assert log.requests == [{"limit": "1", "sortOrder": "DESCENDING"}]


def test_since_input_starts_the_stream_and_events_are_sent_once_in_order(tmp_path, okta):
    log = FakeLog(okta)
    log.add(1, 2, 3)

    sent, _ = run(
        tmp_path, 4, log, params={"since": "2024-08-13T12:00:02.000Z"}, steps=[lambda: None, lambda: log.add(4, 5)]
    )

    assert sent == [2, 3, 4, 5]
    assert saved(tmp_path)["last_published"] == event(5)["published"]


def test_full_pages_are_followed_and_a_short_one_ends_the_poll(tmp_path, okta):
    log = FakeLog(okta)
    log.add(*range(2500), second=30)

    sent, _ = run(tmp_path, 3, log, params={"since": "2024-08-13T12:00:00.000Z"})

    assert sent == list(range(2500))
    pages = [r.get("after") for r in log.requests]
    assert pages == [None, "1000", "2000", "2500"]  # baseline fixes the start; then 3 pages; one empty poll
    assert len(saved(tmp_path)["boundary_uuids"]) == 2500


def test_an_event_shown_again_at_the_boundary_is_dropped(tmp_path, okta):
    log = FakeLog(okta)
    log.add(1, 2)

    def repeat():
        log.events.append(dict(log.events[-1]))  # Okta shows uuid-0002 once more
        log.add(3)

    sent, _ = run(tmp_path, 4, log, params={"since": "2024-08-13T12:00:00.000Z"}, steps=[lambda: None, repeat])

    assert sent == [1, 2, 3]


def test_a_restart_continues_from_the_stored_link(tmp_path, okta):
    log = FakeLog(okta)
    log.add(1)
    first, _ = run(tmp_path, 2, log, params={"since": "2024-08-13T12:00:00.000Z"})
    log.add(2, 3)

    second, _ = run(tmp_path, 2, log, params={"since": "2024-08-13T12:00:00.000Z"})

    assert first == [1] and second == [2, 3]
    assert "since" not in log.requests[-1] and log.requests[-1]["after"] == "3"


def test_a_429_that_outlasts_the_wait_fails_the_poll_keeps_the_state_and_loses_nothing(tmp_path, okta):
    log = FakeLog(okta)
    log.add(1)

    def limited():
        log.add(2, 3)
        log.fail = [429] * 5

    sent, result = run(tmp_path, 4, log, params={"since": "2024-08-13T12:00:00.000Z"}, steps=[lambda: None, limited])

    assert sent == [1, 2, 3]
    assert "Poll failed" in result.stderr and "429" in result.stderr
    assert any(s >= 59 for s in result.clock.sleeps)  # waited for the reset (server Date → Reset)


def test_a_429_on_a_later_page_keeps_the_pages_read(tmp_path, okta):
    log = FakeLog(okta)
    log.add(*range(1500), second=30)
    original = log._list

    def second_page_limited(request, context):
        if "after=1000" in request.url and not getattr(log, "failed", False):
            log.failed = True
            log.fail = [429] * 5
        return original(request, context)

    okta.get(API + "/logs", json=second_page_limited, headers={"Date": SERVER_DATE})

    sent, result = run(tmp_path, 3, log, params={"since": "2024-08-13T12:00:00.000Z"})

    assert sent == list(range(1500))
    assert "stopped after 1 page" in result.stderr


def test_a_failed_delivery_sends_the_poll_again(tmp_path, okta):
    log = FakeLog(okta)
    log.add(1, 2)

    sent, _ = run(
        tmp_path, 3, log, params={"since": "2024-08-13T12:00:00.000Z"}, collector=Collector(fail_at={2, 3, 4})
    )

    assert sent == [1, 1, 2]  # at least once: the failed poll is repeated


def test_a_changed_filter_restarts_from_the_last_published_time_without_repeats(tmp_path, okta):
    log = FakeLog(okta)
    log.add(1, 2)
    run(tmp_path, 2, log, params={"since": "2024-08-13T12:00:00.000Z"})
    log.add(3)

    sent, result = run(tmp_path, 1, log, params={"filter": 'eventType eq "user.session.start"'})

    assert sent == [3]
    assert log.requests[-1]["filter"] == 'eventType eq "user.session.start"'
    assert log.requests[-1]["since"] == event(2)["published"]
