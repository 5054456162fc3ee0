"""Spec types -> JSON Schema (draft 2020-12), and validation with plain-words messages.

Mirrors how InsightConnect turns a spec section into a schema (custom types become
`definitions`, credential types become small objects), so a message that the real
orchestrator accepts is accepted here too. Validation failures name the field and the problem.

`jsonschema` is the authority. It is also slow to import (a large share of an action's start-up)
and slow per object (about two seconds for 20,000 users), so valid data, the usual case, is
first confirmed by `fast_valid`, which understands exactly the keywords `section_schema` writes
and answers "valid" only when sure; anything else (invalid data, an unknown keyword, an enum of
non-strings) goes to jsonschema, which decides and words the problems. A property test holds the
fast path to never accepting what jsonschema rejects.

The spec also decides what an output holds: `conformed` keeps exactly the members the schema
declares (at every depth, custom types included; a field typed `object` or marked
`additionalProperties: true` is kept whole), so no step keeps its own list of fields. And it
decides what a blank input means: an empty optional string is absent (`without_empty`), a
blank required one is refused (`empty_required`).
"""

BASE_TYPES = {
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "bool": {"type": "boolean"},
    "integer": {"type": "integer"},
    "int": {"type": "integer"},
    "number": {"type": "number"},
    "float": {"type": "number"},
    "object": {"type": "object"},
    "date": {"type": "string", "format": "date-time"},
    "bytes": {"type": "string", "format": "bytes"},
}
BUILTIN_DEFINITIONS = {
    "password": {"type": "string", "format": "password"},
    "python": {"type": "string", "format": "python"},
    "file": {"type": "object", "properties": {"filename": {"type": "string"}, "content": {"type": "string"}}},
    "credential_secret_key": {
        "type": "object",
        "required": ["secretKey"],
        "properties": {"secretKey": {"type": "string", "format": "password"}},
    },
    "credential_username_password": {
        "type": "object",
        "required": ["username", "password"],
        "properties": {"username": {"type": "string"}, "password": {"type": "string", "format": "password"}},
    },
    "credential_token": {
        "type": "object",
        "required": ["token"],
        "properties": {"token": {"type": "string", "format": "password"}, "domain": {"type": "string"}},
    },
    "credential_asymmetric_key": {
        "type": "object",
        "required": ["privateKey"],
        "properties": {"privateKey": {"type": "string", "format": "password"}},
    },
}


def type_schema(type_name: str, custom: dict) -> dict:
    """The schema of one spec type string such as `string`, `[]group` or `credential_secret_key`."""
    if type_name.startswith("[]"):
        return {"type": "array", "items": type_schema(type_name[2:], custom)}
    if type_name in custom:  # custom types win over built-in names (the spec defines `password`)
        return {"$ref": "#/definitions/" + type_name}
    if type_name in BASE_TYPES:
        return dict(BASE_TYPES[type_name])
    if type_name in BUILTIN_DEFINITIONS:
        return {"$ref": "#/definitions/" + type_name}
    return {}


# What a field may say about its values besides its type. `additionalProperties: true` on a
# field of a custom type keeps members the type does not declare (an open-ended object whose
# well-known members are still documented and checked).
CHECKS = ("enum", "minimum", "maximum", "additionalProperties")


def field_schema(field: dict, custom: dict, extras=("title", "description", "default", *CHECKS)) -> dict:
    """The schema of one field: its type, and the `extras` the field gives."""
    schema = type_schema(str(field.get("type", "")), custom)
    schema.update((extra, field[extra]) for extra in extras if extra in field)
    return schema


_SECTIONS = {}  # (id(fields), id(custom)) -> (fields, custom, schema); see section_schema
_SECTIONS_KEPT = 2048  # more than the sections of every step; a fuller memo is started afresh


def section_schema(fields: dict, custom: dict) -> dict:
    """The object schema for a section of the spec: an input, an output or the connection.

    Each message needs two or three of these, and building one (the custom types included) was a
    third of web mode's CPU per action, so each is built once per spec section and shared: the
    spec is loaded once and never changed, and the memo holds the section itself, so its id
    cannot be reused while the entry lives. Callers must not change the schema they get.
    """
    key = (id(fields), id(custom))
    kept = _SECTIONS.get(key)
    if kept is not None and kept[0] is fields and kept[1] is custom:
        return kept[2]
    if len(_SECTIONS) >= _SECTIONS_KEPT:
        _SECTIONS.clear()
    schema = _section_schema(fields, custom)
    _SECTIONS[key] = (fields, custom, schema)
    return schema


def _section_schema(fields: dict, custom: dict) -> dict:
    fields = fields or {}
    schema = {
        "type": "object",
        "properties": {key: field_schema(fields[key], custom) for key in sorted(fields)},
        "definitions": _definitions(custom),
    }
    required = sorted(key for key, field in fields.items() if field.get("required"))
    if required:
        schema["required"] = required
    return schema


def _definitions(custom: dict) -> dict:
    definitions = dict(BUILTIN_DEFINITIONS)
    for name, fields in (custom or {}).items():
        fields = fields or {}
        # nested references resolve against the top-level definitions
        inner = {
            "type": "object",
            "properties": {key: field_schema(field, custom, CHECKS) for key, field in fields.items()},
        }
        required = sorted(key for key, field in fields.items() if field.get("required"))
        if required:
            inner["required"] = required
        inner["title"] = name
        definitions[name] = inner
    return definitions


def problems(instance, schema: dict) -> list:
    """Every way `instance` breaks `schema`, each as one plain sentence naming the field."""
    if fast_valid(instance, schema, schema.get("definitions") or {}):
        return []
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    return [_sentence(error) for error in errors]


