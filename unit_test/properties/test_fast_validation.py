"""The fast validation path never accepts what jsonschema, the authority, rejects.

For every schema the spec produces (connection, each step's input and output), random JSON and
values built from the schema itself (then nudged: a field dropped, a type swapped) are checked:
whenever `fast_valid` says valid, jsonschema must agree. Where it is unsure it says invalid, and
jsonschema decides, so only this one direction matters.
"""

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from komand_okta.runtime import schemas
from komand_okta.runtime import spec as spec_module
from unit_test.properties.strategies import from_schema, json_values

SPEC = spec_module.load()
TYPES = SPEC.get("types") or {}
SECTIONS = [("connection", SPEC.get("connection") or {})] + [
    ("%s.%s.%s" % (kind, name, part), (step.get(part) or {}))
    for kind in ("actions", "triggers", "tasks")
    for name, step in (SPEC.get(kind) or {}).items()
    for part in ("input", "output")
]
# Keywords the spec may use that it does not use yet (or not everywhere): held to jsonschema too.
SYNTHETIC_TYPES = {
    "item": {
        "name": {"type": "string"},
        "n": {"type": "integer", "maximum": 5},
        "child": {"type": "item", "additionalProperties": True},
    }
}
SYNTHETIC = [
    (
        "bounds",
        {
            "n": {"type": "integer", "minimum": 1, "maximum": 300},
            "x": {"type": "number", "minimum": -0.5},
            "m": {"type": "integer", "maximum": 10, "required": True},
            "s": {"type": "string", "minimum": 1},
        },
    ),
    ("open", {"item": {"type": "item", "additionalProperties": True}, "items": {"type": "[]item"}}),
]


@pytest.mark.parametrize("where,fields", SECTIONS, ids=[where for where, _ in SECTIONS])
def test_fast_validation_never_accepts_what_jsonschema_rejects(where, fields):
    schema = schemas.section_schema(fields, TYPES)
    definitions = schema["definitions"]
    validator = jsonschema.Draft202012Validator(schema)

    @given(st.one_of(from_schema(schema, definitions), json_values))
    def check(instance):
        if schemas.fast_valid(instance, schema, definitions):
            assert validator.is_valid(instance), instance

    check()


@pytest.mark.parametrize("where,fields", SYNTHETIC, ids=[where for where, _ in SYNTHETIC])
def test_fast_validation_of_bounds_and_open_types_never_accepts_what_jsonschema_rejects(where, fields):
    schema = schemas.section_schema(fields, SYNTHETIC_TYPES)
    validator = jsonschema.Draft202012Validator(schema)

    @given(st.one_of(from_schema(schema, schema["definitions"]), json_values))
    def check(instance):
        if schemas.fast_valid(instance, schema, schema["definitions"]):
            assert validator.is_valid(instance), instance

    check()


def test_the_fast_path_confirms_a_number_within_its_bounds():
    schema = schemas.section_schema(SYNTHETIC[0][1], {})
    assert schemas.fast_valid({"n": 300, "x": -0.5, "m": 10}, schema, schema["definitions"])


def test_the_fast_path_confirms_the_spec_examples_it_is_meant_for():
    from komand_okta.runtime.samples import section_example

    schema = schemas.section_schema(SPEC["actions"]["get_user"]["input"], TYPES)
    assert schemas.fast_valid(section_example(SPEC["actions"]["get_user"]["input"]), schema, schema["definitions"])


def test_a_value_jsonschema_accepts_in_its_own_way_still_validates():
    schema = schemas.section_schema({"n": {"type": "integer", "required": True}}, {})
    assert schemas.problems({"n": 2.0}, schema) == []  # 2.0 is an integer in draft 2020-12; jsonschema says so
