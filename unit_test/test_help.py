"""help.md is generated from plugin.spec.yaml; these tests keep it fresh and pin the renderer's rules."""
import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

import yaml

from komand_okta.runtime import helpdoc

ROOT = Path(__file__).resolve().parents[1]


def real_spec() -> dict:
    with open(ROOT / "plugin.spec.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def field(type_="string", required=True, **extra) -> dict:
    return {"title": "Field", "description": "A field", "type": type_, "required": required, **extra}


def small_spec(**overrides) -> dict:
    spec = {
        "description": "Toy plugin",
        "key_features": ["Echo"],
        "version_history": ["1.0.0 - Initial plugin"],
        "links": ["[Example](https://example.com)"],
        "types": {"thing": {"name": field(example="widget"), "size": field("integer", example=3)}},
        "actions": {
            "echo": {
                "title": "Echo",
                "description": "Echo a message back",
                "input": {"message": field(example="hi"), "count": field("integer", default=1, example=2)},
                "output": {"thing": field("thing"), "things": field("[]thing", required=False)},
            }
        },
    }
    spec.update(overrides)
    return spec


def code_blocks(text: str) -> list:
    return re.findall(r"Example (?:input|output):\n\n```\n(.*?)\n```", text, re.DOTALL)


def test_help_md_is_up_to_date():
    expected = helpdoc.render(real_spec())
    actual = (ROOT / "help.md").read_text(encoding="utf-8")
    assert actual == expected, "help.md is stale: run `make help`"


def test_every_action_and_trigger_in_the_spec_has_a_heading():
    spec = real_spec()
    text = helpdoc.render(spec)
    for section in ("actions", "triggers"):
        for component in spec[section].values():
            assert f"\n#### {component['title']}\n" in text


def test_description_follows_this_action_is_used_to():
    text = helpdoc.render(small_spec())
    assert "\n#### Echo\n\nThis action is used to echo a message back\n" in text


def test_input_table_lists_defaults_and_none_for_missing_cells():
    text = helpdoc.render(small_spec())
    assert "|count|integer|1|True|A field|None|2|None|None|" in text


def test_table_rows_are_sorted_by_key():
    text = helpdoc.render(small_spec())
    assert text.index("|count|integer|") < text.index("|message|string|")


def test_list_cells_are_json_with_python_booleans():
    assert helpdoc._cell(["a", True, {"b": False}]) == '["a", True, {"b": False}]'


def test_example_blocks_are_valid_two_space_json():
    text = helpdoc.render(real_spec())
    blocks = code_blocks(text)
    assert blocks
    for block in blocks:
        assert block == json.dumps(json.loads(block), indent=2, sort_keys=True)


def test_example_input_prefers_example_over_default():
    text = helpdoc.render(small_spec())
    assert json.loads(code_blocks(text)[0]) == {"count": 2, "message": "hi"}


def test_output_example_is_composed_from_custom_type_field_keys():
    text = helpdoc.render(small_spec())
    thing = {"name": "widget", "size": 3}
    assert json.loads(code_blocks(text)[1]) == {"thing": thing, "things": [thing]}


def test_custom_type_table_is_named_and_uses_field_titles():
    text = helpdoc.render(small_spec())
    assert "**thing**\n\n|Name|Type|Default|Required|Description|Example|" in text
    assert "|Field|integer|None|True|A field|3|" in text


def test_tasks_section_appears_only_when_the_spec_has_tasks():
    assert "### Tasks" not in helpdoc.render(small_spec())
    task = {"title": "Poll", "description": "Poll", "output": {"events": field("[]object", example=[])}}
    assert "### Tasks\n\n#### Poll" in helpdoc.render(small_spec(tasks={"poll": task}))


def test_missing_sections_are_stated_not_dropped():
    text = helpdoc.render(small_spec())
    assert "## Setup\n\n*This plugin does not contain a connection.*" in text
    assert "### Triggers\n\n*This plugin does not contain any triggers.*" in text


def test_main_writes_help_for_the_given_spec_to_stdout():
    out = io.StringIO()
    with redirect_stdout(out):
        assert helpdoc.main([str(ROOT / "plugin.spec.yaml")]) == 0
    assert out.getvalue() == helpdoc.render(real_spec())


def test_documented_examples_satisfy_the_schemas_generated_from_the_spec():
    from komand_okta.runtime import schemas as schema

    spec = real_spec()
    types = spec["types"]
    for section in ("actions", "triggers", "tasks"):
        for key, component in (spec.get(section) or {}).items():
            for part in ("input", "output"):
                fields = component.get(part) or {}
                example = json.loads(helpdoc.example_json(fields, types))
                assert schema.problems(example, schema.section_schema(fields, types)) == [], (key, part)
