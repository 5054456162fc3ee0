"""help.md is generated from plugin.spec.yaml; these tests keep it fresh and pin the renderer's rules."""

import functools
import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import yaml

from komand_okta.runtime import helpdoc

ROOT = Path(__file__).resolve().parents[1]


@functools.lru_cache(maxsize=1)
def _real_spec_text() -> str:
    """The spec as JSON, parsed from YAML once per run (the YAML parse costs a second or more)."""
    with open(ROOT / "plugin.spec.yaml", encoding="utf-8") as handle:
        return json.dumps(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def real_spec() -> dict:
    """A fresh copy of the raw spec (tests may change it)."""
    return json.loads(_real_spec_text())


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
    assert "**thing**\n\n|Name|Type|Required|Description|" in text
    assert "|Field|integer|True|A field|" in text


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
                shown = helpdoc.input_example_json(fields) if part == "input" else helpdoc.example_json(fields, types)
                example = json.loads(shown)
                assert schema.problems(example, schema.section_schema(fields, types)) == [], (key, part)


# -- help.md speaks to an InsightConnect user ---------------------------------------------------

# Other platforms whose Okta connectors the plugin's capabilities were compared with; their names
# mean nothing to a reader of this plugin's help (nor to `info`, which prints the descriptions).
PEER_PLATFORMS = (
    "Prismatic",
    "Splunk",
    "Phantom",
    "Chronicle",
    "Siemplify",
    "Google SecOps",
    "Cortex",
    "XSOAR",
    "Demisto",
    "Swimlane",
    "Tines",
    "Torq",
    "FortiSOAR",
)
# The actions of the 3.5.1 plugin: their input names are kept, whatever they are called.
SEED_ACTIONS = {
    "update_blacklist_zones",
    "get_factors",
    "send_push",
    "suspend_user",
    "reset_factors",
    "deactivate_user",
    "delete_user",
    "unsuspend_user",
    "get_user",
    "remove_user_from_group",
    "add_user_to_group",
    "list_groups",
    "assign_user_to_app_sso",
    "create_user",
}
ONE_USER_INPUTS = {"email", "user_email", "user_id", "user"}


def steps(spec: dict):
    for section in ("actions", "triggers", "tasks"):
        for key, step in (spec.get(section) or {}).items():
            yield section, key, step


@pytest.mark.parametrize("name", PEER_PLATFORMS)
def test_help_md_names_no_other_platform(name):
    text = (ROOT / "help.md").read_text(encoding="utf-8")
    assert not re.search(r"\b%s\b" % re.escape(name), text, re.IGNORECASE)


@pytest.mark.parametrize("section,key", [(section, key) for section, key, _ in steps(real_spec())])
def test_every_step_description_names_an_admin_role_and_an_oauth_scope(section, key):
    description = real_spec()[section][key]["description"]
    assert re.search(r"\bAdmin role\b|\badmin role\b", description), description
    assert "OAuth scope" in description


@pytest.mark.parametrize("section,key", [(section, key) for section, key, _ in steps(real_spec())])
def test_every_step_description_is_short_enough_to_read_at_a_glance(section, key):
    assert len(real_spec()[section][key]["description"]) <= 500


def test_actions_added_since_the_seed_name_their_one_user_input_user():
    misnamed = [
        (key, name)
        for section, key, step in steps(real_spec())
        if key not in SEED_ACTIONS
        for name in (step.get("input") or {})
        if name in ONE_USER_INPUTS - {"user"}
    ]
    assert misnamed == []


def test_every_one_user_input_is_described_the_same_way():
    descriptions = {
        step["input"][name]["description"]
        for section, key, step in steps(real_spec())
        for name in (step.get("input") or {})
        if name in ONE_USER_INPUTS
    }
    assert descriptions == {"The user: Okta user ID, login or email"}


def test_the_choosing_table_follows_setup_and_lists_each_job_once():
    text = helpdoc.render(real_spec())
    table = text[text.index("## Choosing an action") : text.index("## Technical Details")]
    assert text.index("## Setup") < text.index("## Choosing an action")
    rows = [line.split("|") for line in table.splitlines() if line.startswith("|")][2:]
    jobs = [cells[1] for cells in rows if cells[1]]
    assert jobs == ["Contain", "Investigate", "Administer", "Watch"]


def test_the_choosing_table_lists_every_action_trigger_and_task_exactly_once():
    spec = real_spec()
    listed = [key for job in spec["choosing_an_action"] for use in job["uses"] for key in use["steps"]]
    assert sorted(listed) == sorted(key for _, key, _ in steps(spec))


def test_the_choosing_table_shows_steps_by_title():
    spec = small_spec(choosing_an_action=[{"job": "Contain", "uses": [{"need": "Say it back", "steps": ["echo"]}]}])
    assert "|Contain|Say it back|Echo|" in helpdoc.render(spec)


def test_a_choosing_table_naming_an_unknown_step_is_an_error_naming_it():
    spec = small_spec(choosing_an_action=[{"job": "Watch", "uses": [{"need": "x", "steps": ["nope"]}]}])
    with pytest.raises(ValueError, match="nope"):
        helpdoc.render(spec)


def test_without_a_choosing_table_in_the_spec_there_is_no_section():
    assert "Choosing an action" not in helpdoc.render(small_spec())


@pytest.mark.parametrize(
    "topic", ["E0000011", "Okta Domain", "REQUESTS_CA_BUNDLE", "Verify SSL", "429", "Identity Engine"]
)
def test_troubleshooting_covers_the_common_first_hour_problems(topic):
    text = helpdoc.render(real_spec())
    section = text[text.index("## Troubleshooting") : text.index("# Version History")]
    assert topic in section


# -- the examples are the ones that run ---------------------------------------------------------


def example_blocks_by_heading(text: str) -> dict:
    """{heading: example input JSON} for the connection ("Setup") and every step."""
    found = {}
    for heading, body in re.findall(r"\n#{2,4} ([^\n]+)\n(.*?)(?=\n#{2,4} |\Z)", text, re.DOTALL):
        match = re.search(r"Example input:\n\n```\n(.*?)\n```", body, re.DOTALL)
        if match:
            found[heading] = json.loads(match.group(1))
    return found


def test_every_example_input_in_help_is_the_input_of_its_sample_message():
    from komand_okta.runtime.samples import sample_message

    spec = real_spec()
    documented = example_blocks_by_heading(helpdoc.render(spec))
    for _section, key, step in steps(spec):  # a step without inputs has no example block
        assert documented.get(step["title"], {}) == sample_message(spec, key)["body"]["input"], key


def test_the_connection_example_is_the_sample_connection_and_uses_exactly_one_auth_method():
    from komand_okta.connection import auth_method
    from komand_okta.runtime.samples import sample_message

    spec = real_spec()
    documented = example_blocks_by_heading(helpdoc.render(spec))["Setup"]
    assert documented == sample_message(spec, "get_user")["body"]["connection"]
    assert auth_method(documented) == "api_token"


def test_an_input_whose_example_is_empty_is_left_out_of_the_example():
    spec = small_spec()
    spec["actions"]["echo"]["input"]["message"]["example"] = ""
    assert json.loads(code_blocks(helpdoc.render(spec))[0]) == {"count": 2}


def test_a_credential_example_is_shown_as_the_orchestrator_sends_it():
    spec = small_spec(connection={"key": field("credential_secret_key", example="abc")})
    text = helpdoc.render(spec)
    assert json.loads(re.search(r"Example input:\n\n```\n(.*?)\n```", text, re.DOTALL).group(1)) == {
        "key": {"secretKey": "abc"}
    }


def test_a_custom_type_whose_fields_have_no_example_is_left_out_of_the_example_output():
    spec = small_spec(types={"thing": {"name": field(), "size": field("integer")}})
    assert json.loads(code_blocks(helpdoc.render(spec))[1]) == {}
