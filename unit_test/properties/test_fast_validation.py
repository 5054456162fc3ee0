"""The fast validation path never accepts what jsonschema, the authority, rejects.

For every schema the spec produces (connection, each step's input and output), random JSON and
values built from the schema itself (then nudged: a field dropped, a type swapped) are checked:
whenever `fast_valid` says valid, jsonschema must agree. Where it is unsure it says invalid, and
jsonschema decides, so only this one direction matters.
"""
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from komand_okta.runtime import schemas, spec as spec_module

SPEC = spec_module.load()
TYPES = SPEC.get("types") or {}
SECTIONS = [("connection", SPEC.get("connection") or {})] + [
    ("%s.%s.%s" % (kind, name, part), (step.get(part) or {}))
    for kind in ("actions", "triggers", "tasks") for name, step in (SPEC.get(kind) or {}).items()
    for part in ("input", "output")]
SETTINGS = dict(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                           st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                           max_leaves=12)


def from_schema(schema, definitions, depth=0):
    """Values shaped by the schema (mostly valid), with random JSON mixed in at every level."""
    if "$ref" in schema:
        return from_schema(definitions[schema["$ref"].rsplit("/", 1)[-1]], definitions, depth)
    kind = schema.get("type")
    if "enum" in schema:
        shaped = st.sampled_from(schema["enum"])
    elif kind == "object" and schema.get("properties") and depth < 4:
        props = schema["properties"]
        shaped = st.fixed_dictionaries({}, optional={k: from_schema(v, definitions, depth + 1) for k, v in props.items()})
    elif kind == "array":
        shaped = st.lists(from_schema(schema.get("items") or {}, definitions, depth + 1), max_size=3)
    else:
        shaped = {"string": st.text(max_size=5), "boolean": st.booleans(), "integer": st.integers(),
                  "number": st.one_of(st.integers(), st.floats(allow_nan=False)),
                  "object": st.dictionaries(st.text(max_size=3), scalars, max_size=2)}.get(kind, json_values)
    return st.one_of(shaped, shaped, json_values) if depth else shaped


@pytest.mark.parametrize("where,fields", SECTIONS, ids=[where for where, _ in SECTIONS])
def test_fast_validation_never_accepts_what_jsonschema_rejects(where, fields):
    schema = schemas.section_schema(fields, TYPES)
    definitions = schema["definitions"]
    validator = jsonschema.Draft202012Validator(schema)

    @settings(**SETTINGS)
    @given(st.one_of(from_schema(schema, definitions), json_values))
    def check(instance):
        if schemas.fast_valid(instance, schema, definitions):
            assert validator.is_valid(instance), instance
    check()


def test_the_fast_path_confirms_the_spec_examples_it_is_meant_for():
    from komand_okta.runtime.samples import section_example
    schema = schemas.section_schema(SPEC["actions"]["get_user"]["input"], TYPES)
    assert schemas.fast_valid(section_example(SPEC["actions"]["get_user"]["input"]), schema, schema["definitions"])


def test_a_value_jsonschema_accepts_in_its_own_way_still_validates():
    schema = schemas.section_schema({"n": {"type": "integer", "required": True}}, {})
    assert schemas.problems({"n": 2.0}, schema) == []  # 2.0 is an integer in draft 2020-12; jsonschema says so
