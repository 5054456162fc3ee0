"""Bad input is refused with a message naming the field, before any request is made."""

import pytest

from unit_test.conftest import CONNECTION, run_step


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, "'email' is required but missing"),
        ({"email": ""}, "'email' is required and must not be empty"),
        ({"email": None}, "'email' must be of type string, not null"),
        ({"email": 42}, "'email' must be of type string, not an integer"),
    ],
)
def test_bad_action_input_names_the_field_and_the_problem(okta, params, expected):
    result = run_step("action", "get_user", params)
    assert not result.ok and expected in result.exception["cause"]
    assert not okta.called


def test_a_wrongly_typed_array_item_names_its_position(okta):
    result = run_step("action", "create_user", {"profile": {}, "nextLogin": False, "groupIds": ["00g1", 7]})
    assert not result.ok and "'groupIds.1' must be of type string" in result.exception["cause"]
    assert not okta.called


def test_a_missing_connection_field_is_named(okta):
    result = run_step(
        "action", "get_user", {"email": "user@example.com"}, connection={"okta_key": {"secretKey": "x1234"}}
    )
    assert not result.ok and "'okta_url' is required but missing" in result.exception["cause"]
    assert not okta.called


def test_a_secret_key_given_as_a_plain_string_is_refused(okta):
    result = run_step(
        "action",
        "get_user",
        {"email": "user@example.com"},
        connection={"okta_url": "example.okta.com", "okta_key": "abc123456"},
    )
    assert not result.ok and "'okta_key' must be of type object" in result.exception["cause"]


def test_an_http_okta_domain_is_refused_before_any_request(okta):
    result = run_step(
        "action",
        "get_user",
        {"email": "user@example.com"},
        connection=dict(CONNECTION, okta_url="http://example.okta.com"),
    )
    assert not result.ok and "https" in result.exception["cause"]
    assert not okta.called


def test_absent_optional_inputs_take_the_spec_default(okta):
    from komand_okta.runtime.plugin import with_defaults

    fields = {"blacklist_state": {"type": "boolean", "default": True}, "name": {"type": "string"}}
    assert with_defaults({"name": "zone"}, fields) == {"name": "zone", "blacklist_state": True}


def test_a_given_input_is_never_replaced_by_the_default():
    from komand_okta.runtime.plugin import with_defaults

    assert with_defaults({"flag": False}, {"flag": {"type": "boolean", "default": True}}) == {"flag": False}


def test_unknown_input_keys_are_accepted_like_the_real_orchestrator_does_and_logged_as_ignored(okta):
    okta.get("https://example.okta.com/api/v1/users/user%40example.com", status_code=404, json={})
    okta.get("https://example.okta.com/api/v1/users", json=[])
    result = run_step("action", "get_user", {"email": "user@example.com", "extra": 1})
    assert result.ok and result.output == {"found": False}
    assert "'extra' is not an input of get_user; it is ignored." in result.body["log"]


def test_a_typo_of_an_input_is_refused_with_did_you_mean_before_any_request(okta):
    result = run_step("action", "get_user", {"emial": "user@example.com"})
    assert not result.ok and "did you mean 'email'?" in result.exception["cause"]
    assert not okta.called


def test_a_required_input_of_only_whitespace_is_refused(okta):
    result = run_step("action", "get_user", {"email": "  \t "})
    assert not result.ok and "'email' is required and must not be empty" in result.exception["cause"]
    assert not okta.called
