"""The task protocol: state in, state out, a list as output, errors reported with status ok, and an
output item that breaks the spec quarantined rather than failing the run."""

import io
import json

import pytest

from komand_okta.clock import FakeClock
from komand_okta.runtime.components import TaskResult
from komand_okta.runtime.plugin import Plugin
from unit_test.runtime.fake_plugin.tasks import count_up

SPEC = {
    "connection": {},
    "types": {"number": {"n": {"type": "integer", "required": True}}},
    "tasks": {
        "count_up": {
            "input": {"batch": {"type": "integer", "required": True}, "fail": {"type": "boolean", "required": False}},
            "output": {"numbers": {"type": "[]number", "required": True}},
        }
    },
}


def run_task(params, state=None, custom_config=None, with_state=True):
    body = {"task": "count_up", "meta": {"m": 1}, "connection": {}, "input": params}
    if with_state:
        body["state"] = state if state is not None else {}
    if custom_config is not None:
        body["custom_config"] = custom_config
    plugin = Plugin(package="unit_test.runtime.fake_plugin", spec=SPEC, clock=FakeClock(), stderr=io.StringIO())
    return plugin.handle({"type": "task_start", "version": "v1", "body": body})


def test_a_task_answers_a_task_event_with_state_paging_and_a_list_output():
    envelope, ok = run_task({"batch": 2}, state={"cursor": 5})
    body = envelope["body"]
    assert ok and envelope["type"] == "task_event"
    assert body["output"] == [{"n": 6}, {"n": 7}] and body["state"] == {"cursor": 7}
    assert body["has_more_pages"] is True and body["status_code"] == 200
    assert list(body) == ["log", "status", "meta", "state", "has_more_pages", "status_code", "output"]


def test_custom_config_reaches_the_task_on_its_first_run():
    envelope, _ = run_task({"batch": 1}, custom_config={"start": 100})
    assert envelope["body"]["output"] == [{"n": 101}]


def test_a_task_error_is_reported_with_status_ok_and_the_status_code():
    envelope, ok = run_task({"batch": 1, "fail": True})
    body = envelope["body"]
    assert ok and body["status"] == "ok" and body["status_code"] == 429
    assert body["exception"] == {"cause": "Rate limited", "assistance": "Wait", "data": ""}


def test_a_task_message_without_state_is_refused():
    envelope, ok = run_task({"batch": 1}, with_state=False)
    assert not ok and "'state'" in envelope["body"]["exception"]["cause"]


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMAND_OKTA_STATE_DIR", str(tmp_path))
    return tmp_path


def run_returning(monkeypatch, items, state=None):
    monkeypatch.setattr(count_up.Task, "run", lambda self, params, old, custom: TaskResult(items, state or {}))
    stderr = io.StringIO()
    plugin = Plugin(package="unit_test.runtime.fake_plugin", spec=SPEC, clock=FakeClock(), stderr=stderr)
    envelope, ok = plugin.handle(
        {"type": "task_start", "version": "v1", "body": {"task": "count_up", "input": {"batch": 1}, "state": {}}}
    )
    return envelope, ok, stderr.getvalue()


def test_a_poison_item_is_quarantined_and_the_others_are_answered_with_the_new_state(monkeypatch, state_dir):
    poison = {"n": "twelve", "id": "evt-bad"}
    envelope, ok, log = run_returning(monkeypatch, [{"n": 1}, poison, {"n": 2}], state={"cursor": 2})
    assert ok and envelope["body"]["output"] == [{"n": 1}, {"n": 2}] and envelope["body"]["state"] == {"cursor": 2}
    [letter] = [json.loads(line) for line in (state_dir / "task-count_up.deadletter.jsonl").read_text().splitlines()]
    assert letter["event"] == poison and "did not match the plugin spec" in letter["reason"]
    assert 'Event "evt-bad" quarantined' in log and "2 event(s) answered, 1 quarantined." in log


def test_an_output_that_is_not_a_list_is_still_a_plugin_defect(monkeypatch):
    envelope, ok, _ = run_returning(monkeypatch, {"n": 1})
    assert not ok and "did not match the plugin spec" in envelope["body"]["error"]
