"""Render a plugin's help.md from its plugin.spec.yaml.

help.md is documentation *derived* from the spec, never edited by hand: ``make help`` regenerates
it and a unit test fails when it is stale. The layout is the one Rapid7's ``insight-plugin``
generator writes, and the input/output table rows are character-for-character what its
HelpInputOutputValidator expects (rows sorted by key, Python ``str()`` of each cell, lists as JSON
with ``True``/``False``), so the official validators accept the file.

Where we deliberately differ from the generator (the validators do not look at these):

* example input blocks are the start message's input that ``sample`` builds (``samples``), so the
  documented example is the one that runs: a field's ``example`` over its ``default`` (the generator
  shows the default), credentials as the orchestrator sends them, empty examples left out;
* example output blocks compose custom types from their fields' examples, by field key, not title;
* custom type tables leave out the Default and Example columns (always None, and repeated in the
  example outputs);
* a "Choosing an action" table, from the spec's ``choosing_an_action``, follows the setup;
* a table of each documented enum's values, from the spec's ``enum_values``, follows the steps;
* no trailing spaces or doubled blank lines;
* ``### Tasks`` appears only when the spec has tasks.

Knows nothing about any particular plugin: it reads only the spec. Nothing imports it at action
time.

    python -m komand_okta.runtime.helpdoc [plugin.spec.yaml] > help.md
"""

import json
import re
import sys

from .samples import section_example

INPUT_HEADERS = ("Name", "Type", "Default", "Required", "Description", "Enum", "Example", "Placeholder", "Tooltip")
OUTPUT_HEADERS = ("Name", "Type", "Required", "Description", "Example")
TYPE_HEADERS = ("Name", "Type", "Required", "Description")

COMPONENT_SECTIONS = (("actions", "Actions"), ("triggers", "Triggers"), ("tasks", "Tasks"))

_MISSING = object()


# --- table cells --------------------------------------------------------------------------------


def _json_bools_as_python(text: str) -> str:
    """The generator writes list cells as JSON but with Python's True/False; so must we."""
    text = re.sub(r"\btrue\b(?!\s\w)", "True", text)
    return re.sub(r"\bfalse\b(?!\s\w)", "False", text)


def _cell(value) -> str:
    if isinstance(value, list):
        return _json_bools_as_python(json.dumps(value))
    return str(value)


def _row(cells) -> str:
    return "|" + "|".join(_cell(c) for c in cells) + "|"


def _table(headers, rows) -> str:
    lines = [_row(headers), "|" + "|".join(" :--- " for _ in headers) + "|"]
    lines.extend(_row(r) for r in rows)
    return "\n".join(lines)


def input_table(fields: dict) -> str:
    rows = [
        (
            key,
            f.get("type"),
            f.get("default"),
            f.get("required"),
            f.get("description"),
            f.get("enum"),
            f.get("example"),
            f.get("placeholder"),
            f.get("tooltip"),
        )
        for key, f in sorted(fields.items())
    ]
    return _table(INPUT_HEADERS, rows)


def output_table(fields: dict) -> str:
    rows = [
        (key, f.get("type"), f.get("required", False), f.get("description"), f.get("example"))
        for key, f in sorted(fields.items())
    ]
    return _table(OUTPUT_HEADERS, rows)


def type_table(fields: dict) -> str:
    """A custom type's fields; their examples show in the example outputs that use the type."""
    rows = [
        (f.get("title", key), f.get("type"), f.get("required", False), f.get("description"))
        for key, f in sorted(fields.items())
    ]
    return _table(TYPE_HEADERS, rows)


# --- example blocks -----------------------------------------------------------------------------


def field_example(field: dict, types: dict, seen: frozenset = frozenset()):
    """A field's example value: its example, else its default, else its first enum value, else one
    composed from its custom type. ``_MISSING`` when none of these exists."""
    for key in ("example", "default"):
        if field.get(key) is not None:
            return field[key]
    if field.get("enum"):
        return field["enum"][0]
    return _type_example(field.get("type", ""), types, seen)


def _type_example(type_name: str, types: dict, seen: frozenset):
    if type_name.startswith("[]"):
        item = _type_example(type_name[2:], types, seen)
        return _MISSING if item is _MISSING else [item]
    if type_name in types and type_name not in seen:
        composed = {}
        for key, sub in types[type_name].items():
            value = field_example(sub, types, seen | {type_name})
            if value is not _MISSING:
                composed[key] = value
        return composed or _MISSING  # a type none of whose fields has an example shows nothing
    return _MISSING


def example_json(fields: dict, types: dict) -> str:
    """An output example: every field's value, composed from custom types where needed."""
    example = {}
    for key, field in fields.items():
        value = field_example(field, types)
        if value is not _MISSING:
            example[key] = value
    return _json(example)


def input_example_json(fields: dict) -> str:
    """An input (or connection) example: the one a sample start message carries."""
    return _json(section_example(fields))


def _json(value) -> str:
    return json.dumps(value, indent=2, sort_keys=True, default=str)


def _code(text: str) -> str:
    return f"```\n{text}\n```"


# --- sections -----------------------------------------------------------------------------------


def _none(text: str) -> str:
    return f"*{text}*"


def _bullets(spec: dict, key: str, label: str) -> str:
    items = spec.get(key)
    if not items:
        article = "any" if key.endswith("s") else ("an" if key[0] in "aeiou" else "a")
        return _none(f"This plugin does not contain {article} {label.lower()}.")
    return "\n".join(f"* {item}" for item in items)


