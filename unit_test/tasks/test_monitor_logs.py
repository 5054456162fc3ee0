"""Monitor Logs (task protocol): first-run lookback from the server's Date, one page per run with
has_more_pages, state round-trip without repeats, 429 → no events, status 429, state kept."""

import io

from komand_okta.clock import FakeClock
from komand_okta.runtime.plugin import Plugin
from unit_test.conftest import CONNECTION
from unit_test.triggers.test_new_system_logs import RESET, FakeLog, event


def run_task(state, params=None, custom_config=None, clock=None):
    body = {"task": "monitor_logs", "meta": {}, "connection": CONNECTION, "input": params or {}, "state": state}
    if custom_config is not None:
        body["custom_config"] = custom_config
    plugin = Plugin(clock=clock or FakeClock(start=0.0), stderr=io.StringIO())
    envelope, ok = plugin.handle({"type": "task_start", "version": "v1", "body": body})
    assert ok, envelope
    return envelope["body"]


def uuids(body):
    return [int(e["uuid"].split("-")[1]) for e in body["output"]]


def test_the_first_run_looks_back_from_the_server_date(okta):
    log = FakeLog(okta)
    log.add(1)

    body = run_task({}, {"lookback_hours": 2})

    assert log.requests[0] == {"limit": "1", "sortOrder": "DESCENDING"}
    assert log.requests[1]["since"] == "2024-08-13T10:00:00.000Z"
    assert uuids(body) == [1] and body["status_code"] == 200 and body["has_more_pages"] is False
    assert (
        body["state"]["next_page_link"].endswith("after=1&limit=1000&sortOrder=ASCENDING")
        or "after=1" in body["state"]["next_page_link"]
    )
    assert body["state"]["boundary_uuids"] == ["uuid-0001"]


def test_custom_config_lookback_overrides_on_the_first_run(okta):
    log = FakeLog(okta)
    run_task({}, {"lookback_hours": 2}, custom_config={"lookback": "2024-08-10T00:00:00Z"})
    assert log.requests == [{"since": "2024-08-10T00:00:00.000Z", "sortOrder": "ASCENDING", "limit": "1000"}]


def test_pages_runs_and_state_round_trip_without_repeats(okta):
    log = FakeLog(okta)
    log.add(*range(1500), second=30)

    first = run_task({})
    second = run_task(first["state"])
    log.add(1500, 1501, second=40)
    third = run_task(second["state"])
    fourth = run_task(third["state"])

    assert (len(first["output"]), first["has_more_pages"]) == (1000, True)
    assert (uuids(second), second["has_more_pages"]) == (list(range(1000, 1500)), False)
    assert uuids(third) == [1500, 1501] and fourth["output"] == []
    assert fourth["state"]["last_published"] == event(1501, 40)["published"]
    assert set(fourth["state"]) == {"next_page_link", "last_published", "boundary_uuids"}


def test_a_repeated_event_at_the_boundary_is_not_returned_again(okta):
    log = FakeLog(okta)
    log.add(1)
    first = run_task({})
    log.events.append(dict(log.events[-1]))
    log.add(2)

    assert uuids(run_task(first["state"])) == [2]


def test_a_429_answers_no_events_status_429_and_keeps_the_state_then_pauses(okta):
    log = FakeLog(okta)
    log.add(1)
    state = run_task({})["state"]
    log.add(2)
    log.fail = [429]

    limited = run_task(state, clock=FakeClock(start=RESET - 30))
    paused = run_task(limited["state"], clock=FakeClock(start=RESET - 10))
    resumed = run_task(limited["state"], clock=FakeClock(start=RESET + 1))

    assert limited["output"] == [] and limited["status_code"] == 429 and limited["status"] == "ok"
    assert "rate limit" in limited["exception"]["cause"].lower() or "429" in limited["exception"]["cause"]
    assert limited["state"] == dict(state, rate_limit_reset=RESET)
    assert paused["status_code"] == 429 and paused["output"] == [] and len(log.requests) == 4  # no request
    assert uuids(resumed) == [2] and "rate_limit_reset" not in resumed["state"]


def test_another_failure_answers_its_status_and_keeps_the_state(okta):
    log = FakeLog(okta)
    state = run_task({})["state"]
    log.fail = [500] * 5

    body = run_task(state)

    assert body["output"] == [] and body["status_code"] == 500 and body["state"] == state
