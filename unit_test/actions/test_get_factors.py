"""Get Okta User Factors: resolve the user, list the factors; an unknown user is found false, never an empty list."""

from unit_test import factories
from unit_test.conftest import API


def push_factor(user_id, factor_id="opf1", status="ACTIVE"):
    return {
        "id": factor_id,
        "factorType": "push",
        "provider": "OKTA",
        "vendorName": "OKTA",
        "status": status,
        "created": "2020-01-24T14:52:55.000Z",
        "lastUpdated": "2020-01-24T14:55:18.000Z",
        "profile": {
            "credentialId": "user@example.com",
            "deviceType": "SmartPhone_IPhone",
            "name": "iPhone",
            "platform": "IOS",
            "version": "13.3",
        },
        "_links": {"verify": {"href": "%s/users/%s/factors/%s/verify" % (API, user_id, factor_id)}},
    }


def test_factors_of_a_user_given_by_id_cost_two_requests(run_action, okta):
    user = factories.user(user_id="00uA")
    okta.get(API + "/users/00uA", json=user)
    okta.get(API + "/users/00uA/factors", json=[push_factor("00uA")])

    result = run_action("get_factors", {"user_id": "00uA"})

    assert result.ok, result.error
    assert result.output == {"factors": [push_factor("00uA")]}
    assert [r.url for r in okta.request_history] == [API + "/users/00uA", API + "/users/00uA/factors"]


def test_a_login_is_resolved_to_the_user_id_before_listing_factors(run_action, okta):
    user = factories.user(email="a+b@example.com", user_id="00uB")
    okta.get(API + "/users/a%2Bb%40example.com", json=user)
    okta.get(API + "/users/00uB/factors", json=[])

    result = run_action("get_factors", {"user_id": "a+b@example.com"})

    assert result.ok, result.error
    assert result.output == {"factors": []}
    assert okta.request_history[-1].url == API + "/users/00uB/factors"


def test_null_fields_of_a_factor_are_left_out(run_action, okta):
    okta.get(API + "/users/00uA", json=factories.user(user_id="00uA"))
    okta.get(
        API + "/users/00uA/factors", json=[{"id": "sms1", "factorType": "sms", "status": "ACTIVE", "lastUpdated": None}]
    )

    result = run_action("get_factors", {"user_id": "00uA"})

    assert result.output == {"factors": [{"id": "sms1", "factorType": "sms", "status": "ACTIVE"}]}


def test_an_unknown_user_is_found_false_naming_the_input_not_an_empty_list(run_action, okta):
    okta.get(API + "/users/00uNOPE", status_code=404, json=factories.error())

    result = run_action("get_factors", {"user_id": "00uNOPE"})

    assert result.ok, result.error
    assert result.output == {"found": False, "message": "No Okta user matches 00uNOPE."}
    assert [r.url for r in okta.request_history] == [API + "/users/00uNOPE"]


def test_an_unknown_email_is_searched_once_then_reported_not_found(run_action, okta):
    okta.get(API + "/users/x%40example.com", status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("get_factors", {"user_id": "x@example.com"})

    assert result.output == {"found": False, "message": "No Okta user matches x@example.com."}
    assert okta.request_history[-1].qs["search"] == ['profile.email eq "x@example.com"']


def test_an_email_several_users_share_is_an_error_not_a_guess(run_action, okta):
    okta.get(API + "/users/x%40example.com", status_code=404, json=factories.error())
    okta.get(API + "/users", json=[factories.user(user_id="00u1"), factories.user(user_id="00u2")])

    result = run_action("get_factors", {"user_id": "x@example.com"})

    assert not result.ok
    assert "2 Okta users have the email x@example.com" in result.exception["cause"]


def test_okta_refusing_the_factor_list_reports_its_summary(run_action, okta):
    okta.get(API + "/users/00uA", json=factories.user(user_id="00uA"))
    okta.get(
        API + "/users/00uA/factors",
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("get_factors", {"user_id": "00uA"})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]
