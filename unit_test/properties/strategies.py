"""Hypothesis strategies derived from the plugin spec: bad inputs and nasty-but-well-typed inputs.

Everything is computed from `plugin.spec.yaml` (the same spec the runtime validates against),
so a new action or a new field is covered without touching this file:

- `valid_input(kind, name)`: the spec's examples (or a placeholder) for every field, which the
  runtime accepts; the starting point that each strategy changes in one way.
- `invalid_inputs(kind, name)`: (input, field) pairs that break the schema at `field` (a wrong
  JSON type, a value outside an enum (never "" for an optional field: that is "not given"), a
  number outside its minimum/maximum, a required field missing / null / "" / whitespace-only, a
  custom type or array whose inner shape is wrong). The runtime must refuse each before any
  request, naming `field`.
- `from_schema(schema, definitions)`: values shaped by a generated schema (mostly valid, with
  undeclared members and random JSON mixed in), for properties of validation and output shaping.
- `nasty_inputs(kind, name)`: inputs of the right types whose strings are hostile (`/`, `..`,
  `?`, `#`, `%`, CR/LF, NUL, RTL marks, emoji, combining marks, 10k characters). The runtime may
  refuse them or send requests, but the requests' paths must be correctly encoded.
"""

import copy
import math

from hypothesis import strategies as st

from komand_okta.runtime import spec as spec_module
from komand_okta.runtime.samples import example_value

SPEC = spec_module.load()
TYPES = SPEC.get("types") or {}
SECTIONS = {"action": "actions", "trigger": "triggers", "task": "tasks"}

BASE_KINDS = {
    "string": "string",
    "date": "string",
    "bytes": "string",
    "python": "string",
    "boolean": "boolean",
    "bool": "boolean",
    "integer": "integer",
    "int": "integer",
    "number": "number",
    "float": "number",
    "object": "object",
    "file": "object",
}
# One or more values of each JSON kind; "integer" and "number" overlap (1 is both), so a kind's
# wrong values are drawn only from kinds the field does not accept at all.
KIND_VALUES = {
    "string": st.sampled_from(["1", "true", "null", "[]", "{}", "x"]),
    "boolean": st.booleans(),
    "integer": st.integers(-(2**40), 2**40),
    "number": st.sampled_from([1.5, -0.25, 3.14159, 1e-300]),
    "object": st.sampled_from([{}, {"a": 1}, {"value": "x"}]),
    "array": st.sampled_from([[], ["x"], [1, 2], [{}]]),
    "null": st.none(),
}
ACCEPTS = {
    "string": {"string"},
    "boolean": {"boolean"},
    "integer": {"integer"},
    "number": {"number", "integer"},
    "object": {"object"},
    "array": {"array"},
}
WHITESPACE = " \t\n\r\x0b\x0c\u00a0\u2003\u3000"


def step(kind: str, name: str) -> dict:
    return (SPEC.get(SECTIONS[kind]) or {})[name]


def names(kind: str) -> list:
    return sorted(SPEC.get(SECTIONS[kind]) or {})


def input_fields(kind: str, name: str) -> dict:
    return step(kind, name).get("input") or {}


def field_kind(type_name: str) -> str:
    """The JSON kind a spec type must be: string, boolean, integer, number, object or array."""
    if type_name.startswith("[]"):
        return "array"
    if type_name in TYPES or type_name.startswith("credential_"):
        return "object"
    if type_name == "password":  # the spec defines its own `password` type (an object)
        return "object"
    return BASE_KINDS.get(type_name, "")


def valid_input(kind: str, name: str) -> dict:
    """Every field's example, which the runtime accepts as it is."""
    return {key: copy.deepcopy(example_value(field)) for key, field in input_fields(kind, name).items()}


