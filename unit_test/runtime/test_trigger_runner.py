"""The trigger loop: state saved only after delivery, failures never lose or invent events."""
from komand_okta.clock import FakeClock
from komand_okta.runtime.components import Trigger
from komand_okta.runtime.steplog import StepLog
from komand_okta.runtime.triggers import StateStore, TriggerRunner


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
