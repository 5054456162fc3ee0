"""Wait for Push: poll the transaction at once, then every three seconds, to a verdict or the end of the wait."""

import pytest

from komand_okta.clock import FakeClock
from unit_test import factories
from unit_test.conftest import API

USER, FACTOR, TRANSACTION = "00uB", "opf1", "v2mst.GldKV5VxTrifyeZmWSQguA"
POLL_URL = "%s/users/%s/factors/%s/transactions/%s" % (API, USER, FACTOR, TRANSACTION)
EXPIRES = "2026-11-30T12:21:15.000Z"
WAITING = {
    "factorResult": "WAITING",
    "expiresAt": EXPIRES,
    "profile": {"credentialId": "john.smith@example.com"},
    "_embedded": {"challenge": {"correctAnswer": 72}},
}
USER_URL = API + "/users/" + USER
IDS = {"user": USER, "factor_id": FACTOR, "transaction_id": TRANSACTION}


def run(run_action, okta, **params):
    okta.get(USER_URL, json=factories.user(user_id=USER))
    return run_action("wait_for_push", dict(IDS, **params), clock=FakeClock())


@pytest.mark.parametrize("verdict", ["SUCCESS", "REJECTED", "TIMEOUT"])
def test_oktas_verdict_is_the_answer(run_action, okta, verdict):
    okta.get(POLL_URL, [{"json": WAITING}, {"json": WAITING}, {"json": {"factorResult": verdict}}])

    result = run(run_action, okta)

    assert result.ok, result.error
    assert result.output == {"found": True, "factor_result": verdict}
    assert result.clock.sleeps == [3, 3]  # the first poll is at once
    assert [r.url for r in okta.request_history] == [USER_URL, POLL_URL, POLL_URL, POLL_URL]


def test_an_answer_already_given_needs_one_poll_and_no_wait(run_action, okta):
    okta.get(POLL_URL, json={"factorResult": "SUCCESS"})

    result = run(run_action, okta)

    assert result.output == {"found": True, "factor_result": "SUCCESS"}
    assert result.clock.sleeps == [] and okta.call_count == 2


def test_a_wait_that_ends_first_reports_waiting_and_when_the_challenge_expires(run_action, okta):
    okta.get(POLL_URL, json=WAITING)

    result = run(run_action, okta, timeout=10)

    assert result.output == {"found": True, "factor_result": "WAITING", "expires_at": EXPIRES}
    assert result.clock.sleeps == [3, 3, 3, 1]  # the last poll lands exactly on the end of the wait
    assert okta.call_count == 1 + 5
    assert "still WAITING" in result.body["log"]


def test_a_transaction_okta_does_not_know_is_found_false(run_action, okta):
    okta.get(POLL_URL, status_code=404, json=factories.error(summary="Not found: Resource not found: x (Transaction)"))

    result = run(run_action, okta)

    assert result.ok
    assert result.output["found"] is False
    assert TRANSACTION in result.output["message"] and "Start Push returned" in result.output["message"]


@pytest.mark.parametrize("field", ["factor_id", "transaction_id"])
def test_an_id_that_cannot_be_a_path_segment_is_refused_naming_it(run_action, okta, field):
    result = run_action("wait_for_push", dict(IDS, **{field: ".."}), clock=FakeClock())

    assert not result.ok and "(%s)" % field in result.exception["cause"]
    assert not okta.called


@pytest.mark.parametrize("timeout", [0, 301])
def test_a_timeout_out_of_bounds_is_refused_before_any_request(run_action, okta, timeout):
    result = run_action("wait_for_push", dict(IDS, timeout=timeout), clock=FakeClock())

    assert not result.ok and "timeout" in result.error
    assert not okta.called


def test_an_unknown_user_is_found_false_and_nothing_is_polled(run_action, okta):
    okta.get(USER_URL, status_code=404, json=factories.error())

    result = run_action("wait_for_push", IDS, clock=FakeClock())

    assert result.ok
    assert result.output == {"found": False, "message": "No Okta user matches %s." % USER}
    assert [r.url for r in okta.request_history] == [USER_URL]


def test_an_answer_without_a_result_is_an_error(run_action, okta):
    okta.get(POLL_URL, json={"profile": {}})

    result = run(run_action, okta)

    assert not result.ok and "no factorResult" in result.exception["cause"]
