"""The spec decides what an output holds: declared members are kept, the rest is left out."""

import io

from komand_okta.clock import FakeClock
from komand_okta.runtime.plugin import Plugin
from unit_test.runtime.spec_plugin import cause, run_echo


def output_of(reply):
    envelope, ok, _ = run_echo({"email": "a@example.com", "reply": reply})
    assert ok, envelope["body"].get("error")
    return envelope["body"]["output"]


def test_undeclared_top_level_members_are_left_out():
    assert output_of({"count": 2, "debug": "x"}) == {"count": 2}


def test_undeclared_members_of_a_custom_type_are_left_out_at_every_depth():
    reply = {"item": {"name": "a", "realm": "r", "child": {"name": "b", "realm": "r", "child": {"name": "c", "x": 1}}}}
    assert output_of(reply) == {"item": {"name": "a", "child": {"name": "b", "child": {"name": "c"}}}}


def test_each_item_of_an_array_of_a_custom_type_is_trimmed():
    assert output_of({"items": [{"name": "a", "x": 1}, {"name": "b", "tags": ["t"], "y": 2}]}) == {
        "items": [{"name": "a"}, {"name": "b", "tags": ["t"]}]
    }


def test_a_member_typed_object_is_kept_whole_less_its_nulls():
    extra = {"anything": {"deep": [1, {"k": "v", "gone": None}]}, "also": True}
    assert output_of({"item": {"extra": extra}}) == {
        "item": {"extra": {"anything": {"deep": [1, {"k": "v"}]}, "also": True}}
    }


def test_a_field_marked_additional_properties_keeps_members_its_type_does_not_declare():
    reply = {"open": {"name": "u", "attributes": {"name": "n", "costCenter": "42", "gone": None}, "x": 1}}
    assert output_of(reply) == {"open": {"name": "u", "attributes": {"name": "n", "costCenter": "42"}}}


def test_a_declared_member_of_the_wrong_type_is_still_refused_not_dropped():
    envelope, ok, _ = run_echo({"email": "a@example.com", "reply": {"item": {"name": 5, "x": 1}}})
    assert not ok and "'item.name' must be of type string" in cause(envelope)


TASK_SPEC = {
    "connection": {},
    "types": {"number": {"n": {"type": "integer", "required": True}}},
    "tasks": {
        "count_up": {
            "input": {"batch": {"type": "integer", "required": True}},
            "output": {"numbers": {"type": "[]number", "required": True}},
        }
    },
}


def test_task_output_items_are_trimmed_to_their_type(monkeypatch):
    from komand_okta.runtime.components import TaskResult
    from unit_test.runtime.fake_plugin.tasks import count_up

    monkeypatch.setattr(
        count_up.Task,
        "run",
        lambda self, params, state, custom: TaskResult([{"n": 1, "note": "x"}, {"n": 2, "skip": None}], {}),
    )
    plugin = Plugin(package="unit_test.runtime.fake_plugin", spec=TASK_SPEC, clock=FakeClock(), stderr=io.StringIO())
    envelope, ok = plugin.handle(
        {"type": "task_start", "version": "v1", "body": {"task": "count_up", "input": {"batch": 1}, "state": {}}}
    )
    assert ok and envelope["body"]["output"] == [{"n": 1}, {"n": 2}]


def test_an_output_list_is_trimmed_in_place_so_its_full_items_are_freed_as_it_goes():
    from komand_okta.runtime import schemas

    schema = {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}
    handed_over = [{"name": "a", "profile": {"big": "x" * 100}}, {"name": "b", "x": 1}]
    shaped = schemas.conformed(handed_over, schema, {}, in_place=True)
    assert shaped is handed_over and handed_over == [{"name": "a"}, {"name": "b"}]
