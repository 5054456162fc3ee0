"""Signatures: values a schema cannot tell apart share one; values it can, never do.

The contract checks validate one value per signature, so a signature that merged two values a
keyword treats differently would let a broken one through.  Needs no ../shared.
"""

import jsonschema
import pytest

from .signature import Probes

USER = {
    "$defs": {"Status": {"type": "string", "enum": ["ACTIVE", "SUSPENDED"]}},
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"},
        "status": {"$ref": "#/$defs/Status"},
        "profile": {
            "type": "object",
            "properties": {
                "login": {"type": "string", "minLength": 5, "maxLength": 10},
                "tags": {"type": "array", "items": {"type": "string", "pattern": "^t-"}, "maxItems": 2},
                "age": {"type": "integer", "minimum": 0},
            },
            "additionalProperties": {"type": "string", "maxLength": 3},
        },
    },
}
BASE = {"id": "00u1", "status": "ACTIVE", "profile": {"login": "jane1", "tags": ["t-a"], "age": 30}}


def signature(value, schema=USER):
    return Probes.of(schema).signature(value)


def changed(path, value):
    copy = {**BASE, "profile": dict(BASE["profile"])}
    target = copy["profile"] if path[0] == "profile" else copy
    target[path[-1]] = value
    return copy


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("id",), "00u2"),
        (("profile", "login"), "jane2"),
        (("profile", "tags"), ["t-b", "t-c"]),
        (("profile", "age"), 31),
    ],
)
def test_values_differing_only_where_no_keyword_decides_share_a_signature(path, value):
    assert signature(changed(path, value)) == signature(BASE)


def test_additional_properties_within_the_same_bounds_share_a_signature():
    assert signature(changed(("profile", "nick"), "abc")) == signature(changed(("profile", "nick"), "xyz"))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("status",), "SUSPENDED"),
        (("status",), "ASLEEP"),
        (("profile", "login"), "jo"),
        (("profile", "login"), "jane.doe.long"),
        (("profile", "tags"), ["x-a"]),
        (("profile", "tags"), ["t-a"] * 3),
        (("profile", "age"), -1),
        (("profile", "age"), 1.5),
        (("profile", "age"), "30"),
        (("id",), None),
        (("profile", "nick"), "abcd"),
        (("profile", "tags"), []),
        (("id",), ""),
    ],
)
def test_a_value_a_keyword_could_judge_differently_gets_its_own_signature(path, value):
    assert signature(changed(path, value)) != signature(BASE)


def test_values_sharing_a_signature_are_judged_alike_by_the_schema():
    validator = jsonschema.Draft202012Validator(USER)
    values = [
        changed(p, v)
        for p, v in [
            (("profile", "login"), "jo"),
            (("profile", "login"), "ab"),
            (("status",), "ASLEEP"),
            (("profile", "age"), -5),
            (("id",), "x"),
        ]
    ]
    by_signature = {}
    for value in [BASE, *values]:
        by_signature.setdefault(signature(value), set()).add(validator.is_valid(value))
    assert all(len(verdicts) == 1 for verdicts in by_signature.values())


def test_a_keyword_the_signature_does_not_model_leaves_the_schema_unprobed():
    assert Probes.of({"type": "object", "patternProperties": {"^x": {"type": "string"}}}) is None


def test_annotations_do_not_stop_the_schema_being_probed():
    assert Probes.of({"type": "string", "title": "t", "description": "d", "x-okta-tags": ["a"]}) is not None
