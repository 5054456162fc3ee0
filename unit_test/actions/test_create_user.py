"""Create User: one POST /users; incomplete credentials are left out; Okta's refusals are errors."""

from unit_test import factories
from unit_test.conftest import API

USERS = API + "/users"
PROFILE = {"firstName": "Isaac", "lastName": "Brock", "email": "user@example.com", "login": "user@example.com"}
PASSWORD = "Correct-Horse-Battery-Staple-42"
ANSWER = "Brussels-sprouts-answer"


def created(status="ACTIVE") -> dict:
    return factories.user("user@example.com", status=status, user_id="00unew", firstName="Isaac", lastName="Brock")


def test_a_created_user_is_returned_with_the_get_user_fields(run_action, okta):
    okta.post(USERS, json=created())

    result = run_action("create_user", {"profile": PROFILE})

    assert result.ok
    assert result.output["id"] == "00unew"
    assert result.output["status"] == "ACTIVE"
    assert result.output["profile"]["firstName"] == "Isaac"
    assert "found" not in result.output and "lastLogin" not in result.output


def test_defaults_send_activate_true_provider_false_and_only_the_profile(run_action, okta):
    okta.post(USERS, json=created())

    run_action("create_user", {"profile": PROFILE})

    [request] = okta.request_history
    assert request.qs == {"activate": ["true"], "provider": ["false"]}
    assert request.json() == {"profile": PROFILE}


def test_credentials_group_ids_and_flags_are_sent_as_given(run_action, okta):
    okta.post(USERS, json=created("STAGED"))
    credentials = {
        "password": {"value": PASSWORD},
        "provider": {"type": "OKTA", "name": "OKTA"},
        "recovery_question": {"question": "Food?", "answer": ANSWER},
    }

    run_action(
        "create_user",
        {
            "profile": PROFILE,
            "credentials": credentials,
            "groupIds": ["00g1", "00g2"],
            "activate": False,
            "provider": True,
        },
    )

    [request] = okta.request_history
    assert request.qs == {"activate": ["false"], "provider": ["true"]}
    assert request.json() == {"profile": PROFILE, "credentials": credentials, "groupIds": ["00g1", "00g2"]}


def test_next_login_with_a_password_and_activation_asks_okta_to_expire_the_password(run_action, okta):
    okta.post(USERS, json=created("PASSWORD_EXPIRED"))

    result = run_action(
        "create_user", {"profile": PROFILE, "nextLogin": True, "credentials": {"password": {"value": PASSWORD}}}
    )

    assert result.output["status"] == "PASSWORD_EXPIRED"
    assert okta.request_history[0].qs["nextlogin"] == ["changepassword"]


def test_next_login_without_a_password_is_refused_before_any_request(run_action, okta):
    result = run_action("create_user", {"profile": PROFILE, "nextLogin": True})

    assert not result.ok
    assert "credentials.password.value" in result.exception["cause"]
    assert not okta.called


def test_next_login_without_activation_is_refused_before_any_request(run_action, okta):
    result = run_action(
        "create_user",
        {"profile": PROFILE, "nextLogin": True, "activate": False, "credentials": {"password": {"value": PASSWORD}}},
    )

    assert not result.ok
    assert "activate is false" in result.exception["cause"]
    assert not okta.called


def test_an_incomplete_provider_is_left_out_and_logged(run_action, okta):
    okta.post(USERS, json=created())

    result = run_action(
        "create_user",
        {"profile": PROFILE, "credentials": {"password": {"value": PASSWORD}, "provider": {"type": "OKTA"}}},
    )

    assert result.ok
    assert okta.request_history[0].json()["credentials"] == {"password": {"value": PASSWORD}}
    assert "Leaving out the provider credential: name is not filled in" in result.body["log"]


def test_an_incomplete_recovery_question_is_left_out_without_logging_the_answer(run_action, okta):
    okta.post(USERS, json=created())

    result = run_action("create_user", {"profile": PROFILE, "credentials": {"recovery_question": {"answer": ANSWER}}})

    assert result.ok
    assert "credentials" not in okta.request_history[0].json()
    assert "Leaving out the recovery_question credential: question is not filled in" in result.body["log"]
    assert ANSWER not in result.body["log"]


def test_provider_true_without_a_complete_provider_is_refused_before_any_request(run_action, okta):
    result = run_action(
        "create_user", {"profile": PROFILE, "provider": True, "credentials": {"provider": {"name": "Google"}}}
    )

    assert not result.ok
    assert "credentials.provider" in result.exception["cause"]
    assert not okta.called


def test_a_duplicate_login_is_an_error_with_oktas_summary_and_cause(run_action, okta):
    okta.post(
        USERS,
        status_code=400,
        json=factories.error(
            "E0000001",
            "Api validation failed: login",
            ["login: An object with this field already exists in the current organization"],
        ),
    )

    result = run_action("create_user", {"profile": PROFILE, "credentials": {"password": {"value": PASSWORD}}})

    assert not result.ok
    assert "E0000001" in result.exception["cause"]
    assert "Api validation failed: login" in result.exception["cause"]
    assert "An object with this field already exists" in result.exception["cause"]
    assert PASSWORD not in str(result.envelope)
    assert okta.call_count == 1


def test_a_token_without_permission_is_an_error_with_oktas_summary(run_action, okta):
    okta.post(
        USERS,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("create_user", {"profile": PROFILE})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_a_missing_profile_reaches_no_endpoint(run_action, okta):
    result = run_action("create_user", {"activate": True})

    assert not result.ok
    assert not okta.called


def test_the_password_never_appears_in_the_log(run_action, okta):
    okta.post(USERS, json=created())

    result = run_action("create_user", {"profile": PROFILE, "credentials": {"password": {"value": PASSWORD}}})

    assert PASSWORD not in result.body["log"]
