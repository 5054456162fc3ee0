"""Start Push: one number-matching push, returned at once with Okta's correct answer and the transaction."""

import json
from urllib.parse import parse_qs, urlsplit

from komand_okta.clock import FakeClock
from unit_test import factories
from unit_test.actions.test_get_factors import push_factor
from unit_test.conftest import API

LOGIN = "john.smith@example.com"
USER = "00uB"
FACTOR = "opf1"
BY_LOGIN = API + "/users/john.smith%40example.com"
FACTORS = "%s/users/%s/factors" % (API, USER)
FACTOR_URL = "%s/%s" % (FACTORS, FACTOR)
VERIFY_URL = FACTOR_URL + "/verify"
POLL_URL = FACTOR_URL + "/transactions/v2mst.GldKV5VxTrifyeZmWSQguA"
EXPIRES = "2026-11-30T12:21:15.000Z"


def challenge(answer=72, poll=POLL_URL):
    body = {
        "factorResult": "WAITING",
        "expiresAt": EXPIRES,
        "_links": {
            "poll": {"href": poll, "hints": {"allow": ["GET"]}},
            "cancel": {"href": poll, "hints": {"allow": ["DELETE"]}},
        },
    }
    if answer is not None:
        body["_embedded"] = {"challenge": {"correctAnswer": answer}}
    return body


def mock_user(okta):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id=USER))


def test_the_push_asks_for_number_matching_and_returns_at_once_with_the_number(run_action, okta):
    mock_user(okta)
    okta.get(FACTOR_URL, json=push_factor(USER, FACTOR))
    okta.post(VERIFY_URL, status_code=201, json=challenge())

    result = run_action("start_push", {"user": LOGIN, "factor_id": FACTOR}, clock=FakeClock())

    assert result.ok, result.error
    assert result.output == {
        "success": True,
        "correct_answer": 72,
        "transaction_id": "v2mst.GldKV5VxTrifyeZmWSQguA",
        "user_id": USER,
        "factor_id": FACTOR,
        "expires_at": EXPIRES,
        "factor_result": "WAITING",
    }
    assert [(r.method, r.url.split("?")[0]) for r in okta.request_history] == [
        ("GET", BY_LOGIN),
        ("GET", FACTOR_URL),
        ("POST", VERIFY_URL),
    ]
    verify = okta.request_history[-1]
    assert json.loads(verify.body) == {"useNumberMatchingChallenge": True}
    assert parse_qs(urlsplit(verify.url).query) == {"tokenLifetimeSeconds": ["300"]}
    assert result.clock.sleeps == []


def test_without_a_factor_id_the_active_push_factor_is_used(run_action, okta):
    mock_user(okta)
    okta.get(FACTORS, json=[{"id": "sms1", "factorType": "sms", "status": "ACTIVE"}, push_factor(USER, FACTOR)])
    okta.post(VERIFY_URL, status_code=201, json=challenge())

    result = run_action("start_push", {"user": LOGIN})

    assert result.output["factor_id"] == FACTOR
    assert okta.request_history[-1].url.startswith(VERIFY_URL)


def test_the_lifetime_given_is_the_challenges(run_action, okta):
    mock_user(okta)
    okta.get(FACTOR_URL, json=push_factor(USER, FACTOR))
    okta.post(VERIFY_URL, status_code=201, json=challenge())

    run_action("start_push", {"user": LOGIN, "factor_id": FACTOR, "lifetime": 900})

    assert parse_qs(urlsplit(okta.request_history[-1].url).query) == {"tokenLifetimeSeconds": ["900"]}


def test_a_lifetime_out_of_bounds_is_refused_before_any_request(run_action, okta):
    result = run_action("start_push", {"user": LOGIN, "lifetime": 10})

    assert not result.ok and "lifetime" in result.error
    assert not okta.called


def test_a_push_okta_sent_without_a_number_has_no_correct_answer_and_the_log_warns(run_action, okta):
    mock_user(okta)
    okta.get(FACTOR_URL, json=push_factor(USER, FACTOR))
    okta.post(VERIFY_URL, status_code=201, json=challenge(answer=None))

    result = run_action("start_push", {"user": LOGIN, "factor_id": FACTOR})

    assert result.ok and "correct_answer" not in result.output
    assert "without a number to match" in result.body["log"]


def test_an_sms_factor_is_refused_before_anything_reaches_the_user(run_action, okta):
    mock_user(okta)
    okta.get(FACTOR_URL, json={"id": FACTOR, "factorType": "sms", "status": "ACTIVE"})

    result = run_action("start_push", {"user": LOGIN, "factor_id": FACTOR})

    assert not result.ok and "not a push factor" in result.exception["cause"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_an_unknown_user_gives_success_false_and_nothing_is_pushed(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("start_push", {"user": LOGIN})

    assert result.output == {"success": False, "message": "No Okta user matches %s; no push was sent." % LOGIN}
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_failed_verify_is_never_retried_so_the_phone_buzzes_once(run_action, okta):
    mock_user(okta)
    okta.get(FACTOR_URL, json=push_factor(USER, FACTOR))
    okta.post(VERIFY_URL, status_code=502, json=factories.error("E0000009", "Internal Server Error"))

    result = run_action("start_push", {"user": LOGIN, "factor_id": FACTOR})

    assert not result.ok
    assert [r.method for r in okta.request_history].count("POST") == 1


def test_an_answer_without_a_transaction_to_poll_is_an_error(run_action, okta):
    mock_user(okta)
    okta.get(FACTOR_URL, json=push_factor(USER, FACTOR))
    okta.post(VERIFY_URL, status_code=201, json=challenge(poll=FACTOR_URL))

    result = run_action("start_push", {"user": LOGIN, "factor_id": FACTOR})

    assert not result.ok and "no transaction to poll" in result.exception["cause"]
