"""The spec decides what an input means: empty optional strings, defaults, bounds, unknown keys."""

import pytest

from unit_test.runtime.spec_plugin import cause, run_echo


def seen(params, **kwargs):
    envelope, ok, _ = run_echo(params, **kwargs)
    assert ok, envelope["body"].get("error")
    return envelope["body"]["output"]


# -- an empty optional string is absent ----------------------------------------------------------
def test_an_empty_optional_string_reaches_the_step_as_absent():
    assert "note" not in seen({"email": "a@example.com", "note": ""})["seen"]


def test_an_empty_optional_enum_is_absent_and_takes_its_default():
    assert seen({"email": "a@example.com", "mode": ""})["seen"]["mode"] == "safe"


def test_an_optional_string_of_only_whitespace_reaches_the_step_for_it_to_judge():
    assert seen({"email": "a@example.com", "note": "  "})["seen"]["note"] == "  "


def test_an_empty_optional_connection_string_is_absent():
    assert "proxy" not in seen({"email": "a@example.com"}, connection={"region": "eu", "proxy": ""})["connection"]


@pytest.mark.parametrize("value", ["", " \t"])
def test_a_blank_required_string_is_still_refused(value):
    envelope, ok, _ = run_echo({"email": value})
    assert not ok and "'email' is required and must not be empty" in cause(envelope)


# -- minimum / maximum -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("count", 0, "'count' must be between 1 and 300; got 0"),
        ("count", 301, "'count' must be between 1 and 300; got 301"),
        ("floor", -0.5, "'floor' must be 0 or more; got -0.5"),
        ("cap", 11, "'cap' must be 10 or less; got 11"),
    ],
)
def test_a_number_outside_its_bounds_is_refused_naming_the_bounds(field, value, expected):
    envelope, ok, _ = run_echo({"email": "a@example.com", field: value})
    assert not ok and expected in cause(envelope)


@pytest.mark.parametrize("field, value", [("count", 1), ("count", 300), ("floor", 0), ("cap", 10)])
def test_a_number_on_its_bound_is_accepted(field, value):
    assert seen({"email": "a@example.com", field: value})["seen"][field] == value


# -- unknown keys ----------------------------------------------------------------------------------
def test_an_unknown_key_far_from_every_input_is_logged_as_ignored():
    envelope, ok, log = run_echo({"email": "a@example.com", "ticket": "INC-1"})
    assert ok and "ticket" not in envelope["body"]["output"]["seen"]
    assert "'ticket' is not an input of echo; it is ignored." in log


def test_a_typo_of_a_missing_required_input_is_refused_with_the_field_it_resembles():
    envelope, ok, _ = run_echo({"emial": "a@example.com"})
    assert not ok and "'emial' is not an input of echo: did you mean 'email'?" in cause(envelope)


def test_a_typo_of_an_optional_input_not_given_is_refused_rather_than_ignored():
    envelope, ok, _ = run_echo({"email": "a@example.com", "revoke_sesions": True})
    assert not ok and "did you mean 'revoke_sessions'?" in cause(envelope)


def test_a_near_key_beside_the_input_it_resembles_is_logged_not_refused():
    envelope, ok, log = run_echo({"email": "a@example.com", "Email": "b@example.com"})
    assert ok and envelope["body"]["output"]["seen"]["email"] == "a@example.com"
    assert "'Email' is not an input of echo; it is ignored (did you mean 'email'? That was given too)." in log


def test_a_typo_of_a_connection_field_is_refused_naming_it():
    envelope, ok, _ = run_echo({"email": "a@example.com"}, connection={"region": "eu", "verify-tls": False})
    assert not ok and "'verify-tls' is not a connection field: did you mean 'verify_tls'?" in cause(envelope)


def test_a_typo_and_a_schema_problem_are_named_together():
    envelope, ok, _ = run_echo({"email": "a@example.com", "count": "x", "nte": "hi"})
    assert not ok and "'count' must be of type integer" in cause(envelope) and "did you mean 'note'?" in cause(envelope)
