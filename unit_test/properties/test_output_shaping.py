"""Shaping an output to the spec (`schemas.conformed`) only ever removes what the spec does not declare.

For every output section of the spec, and for synthetic sections using keywords the spec may
adopt (`additionalProperties: true` on a field), random values shaped by the schema are checked:
- an output the schema accepts before shaping is still accepted after it, and then holds no
  member its types do not declare (checked by jsonschema against a closed copy of the schema);
- shaping keeps every declared member that is not null, so it never loses what the spec promises;
- shaping twice changes nothing.
"""

import copy

import jsonschema
import pytest
from hypothesis import given

from komand_okta.runtime import schemas
from komand_okta.runtime import spec as spec_module
from unit_test.properties.strategies import from_schema

SPEC = spec_module.load()
TYPES = SPEC.get("types") or {}
SYNTHETIC_TYPES = {
    "item": {
        "name": {"type": "string"},
        "tags": {"type": "[]string"},
        "extra": {"type": "object"},
        "child": {"type": "item"},
        "open": {"type": "item", "additionalProperties": True},
    }
}
SECTIONS = [
    ("%s.%s" % (kind, name), step.get("output") or {}, TYPES)
    for kind in ("actions", "triggers", "tasks")
    for name, step in (SPEC.get(kind) or {}).items()
]
SECTIONS.append(("synthetic", {"item": {"type": "item"}, "items": {"type": "[]item"}}, SYNTHETIC_TYPES))


def closed(schema):
    """The schema refusing undeclared members wherever it declares properties (an open field: anything)."""
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("additionalProperties") is True:
        return {}
    result = {key: closed(value) for key, value in schema.items()}
    if result.get("type") == "object" and "properties" in result:
        result["additionalProperties"] = False
    return result


def declared_kept(before, after, schema, definitions) -> bool:
    """Every non-null member `before` has and `schema` declares is in `after`, at every depth."""
    while "$ref" in schema and schema.get("additionalProperties") is not True:
        schema = definitions[schema["$ref"].rsplit("/", 1)[-1]]
    if isinstance(before, dict) and isinstance(after, dict):
        declared = schema.get("properties") if schema.get("additionalProperties") is not True else None
        keys = [k for k in before if before[k] is not None and (declared is None or k in declared)]
        return all(
            k in after and declared_kept(before[k], after[k], (declared or {}).get(k, {}), definitions) for k in keys
        )
    if isinstance(before, list) and isinstance(after, list):
        return len(before) == len(after) and all(
            declared_kept(b, a, schema.get("items") or {}, definitions) for b, a in zip(before, after, strict=True)
        )
    return True


@pytest.mark.parametrize("where,fields,types", SECTIONS, ids=[where for where, _, _ in SECTIONS])
def test_shaping_keeps_what_the_spec_declares_and_only_that(where, fields, types):
    schema = schemas.section_schema(fields, types)
    definitions = schema["definitions"]
    validator = jsonschema.Draft202012Validator(schema)
    strict = jsonschema.Draft202012Validator(closed(schema))

    @given(from_schema(schema, definitions))
    def check(output):
        original = copy.deepcopy(output)
        shaped = schemas.conformed(output, schema, definitions)
        assert output == original  # the step's own value is not changed
        if validator.is_valid(schemas.without_nulls(output)):
            assert strict.is_valid(shaped), shaped
        assert declared_kept(output, shaped, schema, definitions)
        assert schemas.conformed(shaped, schema, definitions) == shaped

    check()
