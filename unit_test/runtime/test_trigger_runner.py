"""The trigger loop: state saved only after delivery, failures never lose or invent events, an
event that cannot be emitted is quarantined, and state files stay inside the state directory."""

import io
import json

import pytest

from komand_okta.clock import FakeClock
from komand_okta.runtime import quarantine
from komand_okta.runtime.components import Trigger
from komand_okta.runtime.errors import ClientError
from komand_okta.runtime.state import StateStore
from komand_okta.runtime.steplog import StepLog
from komand_okta.runtime.triggers import TriggerRunner


class Collect:
    def __init__(self, fail_times=0):
        self.sent, self.fail_times = [], fail_times

    def send(self, envelope):
        if self.fail_times:
            self.fail_times -= 1
            raise OSError("dispatcher down")
        self.sent.append(envelope)


class Counter(Trigger):
    """Emits one event per poll with a running count kept in state; fails when told to."""

    failing_calls = ()
    calls = 0

    def poll(self, params, state):
        self.calls += 1
        state["n"] = state.get("n", 0) + 1
        if self.calls in self.failing_calls:
            raise RuntimeError("boom")
        return [{"n": state["n"]}]


class FakePlugin:
    spec = {"types": {}}

    @staticmethod
    def fields(kind, name, section):
        return {"n": {"type": "integer", "required": True}}


class Message:
    name, dispatcher = "counter", {}

    def __init__(self, trigger_id="t1"):
        self.meta = {"triggerId": trigger_id} if trigger_id else {}