ANNOTATIONS = {"title", "description", "default", "format", "definitions", "displayType"}
BOUNDS = {"minimum": lambda value, bound: value >= bound, "maximum": lambda value, bound: value <= bound}
TYPE_CHECKS = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),  # 2.0 is left to jsonschema
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


def fast_valid(instance, schema: dict, definitions: dict) -> bool:
    """True only when `instance` surely satisfies `schema` (a schema as `section_schema` writes)."""
    if not isinstance(schema, dict):
        return False
    for keyword, value in schema.items():
        if keyword in ANNOTATIONS:
            continue
        if keyword == "$ref":
            name = value.rsplit("/", 1)[-1] if value.startswith("#/definitions/") else None
            if name not in definitions or not fast_valid(instance, definitions[name], definitions):
                return False
        elif keyword == "type":
            check = TYPE_CHECKS.get(value) if isinstance(value, str) else None
            if check is None or not check(instance):
                return False
        elif keyword == "properties":
            if isinstance(instance, dict) and not all(
                fast_valid(instance[key], sub, definitions) for key, sub in value.items() if key in instance
            ):
                return False
        elif keyword == "required":
            if isinstance(instance, dict) and not all(key in instance for key in value):
                return False
        elif keyword == "items":
            if isinstance(instance, list) and not all(fast_valid(item, value, definitions) for item in instance):
                return False
        elif keyword == "enum":
            if not all(isinstance(option, str) for option in value) or instance not in value:
                return False
        elif keyword == "additionalProperties":
            if value is not True:
                return False
        elif keyword in BOUNDS:  # like jsonschema: a bound applies to numbers only
            if not TYPE_CHECKS["number"](value):
                return False
            if TYPE_CHECKS["number"](instance) and not BOUNDS[keyword](instance, value):
                return False
        else:  # a keyword this fast path does not know: let jsonschema decide
            return False
    return True


def without_empty(instance: dict, fields: dict, custom: dict) -> dict:
    """The input without empty optional strings: "" means "not given".

    Forms and orchestrators send "" for a field left empty, so an empty optional string counts
    as absent (its default then applies) and no step has to tell "" from missing. A value of
    only whitespace was typed, so it stays for the step to judge (a list query of spaces lists
    everything; a secret of spaces is refused). A blank required input is refused by
    `empty_required`.
    """
    return {
        key: value
        for key, value in instance.items()
        if not (value == "" and key in fields and not fields[key].get("required") and _is_text(fields[key], custom))
    }


def _is_text(field: dict, custom: dict) -> bool:
    schema = type_schema(str(field.get("type", "")), custom)
    name = schema.get("$ref", "").rsplit("/", 1)[-1]
    if name:
        schema = {} if name in (custom or {}) else BUILTIN_DEFINITIONS.get(name, {})
    return schema.get("type") == "string"


def empty_required(instance: dict, fields: dict) -> list:
    """Required fields given as null, "" or only whitespace (the schema alone accepts those)."""
    return [
        "'%s' is required and must not be empty" % key
        for key, field in sorted((fields or {}).items())
        if field.get("required") and key in instance and _blank(instance[key])
    ]


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    type(None): "null",
}


def _sentence(error) -> str:
    path = ".".join(str(part) for part in error.absolute_path)
    where = "'%s'" % path if path else "the value"
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return "'%s' is required but missing" % ("%s.%s" % (path, missing) if path else missing)
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return "%s must be of type %s, not %s" % (where, expected, JSON_TYPES.get(type(error.instance), "a value"))
    if error.validator == "enum":
        return "%s must be one of %s" % (where, ", ".join(map(repr, error.validator_value)))
    if error.validator in BOUNDS:
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        if low is not None and high is not None:
            return "%s must be between %s and %s; got %s" % (where, low, high, error.instance)
        if low is not None:
            return "%s must be %s or more; got %s" % (where, low, error.instance)
        return "%s must be %s or less; got %s" % (where, high, error.instance)
    return "%s is invalid: %s" % (where, error.message)


def without_nulls(value):
    """The value with null members of objects removed, at every depth.

    Okta sends `null` for unset fields (a user's lastLogin, a zone's proxies); the spec types
    those fields by their real type and marks them optional, so absent is the faithful shape.
    """
    if isinstance(value, dict):
        return {key: without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    return value


def conformed(value, schema: dict, definitions: dict, in_place: bool = False):
    """The value as `schema` declares it: undeclared members of objects and nulls left out.

    Okta answers with more than a step promises (a user's `type` and `realmId`, links added in
    a new release); the spec's output types say what a playbook may rely on, so the rest is
    dropped here, at every depth. An object the spec types only as `object`, or marks with
    `additionalProperties: true`, is kept whole (less its nulls); a value of the wrong kind is
    left as it is for validation to name.

    `in_place` is for a value handed over for good (an action's output): each list item is
    replaced by its conformed copy as it goes, so the full Okta objects of a 25,000-item list
    are freed one by one instead of being held beside their trimmed copies.
    """
    if schema.get("additionalProperties") is True:
        return without_nulls(value)
    while "$ref" in schema:
        schema = definitions.get(schema["$ref"].rsplit("/", 1)[-1]) or {}
    if isinstance(value, dict):
        declared = schema.get("properties")
        if declared is None or schema.get("type") != "object":
            return without_nulls(value)
        return {
            key: conformed(item, declared[key], definitions, in_place) if isinstance(item, (dict, list)) else item
            for key, item in value.items()
            if key in declared and item is not None
        }
    if isinstance(value, list):
        items = schema.get("items") if schema.get("type") == "array" else None
        if items is None:
            return without_nulls(value)
        if not in_place:
            return [conformed(item, items, definitions) if isinstance(item, (dict, list)) else item for item in value]
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)):
                value[index] = conformed(item, items, definitions, in_place)
        return value
    return value
