"""help.md's tables of documented enum values (the spec's `enum_values`): one row per value, one
column per member, and an error when the table and the inputs' enums drift apart."""

import pytest

from komand_okta.runtime import helpdoc


def spec_with(enum, values) -> dict:
    field = {"title": "Preset", "description": "A preset", "type": "string", "required": False, "enum": enum}
    return {
        "description": "Toy",
        "triggers": {"watch": {"title": "Watch", "description": "Watch things", "input": {"preset": field}}},
        "enum_values": {
            "preset": {"title": "Event Presets", "description": "What each preset reports.", "values": values}
        },
    }


VALUES = {
    "locked": {
        "description": "Account locked",
        "event_types": ["user.account.lock", "user.account.lock.limit"],
        "not_hook_eligible": ["user.account.lock.limit"],
    },
    "tokens": {"description": "API token created", "event_types": ["system.api_token.create"]},
}


def test_each_value_is_a_row_with_its_members_and_lists_joined():
    text = helpdoc.render(spec_with(["locked", "tokens"], VALUES))
    section = text[text.index("### Event Presets") : text.index("### Custom Types")]
    assert "What each preset reports." in section
    assert "|Value|Description|Event Types|Not Hook Eligible|" in section
    assert "|locked|Account locked|user.account.lock, user.account.lock.limit|user.account.lock.limit|" in section
    assert "|tokens|API token created|system.api_token.create||" in section


@pytest.mark.parametrize("enum", [["locked"], ["tokens", "locked"], ["locked", "tokens", "other"]])
def test_an_input_enum_other_than_the_documented_values_is_an_error_naming_the_input(enum):
    with pytest.raises(ValueError, match="preset"):
        helpdoc.render(spec_with(enum, VALUES))


def test_documented_values_no_input_offers_are_an_error():
    spec = spec_with(["locked", "tokens"], VALUES)
    spec["enum_values"]["mode"] = spec["enum_values"].pop("preset")
    with pytest.raises(ValueError, match="mode"):
        helpdoc.render(spec)


def test_without_enum_values_there_is_no_such_section():
    spec = spec_with(["locked", "tokens"], VALUES)
    del spec["enum_values"]
    assert "### Event Presets" not in helpdoc.render(spec)
