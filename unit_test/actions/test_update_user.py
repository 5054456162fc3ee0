"""Update User: POST /users/{id} {"profile"} (partial) or PUT with the whole profile and the current type."""

from urllib.parse import urlsplit

from unit_test import factories
from unit_test.conftest import API

USER_ID = "00u1abcdefghijklmnop"
USER = API + "/users/" + USER_ID
FULL = {"login": "a@example.com", "email": "a@example.com", "firstName": "A", "lastName": "B"}


def sent(okta):
    return [(r.method, urlsplit(r.url).path, r.json() if r.body else None) for r in okta.request_history]


def test_a_partial_update_posts_only_the_given_attributes_and_returns_the_user(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.post(USER, json=factories.user(user_id=USER_ID, department="Security"))

    result = run_action("update_user", {"user": USER_ID, "profile": {"department": "Security"}})

    assert result.ok and result.output["success"] is True
    assert result.output["user"]["profile"]["department"] == "Security" and "type" not in result.output["user"]
    assert sent(okta) == [
        ("GET", "/api/v1/users/" + USER_ID, None),
        ("POST", "/api/v1/users/" + USER_ID, {"profile": {"department": "Security"}}),
    ]


def test_a_null_value_is_sent_as_null_so_okta_clears_the_attribute(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.post(USER, json=factories.user(user_id=USER_ID))

    run_action("update_user", {"user": USER_ID, "profile": {"title": None}})

    assert sent(okta)[1][2] == {"profile": {"title": None}}


def test_a_replace_puts_the_whole_profile_and_keeps_the_users_type(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.put(USER, json=factories.user(user_id=USER_ID))

    result = run_action("update_user", {"user": USER_ID, "profile": FULL, "replace": True})

    assert result.output["success"] is True
    assert sent(okta)[1] == (
        "PUT",
        "/api/v1/users/" + USER_ID,
        {"profile": FULL, "type": {"id": "oty1abcdefghijklmno"}},
    )


def test_a_replace_without_the_required_attributes_is_refused_before_any_request(run_action, okta):
    result = run_action("update_user", {"user": USER_ID, "profile": {"login": "a@example.com"}, "replace": True})

    assert not result.ok and "profile" in result.error and "firstName" in result.error
    assert okta.request_history == []


def test_an_empty_profile_is_refused_before_any_request(run_action, okta):
    result = run_action("update_user", {"user": USER_ID, "profile": {}})

    assert not result.ok and "profile" in result.error
    assert okta.request_history == []


def test_a_blank_user_is_refused_before_any_request(run_action, okta):
    result = run_action("update_user", {"user": " ", "profile": {"title": "x"}})

    assert not result.ok and "user" in result.error
    assert okta.request_history == []


def test_an_unknown_user_gives_success_false_and_a_message(run_action, okta):
    okta.get(USER, status_code=404, json=factories.error())

    result = run_action("update_user", {"user": USER_ID, "profile": {"title": "x"}})

    assert result.ok and result.output["success"] is False and USER_ID in result.output["message"]
    assert len(okta.request_history) == 1


def test_a_deactivated_user_gives_success_false_without_an_update(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID, status="DEPROVISIONED"))

    result = run_action("update_user", {"user": USER_ID, "profile": {"title": "x"}})

    assert result.output["success"] is False and "DEPROVISIONED" in result.output["message"]
    assert len(okta.request_history) == 1


def test_an_okta_validation_error_is_an_error_envelope_with_oktas_causes(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.post(
        USER,
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: email", causes=["email: Does not match required pattern"]
        ),
    )

    result = run_action("update_user", {"user": USER_ID, "profile": {"email": "nope"}})

    assert not result.ok
    assert "E0000001" in result.exception["cause"] and "Does not match required pattern" in result.exception["cause"]
