"""Reset Factors: list the user's factors, then reset them; none enrolled gives success false."""

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
FACTORS = API + "/users/00u1/factors"
RESET = API + "/users/00u1/lifecycle/reset_factors"


def factor(status="ACTIVE", factor_type="push") -> dict:
    return {"id": "opf1", "factorType": factor_type, "provider": "OKTA", "status": status}


def requests_made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def test_a_user_with_factors_has_them_reset(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(FACTORS, json=[factor(), factor("PENDING_ACTIVATION", "sms")])
    okta.post(RESET, json={})

    result = run_action("reset_factors", {"email": EMAIL})

    assert result.ok
    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", FACTORS), ("POST", RESET)]


def test_a_user_with_no_enrolled_factors_gives_success_false_without_a_reset(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(FACTORS, json=[])

    result = run_action("reset_factors", {"email": EMAIL})

    assert result.ok
    assert result.output == {"success": False}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", FACTORS)]
    assert "no enrolled MFA factors" in result.body["log"]


def test_factors_only_offered_for_setup_do_not_count_as_enrolled(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(FACTORS, json=[factor("NOT_SETUP")])

    result = run_action("reset_factors", {"email": EMAIL})

    assert result.output == {"success": False}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", FACTORS)]


def test_an_unknown_user_gives_success_false_and_no_factor_request(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("reset_factors", {"email": EMAIL})

    assert result.output == {"success": False}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", SEARCH)]


def test_a_user_whose_login_is_not_the_email_is_found_by_email_search(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, user_id="00u1", login="jdoe")])
    okta.get(FACTORS, json=[factor()])
    okta.post(RESET, json={})

    result = run_action("reset_factors", {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta)[-1] == ("POST", RESET)


def test_an_email_shared_by_two_users_is_an_error_and_resets_nothing(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, login="a"), factories.user(EMAIL, login="b")])

    result = run_action("reset_factors", {"email": EMAIL})

    assert not result.ok
    assert "2 Okta users" in result.exception["cause"]
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", SEARCH)]


def test_a_token_without_permission_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(FACTORS, json=[factor()])
    okta.post(
        RESET,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("reset_factors", {"email": EMAIL})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_an_empty_email_reaches_no_endpoint(run_action, okta):
    result = run_action("reset_factors", {"email": ""})

    assert not result.ok
    assert not okta.called