def _connection(spec: dict, types: dict) -> list:
    fields = spec.get("connection")
    if not fields:
        return [_none("This plugin does not contain a connection.")]
    return [
        "The connection configuration accepts the following parameters:",
        input_table(fields),
        "Example input:",
        _code(input_example_json(fields)),
    ]


def _component(kind: str, key: str, component: dict, types: dict) -> list:
    blocks = [f"#### {component.get('title', key)}"]
    description = component.get("description", "")
    if f"this {kind} is used to" in description.lower() or not description:
        blocks.append(description)
    else:
        blocks.append(f"This {kind} is used to {description[0].lower()}{description[1:]}")
    for part, table in (("input", input_table), ("output", output_table)):
        fields = component.get(part) or {}
        blocks.append(f"##### {part.capitalize()}")
        if not fields:
            blocks.append(_none(f"This {kind} does not contain any {part}s."))
            continue
        example = input_example_json(fields) if part == "input" else example_json(fields, types)
        blocks += [table(fields), f"Example {part}:", _code(example)]
    return blocks


def _components(spec: dict, types: dict) -> list:
    blocks = []
    for section, label in COMPONENT_SECTIONS:
        components = spec.get(section) or {}
        if section == "tasks" and not components:
            continue
        blocks.append(f"### {label}")
        if not components:
            blocks.append(_none(f"This plugin does not contain any {section}."))
        for key in sorted(components):
            blocks += _component(section[:-1], key, components[key], types)
    return blocks


def _choosing(spec: dict) -> list:
    """The "Choosing an action" table: for each job, what the reader wants to do and which steps do it.

    Rows come from the spec's ``choosing_an_action`` (a list of jobs, each with ``uses``: a ``need``
    and the ``steps`` that meet it, by key); steps are shown by title. Absent, there is no section.
    """
    jobs = spec.get("choosing_an_action")
    if not jobs:
        return []
    titles = {
        key: step.get("title", key)
        for section, _ in COMPONENT_SECTIONS
        for key, step in (spec.get(section) or {}).items()
    }
    rows = []
    for job in jobs:
        for index, use in enumerate(job.get("uses") or []):
            unknown = [key for key in use.get("steps") or [] if key not in titles]
            if unknown:
                raise ValueError("choosing_an_action names steps the spec does not have: %s" % ", ".join(unknown))
            steps = ", ".join(titles[key] for key in use["steps"])
            rows.append((job["job"] if index == 0 else "", use.get("need", ""), steps))
    return ["## Choosing an action", _table(("Job", "You want to", "Use"), rows)]


def _enum_values(spec: dict) -> list:
    """A table per input whose enum values the spec documents under ``enum_values``.

    ``enum_values`` maps an input key to a ``title``, a ``description`` and ``values``: each enum
    value with its members (text, or lists shown comma-separated), one column per member name.
    Every input of that key carrying an ``enum`` must list exactly those values, in that order, so
    the table and the inputs cannot drift apart.
    """
    blocks = []
    for key, entry in (spec.get("enum_values") or {}).items():
        values = entry.get("values") or {}
        enums = [
            field.get("enum")
            for section, _ in COMPONENT_SECTIONS
            for step in (spec.get(section) or {}).values()
            for name, field in (step.get("input") or {}).items()
            if name == key and "enum" in field
        ]
        if not enums or any(enum != list(values) for enum in enums):
            raise ValueError("enum_values.%s must list exactly the enum of every input named %s" % (key, key))
        columns = list(dict.fromkeys(member for value in values.values() for member in value))
        rows = [(name, *(_listed(value.get(member)) for member in columns)) for name, value in values.items()]
        headers = ("Value", *(member.replace("_", " ").title() for member in columns))
        blocks += [f"### {entry.get('title', key)}", entry.get("description", ""), _table(headers, rows)]
    return blocks


def _listed(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _custom_types(types: dict) -> list:
    if not types:
        return [_none("This plugin does not contain any custom output types.")]
    blocks = []
    for name, fields in types.items():
        blocks += [f"**{name}**", type_table(fields)]
    return blocks


def render(spec: dict) -> str:
    """The complete help.md text for ``spec`` (a loaded plugin.spec.yaml)."""
    types = spec.get("types") or {}
    blocks = [
        "# Description",
        spec.get("description", ""),
        "# Key Features",
        _bullets(spec, "key_features", "Key Features"),
        "# Requirements",
        _bullets(spec, "requirements", "Requirements"),
        "# Supported Product Versions",
        _bullets(spec, "supported_versions", "Supported Product Versions"),
        "# Documentation",
        "## Setup",
        *_connection(spec, types),
        *_choosing(spec),
        "## Technical Details",
        *_components(spec, types),
        *_enum_values(spec),
        "### Custom Types",
        *_custom_types(types),
        "## Troubleshooting",
        _bullets(spec, "troubleshooting", "Troubleshooting"),
        "# Version History",
        _bullets(spec, "version_history", "Version History"),
        "# Links",
        _bullets(spec, "links", "Links"),
        "## References",
        _bullets(spec, "references", "References"),
    ]
    return "\n\n".join(blocks) + "\n"


def load_spec(path: str) -> dict:
    import yaml

    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0] if argv else "plugin.spec.yaml"
    sys.stdout.write(render(load_spec(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