def nested(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


def run(tmp_path, polls, dispatcher=None, trigger=None, trigger_id="t1"):
    clock = FakeClock()
    trigger = trigger or Counter(None, StepLog(stream=False), clock)
    dispatcher = dispatcher or Collect()
    runner = TriggerRunner(dispatcher, state_dir=tmp_path, max_polls=polls)
    runner(FakePlugin, Message(trigger_id), trigger, {"interval": 30}, StepLog(stream=False))
    return dispatcher, clock


def test_each_event_is_sent_as_a_trigger_event_envelope_with_the_meta(tmp_path):
    sent, _ = run(tmp_path, 2)
    assert [e["body"]["output"] for e in sent.sent] == [{"n": 1}, {"n": 2}]
    assert sent.sent[0]["type"] == "trigger_event" and sent.sent[0]["body"]["meta"] == {"triggerId": "t1"}


def test_the_interval_is_waited_between_polls(tmp_path):
    _, clock = run(tmp_path, 3)
    assert sum(clock.sleeps) == 60


def test_state_survives_a_restart(tmp_path):
    run(tmp_path, 2)
    sent, _ = run(tmp_path, 1)
    assert sent.sent[0]["body"]["output"] == {"n": 3}


def test_a_failed_poll_keeps_the_previous_state_and_sends_nothing(tmp_path):
    trigger = Counter(None, StepLog(stream=False), FakeClock())
    trigger.failing_calls = (2,)
    sent, _ = run(tmp_path, 3, trigger=trigger)
    # poll 2 failed: its state change was discarded, so poll 3 recomputes n=2
    assert [e["body"]["output"] for e in sent.sent] == [{"n": 1}, {"n": 2}]


def test_an_event_that_cannot_be_delivered_is_not_forgotten(tmp_path):
    sent, _ = run(tmp_path, 2, dispatcher=Collect(fail_times=3))
    assert [e["body"]["output"] for e in sent.sent] == [{"n": 1}]
    assert StateStore(tmp_path, "t1").load() == {"n": 1}


def test_without_a_trigger_id_nothing_is_written_to_disk(tmp_path):
    run(tmp_path, 1, trigger_id=None)
    assert list(tmp_path.iterdir()) == []


def test_state_is_written_atomically_as_json(tmp_path):
    store = StateStore(tmp_path, "abc")
    store.save({"k": [1, 2]})
    assert store.load() == {"k": [1, 2]} and [p.name for p in tmp_path.iterdir()] == ["abc.json"]


def test_the_trigger_is_closed_when_the_runner_stops(tmp_path):
    trigger = Counter(None, StepLog(stream=False), FakeClock())
    closed = []
    trigger.close = lambda: closed.append(True)
    run(tmp_path, 2, trigger=trigger)
    assert closed == [True]


class Scripted(Trigger):
    """Returns the next scripted list of events each poll and counts its polls in state."""

    def __init__(self, *polls):
        super().__init__(None, StepLog(stream=False), FakeClock())
        self.polls = list(polls)

    def poll(self, params, state):
        state["polls"] = state.get("polls", 0) + 1
        return self.polls.pop(0) if self.polls else []


def run_scripted(tmp_path, trigger, trigger_id="t1"):
    """(the events sent, everything logged: the lines carried by the events and the rest)."""
    dispatcher, stream = Collect(), io.StringIO()
    runner = TriggerRunner(dispatcher, state_dir=tmp_path, max_polls=len(trigger.polls) or 1)
    runner(FakePlugin, Message(trigger_id), trigger, {"interval": 30}, StepLog(stream=stream))
    return [e["body"]["output"] for e in dispatcher.sent], stream.getvalue()


def dead_letters(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


POISON = {"n": "not a number", "id": "evt-poison"}


def test_a_poison_event_is_quarantined_and_every_good_one_after_it_is_sent(tmp_path):
    sent, _ = run_scripted(tmp_path, Scripted([POISON, {"n": 1}, {"n": 2}], [{"n": 3}]))
    assert sent == [{"n": 1}, {"n": 2}, {"n": 3}]
    [letter] = dead_letters(tmp_path / "t1.deadletter.jsonl")
    assert letter["event"] == POISON and letter["id"] == '"evt-poison"' and "n" in letter["reason"]


def test_the_state_moves_on_past_a_quarantined_event(tmp_path):
    run_scripted(tmp_path, Scripted([POISON], [POISON]))
    assert StateStore(tmp_path, "t1").load() == {"polls": 2}


def test_the_log_names_the_quarantined_event_and_counts_each_poll(tmp_path):
    _, log = run_scripted(tmp_path, Scripted([POISON, {"n": 1}]))
    assert 'Event "evt-poison" quarantined: it does not match the plugin spec' in log
    assert "Poll: 1 event(s) sent, 1 quarantined." in log


@pytest.mark.parametrize(
    "event", [{"n": float("nan")}, {"n": 1, "deep": nested(5000)}], ids=["nan", "nesting too deep to encode"]
)
def test_an_event_json_cannot_carry_is_quarantined(tmp_path, event):
    sent, _ = run_scripted(tmp_path, Scripted([event, {"n": 1}]))
    assert sent == [{"n": 1}] and len(dead_letters(tmp_path / "t1.deadletter.jsonl")) == 1


def test_a_poll_whose_delivery_failed_is_repeated_with_its_quarantine_written_once(tmp_path):
    dispatcher = Collect(fail_times=3)  # the first poll's delivery fails all its tries
    trigger = Scripted([POISON, {"n": 1}])
    trigger.poll = lambda params, state: [POISON, {"n": 1}]  # the failed poll finds the same again
    runner = TriggerRunner(dispatcher, state_dir=tmp_path, max_polls=2)
    runner(FakePlugin, Message("t1"), trigger, {"interval": 30}, StepLog(stream=False))
    assert [e["body"]["output"] for e in dispatcher.sent] == [{"n": 1}]
    assert len(dead_letters(tmp_path / "t1.deadletter.jsonl")) == 1


def test_without_a_trigger_id_a_quarantined_event_is_kept_whole_in_the_log(tmp_path):
    sent, log = run_scripted(tmp_path, Scripted([POISON, {"n": 1}]), trigger_id=None)
    assert sent == [{"n": 1}] and list(tmp_path.iterdir()) == []
    assert json.dumps(POISON) in log


def test_a_dead_letter_file_that_cannot_be_written_leaves_the_event_in_the_log(tmp_path):
    (tmp_path / "t1.deadletter.jsonl").mkdir()  # a directory where the file should be
    sent, log = run_scripted(tmp_path, Scripted([POISON, {"n": 1}]))
    assert sent == [{"n": 1}] and json.dumps(POISON) in log and "cannot be written" in log


def test_a_full_dead_letter_file_is_rotated(tmp_path, monkeypatch):
    monkeypatch.setattr(quarantine, "MAX_BYTES", 10)
    run_scripted(tmp_path, Scripted([POISON], [POISON]))
    assert len(dead_letters(tmp_path / "t1.deadletter.jsonl")) == 1
    assert len(dead_letters(tmp_path / "t1.deadletter.jsonl.1")) == 1


@pytest.mark.parametrize("trigger_id", ["../../x", "/tmp/x", "..", "a/b", "x y", "ünï", "_sha256-x", "-x"])
def test_a_trigger_id_that_is_not_a_plain_name_stays_inside_the_state_directory(tmp_path, trigger_id):
    state_dir = tmp_path / "state"
    run_scripted(state_dir, Scripted([POISON]), trigger_id=trigger_id)
    assert sorted(p.parent for p in tmp_path.rglob("*") if p.is_file()) == [state_dir, state_dir]
    assert StateStore(state_dir, trigger_id).load() == {"polls": 1}


def test_distinct_unsafe_trigger_ids_get_distinct_files(tmp_path):
    assert StateStore(tmp_path, "../x").path != StateStore(tmp_path, "/x").path


@pytest.mark.parametrize("trigger_id", ["9d3c1f0e-5b7a-4c2e-8f1d-2a6b4e8c0d13", "my.trigger_1"])
def test_a_plain_trigger_id_keeps_the_name_earlier_versions_wrote(tmp_path, trigger_id):
    (tmp_path / (trigger_id + ".json")).write_text('{"n": 41}')
    sent, _ = run(tmp_path, 1, trigger_id=trigger_id)
    assert sent.sent[0]["body"]["output"] == {"n": 42}


def deny(monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.TemporaryFile", refuse)


@pytest.mark.parametrize("unwritable", ["below a file", "permission denied"])
def test_a_state_directory_that_cannot_be_written_is_a_clear_error_before_any_poll(tmp_path, monkeypatch, unwritable):
    (tmp_path / "file").write_text("")
    state_dir = tmp_path / "file" / "state" if unwritable == "below a file" else tmp_path / "state"
    if unwritable == "permission denied":
        deny(monkeypatch)
    trigger = Scripted([{"n": 1}])
    with pytest.raises(ClientError) as raised:
        run_scripted(state_dir, trigger)
    assert str(state_dir) in raised.value.cause
    assert "--state-dir" in raised.value.assistance and "KOMAND_OKTA_STATE_DIR" in raised.value.assistance
    assert trigger.polls == [[{"n": 1}]]


def test_a_missing_state_directory_is_created(tmp_path):
    run(tmp_path / "a" / "b", 1)
    assert StateStore(tmp_path / "a" / "b", "t1").load() == {"n": 1}


def test_a_state_that_cannot_be_saved_is_logged_and_the_trigger_goes_on(tmp_path):
    (tmp_path / "t1.json.tmp").mkdir()  # the temporary file cannot be created
    sent, log = run_scripted(tmp_path, Scripted([{"n": 1}], [{"n": 2}]))
    assert sent == [{"n": 1}, {"n": 2}] and "could not be saved" in log


def test_a_corrupt_state_file_is_a_clear_error_naming_it(tmp_path):
    (tmp_path / "t1.json").write_text("{not json")
    with pytest.raises(ClientError, match=r"t1\.json"):
        run(tmp_path, 1)
