"""What a JSON Schema can tell apart in a value: its signature, so equal signatures validate alike.

Why: a test session makes the simulator return ~80,000 objects (pages of 1,000 users, soaks
of thousands of log events); validating each against Okta's spec costs ~1 ms.  Most differ
only in ids, names and timestamps, which no schema keyword looks at.  ``Probes`` reads a
converted schema once and notes, per property name, the keywords that look at values there
(enum, const, pattern, lengths, bounds, item counts); a value's ``signature`` keeps its
structure (keys, JSON types, emptiness) and, where a probe applies, what the probe sees
(the value itself for enum/const, the outcome for the others).  Two values with the same
signature meet or fail every keyword alike, so one validation answers for both.

A schema with a keyword this module does not model gives ``Probes.of`` = None: the caller
then falls back to the value itself (exact JSON) as its signature.
"""

import json
import re
from fractions import Fraction

# Keywords that look at structure only (key sets and JSON types), which the signature keeps whole.
STRUCTURAL = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "$ref",
        "$defs",
        "minProperties",
        "maxProperties",
        "dependentRequired",
    }
)
VALUE = frozenset(
    {
        "enum",
        "const",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
    }
)
ASSERTIONS = (
    frozenset(
        {
            "$dynamicRef",
            "contains",
            "dependentSchemas",
            "format",
            "patternProperties",
            "prefixItems",
            "propertyNames",
            "unevaluatedItems",
            "unevaluatedProperties",
        }
    )
    | STRUCTURAL
    | VALUE
)
ANY_KEY = "*"  # the context of values under additionalProperties: any property name


class Unmodelled(Exception):
    pass


def _number(v) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


_SCALARS = (str, int, float, bool, type(None))


def _verbatim(v):
    """The value itself, in a form that hashes and tells 1, 1.0 and True apart: a tuple of
    (type, value) for a list of scalars, JSON text for any other list or object."""
    kind = type(v)
    if kind is list and all(type(x) in _SCALARS for x in v):
        return tuple([(type(x).__name__, x) for x in v])
    if kind in (dict, list):
        return json.dumps(v, sort_keys=True)
    return kind.__name__, v


def _probe(keyword, arg):
    """What one value keyword sees in a value, computed the way jsonschema does: a small hashable outcome."""
    if keyword in ("enum", "const", "uniqueItems"):
        return _verbatim
    if keyword == "pattern":
        rx = re.compile(arg)
        return lambda v: bool(rx.search(v)) if isinstance(v, str) else None
    if keyword == "minLength":
        return lambda v: len(v) >= arg if isinstance(v, str) else None
    if keyword == "maxLength":
        return lambda v: len(v) <= arg if isinstance(v, str) else None
    if keyword == "minItems":
        return lambda v: len(v) >= arg if isinstance(v, list) else None
    if keyword == "maxItems":
        return lambda v: len(v) <= arg if isinstance(v, list) else None
    if keyword == "minimum":
        return lambda v: v >= arg if _number(v) else None
    if keyword == "maximum":
        return lambda v: v <= arg if _number(v) else None
    if keyword == "exclusiveMinimum":
        return lambda v: v > arg if _number(v) else None
    if keyword == "exclusiveMaximum":
        return lambda v: v < arg if _number(v) else None
    return lambda v: _multiple(v, arg) if _number(v) else None  # multipleOf


def _multiple(v, of) -> bool:
    if not isinstance(of, float):
        return not v % of
    try:
        return int(v / of) == v / of
    except OverflowError:
        return (Fraction(v) / Fraction(of)).denominator == 1


class Probes:
    """Per property name (``*``: any name; None: the top-level value), the value probes of a schema."""

    def __init__(self, table: dict):
        self.anywhere = tuple(table.get(ANY_KEY, ()))
        self.table = {ctx: tuple(fns) + self.anywhere for ctx, fns in table.items() if ctx != ANY_KEY}

    @classmethod
    def of(cls, schema: dict):
        """The probes of a converted schema (with its $defs), or None when it is not modelled."""
        table: dict = {}
        try:
            _collect(schema, None, schema.get("$defs") or {}, table, set())
        except Unmodelled:
            return None
        return cls({ctx: [_probe(k, arg) for k, arg in sorted(found, key=repr)] for ctx, found in table.items()})

    def signature(self, value, ctx=None):
        """Keys in their order (a different order only costs one more validation), JSON types,
        emptiness, and what each probe of the value's property name sees."""
        kind = type(value)
        if kind is dict:
            table, anywhere, parts = self.table, self.anywhere, []
            for k, v in value.items():
                leaf = _LEAVES.get(type(v))  # the common case, inlined: a scalar no probe looks at
                if leaf is not None and not table.get(k, anywhere):
                    parts.append((k, leaf if v != "" else _EMPTY_STRING))
                else:
                    parts.append((k, self.signature(v, k)))
            base = ("o", tuple(parts))
        elif kind is list:
            base = ("a", frozenset([self.signature(v, ctx) for v in value]))
        elif kind is str:
            base = _EMPTY_STRING if value == "" else _STRING
        elif kind is int:
            base = _INTEGER
        elif kind is float:
            base = ("f", value.is_integer())
        else:  # True, False, None
            base = (value,)
        fns = self.table.get(ctx, self.anywhere)
        return base + tuple([fn(value) for fn in fns]) if fns else base


_EMPTY_STRING, _STRING, _INTEGER = ("s", True), ("s", False), ("i",)
_LEAVES = {str: _STRING, int: _INTEGER}


def _collect(node, ctx, defs: dict, table: dict, seen: set) -> None:
    if not isinstance(node, dict):
        return
    for keyword, arg in node.items():
        if keyword not in ASSERTIONS:
            continue  # an annotation (title, description, x-okta-...): validation ignores it
        if keyword in VALUE:
            verbatim = keyword in ("enum", "const", "uniqueItems")
            table.setdefault(ctx, set()).add(("enum", None) if verbatim else (keyword, arg))
        elif keyword == "properties":
            for name, sub in arg.items():
                _collect(sub, name, defs, table, seen)
        elif keyword in ("items", "not", "if", "then", "else"):
            _collect(arg, ctx, defs, table, seen)
        elif keyword == "additionalProperties":
            _collect(arg, ANY_KEY, defs, table, seen)
        elif keyword in ("allOf", "anyOf", "oneOf"):
            for sub in arg:
                _collect(sub, ctx, defs, table, seen)
        elif keyword == "$ref":
            name = arg.rsplit("/", 1)[-1]
            if not arg.startswith("#/$defs/") or name not in defs:
                raise Unmodelled(arg)
            if (name, ctx) not in seen:
                seen.add((name, ctx))
                _collect(defs[name], ctx, defs, table, seen)
        elif keyword not in STRUCTURAL:
            raise Unmodelled(keyword)