# -- invalid inputs ------------------------------------------------------------------------------
def _wrong_value(field: dict):
    """A value the field's schema refuses, or None when no such value exists (an untyped field)."""
    type_name = str(field.get("type", ""))
    kind = field_kind(type_name)
    if not kind:
        return None
    choices = [
        st.tuples(st.just("type"), KIND_VALUES[other]) for other in KIND_VALUES if other not in ACCEPTS[kind] | {"null"}
    ]
    choices.append(st.tuples(st.just("null"), st.none()))
    if "enum" in field and kind == "string":
        # "" for an optional field means "not given" (its default applies), so it is not wrong
        allowed = set(field["enum"]) | (set() if field.get("required") else {""})
        choices.append(st.tuples(st.just("enum"), st.text(max_size=12).filter(lambda s: s not in allowed)))
    if kind in ("integer", "number"):
        if "minimum" in field:
            choices.append(st.tuples(st.just("below minimum"), st.integers(max_value=math.ceil(field["minimum"]) - 1)))
        if "maximum" in field:
            choices.append(st.tuples(st.just("above maximum"), st.integers(min_value=math.floor(field["maximum"]) + 1)))
    if kind == "array":
        inner_kind = field_kind(type_name[2:])
        if inner_kind:
            wrong_items = [KIND_VALUES[other] for other in KIND_VALUES if other not in ACCEPTS[inner_kind]]
            choices.append(st.tuples(st.just("array item"), st.one_of(wrong_items).map(lambda v: [v])))
    inner = TYPES.get(type_name)
    if inner:  # a custom type: one member of the wrong kind
        typed = {key: f for key, f in inner.items() if field_kind(str(f.get("type", "")))}
        if typed:
            choices.append(st.tuples(st.just("nested"), _nested_wrong(type_name, typed)))
    return st.one_of(choices)


def _nested_wrong(type_name: str, members: dict):
    @st.composite
    def build(draw):
        key = draw(st.sampled_from(sorted(members)))
        value = {k: copy.deepcopy(example_value(f)) for k, f in TYPES[type_name].items()}
        mkind = field_kind(str(members[key].get("type", "")))
        value[key] = draw(st.one_of([KIND_VALUES[o] for o in KIND_VALUES if o not in ACCEPTS[mkind]]))
        return value

    return build()


def invalid_inputs(kind: str, name: str):
    """(input, field, how) triples, each input broken at exactly one field."""
    fields = input_fields(kind, name)
    options = []
    for key, field in sorted(fields.items()):
        wrong = _wrong_value(field)
        if wrong is not None:
            options.append(wrong.map(lambda pair, key=key: (key, pair[0], pair[1], True)))
        if field.get("required"):
            blank = st.one_of(st.just(None), st.just(""), st.text(alphabet=WHITESPACE, min_size=1, max_size=8))
            options.append(blank.map(lambda value, key=key: (key, "blank", value, True)))
            if "default" not in field:  # a missing field with a default is filled in, so it is valid
                options.append(st.just((key, "missing", None, False)))
    if not options:
        return st.nothing()

    @st.composite
    def build(draw):
        key, how, value, present = draw(st.one_of(options))
        params = valid_input(kind, name)
        for optional in sorted(k for k, f in fields.items() if not f.get("required") and k != key):
            if draw(st.booleans()):
                params.pop(optional, None)
        if present:
            params[key] = value
        else:
            params.pop(key, None)
        return params, key, how

    return build()


# -- nasty strings -------------------------------------------------------------------------------
PIECES = [
    "/",
    "..",
    ".",
    "?",
    "#",
    "%",
    "%2F",
    "%2e%2e",
    "%252F",
    "\n",
    "\r",
    "\r\n",
    "\x00",
    "\t",
    "\u202e",
    "\u200f",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\U0001f600",
    "\U0001f469\u200d\U0001f4bb",
    "e\u0301",
    "\u0301",
    "\ufeff",
    "&",
    "=",
    "+",
    " ",
    "\\",
    "@",
    ";",
    "%00",
    "00u1",
    "user@example.com",
    "a",
    "\u00e9",
    "\u4e2d\u6587",
]
SPECIAL = [
    ".",
    "..",
    "/",
    "../",
    "/..",
    "../..",
    "../../users",
    "a/b",
    "..%2F..",
    "%2e%2e",
    "%2E",
    "?",
    "?x=1",
    "#",
    "#frag",
    "%",
    "%zz",
    "%2F",
    "\n",
    "\r\n",
    "a\nb",
    "\x00",
    "a\x00b",
    "\u202eevil",
    "\U0001f600",
    "a\u0301\u0301\u0301",
    "x?y#z/..%",
    "user@example.com/../../groups",
    "*",
    "~",
    "  .. ",
]


def nasty_strings():
    """Hostile strings: specials (dots, slashes, %, CR/LF, NUL…), odd unicode, and 10,000-character ones."""
    huge = st.sampled_from(PIECES + SPECIAL).map(lambda piece: (piece * (10_000 // max(1, len(piece)) + 1))[:10_000])
    return st.one_of(
        st.sampled_from(SPECIAL),
        st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join),
        st.text(min_size=1, max_size=30),
        huge,
    )


def _string_targets(fields: dict) -> list:
    """Fields whose value can carry a hostile string: strings (not enums), string arrays, objects."""
    targets = []
    for key, field in sorted(fields.items()):
        type_name = str(field.get("type", ""))
        if "enum" in field:
            continue
        if type_name in ("string", "date") or type_name == "[]string" or type_name == "object":
            targets.append(key)
    return targets


def nasty_inputs(kind: str, name: str):
    """(input, fields changed): well-typed inputs whose chosen strings are hostile."""
    fields = input_fields(kind, name)
    targets = _string_targets(fields)
    if not targets:
        return st.nothing()

    @st.composite
    def build(draw):
        params = valid_input(kind, name)
        chosen = draw(st.lists(st.sampled_from(targets), min_size=1, max_size=len(targets), unique=True))
        for key in chosen:
            type_name = str(fields[key].get("type", ""))
            if type_name == "[]string":
                params[key] = draw(st.lists(nasty_strings(), min_size=1, max_size=3))
            elif type_name == "object":
                params[key] = draw(st.dictionaries(nasty_strings(), nasty_strings(), min_size=1, max_size=2))
            else:
                params[key] = draw(nasty_strings())
        return params, chosen

    return build()


# -- values shaped by a generated schema ---------------------------------------------------------
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5))
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=12,
)


def from_schema(schema, definitions, depth=0):
    """Values shaped by the schema (mostly valid), with undeclared members and random JSON mixed in
    at every level, and numbers around their bounds."""
    if "$ref" in schema:
        return from_schema(definitions[schema["$ref"].rsplit("/", 1)[-1]], definitions, depth)
    kind = schema.get("type")
    if "enum" in schema:
        shaped = st.sampled_from(schema["enum"])
    elif kind == "object" and schema.get("properties") and depth < 4:
        props = schema["properties"]
        declared = st.fixed_dictionaries(
            {}, optional={k: from_schema(v, definitions, depth + 1) for k, v in props.items()}
        )
        shaped = st.builds(
            lambda extra, value: dict(extra, **value),
            st.dictionaries(st.text(max_size=3), scalars, max_size=2),
            declared,
        )
    elif kind == "array":
        shaped = st.lists(from_schema(schema.get("items") or {}, definitions, depth + 1), max_size=3)
    elif kind in ("integer", "number") and ("minimum" in schema or "maximum" in schema):
        bounds = [schema[key] for key in ("minimum", "maximum") if key in schema]
        edges = sorted({edge for bound in bounds for edge in (bound, math.floor(bound) - 1, math.ceil(bound) + 1)})
        shaped = st.one_of(st.sampled_from(edges), st.integers(math.floor(min(bounds)) - 2, math.ceil(max(bounds)) + 2))
    else:
        shaped = {
            "string": st.text(max_size=5),
            "boolean": st.booleans(),
            "integer": st.integers(),
            "number": st.one_of(st.integers(), st.floats(allow_nan=False)),
            "object": st.dictionaries(st.text(max_size=3), scalars, max_size=2),
        }.get(kind, json_values)
    return st.one_of(shaped, shaped, json_values) if depth else shaped
