"""RetryPolicy on its own: wait N seconds or give up, from the status or failure, the method, idempotency
and the budget; and whether a request given up on may or may not have been applied."""

import pytest

from komand_okta.clock import FakeClock
from komand_okta.okta.http.failures import Failure
from komand_okta.okta.http.retry import BACKOFF_CAP, RetryPolicy

DATE = "Tue, 13 Aug 2024 12:00:00 GMT"
DATE_EPOCH = 1723550400


def policy(max_tries=5, max_wait=300.0, jitter=0.0):
    return RetryPolicy(FakeClock(), max_tries=max_tries, max_wait=max_wait, jitter=lambda: jitter)


def test_a_429_waits_until_the_window_resets_by_the_answers_own_date_plus_jitter():
    headers = {"X-Rate-Limit-Reset": str(DATE_EPOCH + 30), "Date": DATE}
    decision = policy(jitter=0.5).after_status(429, headers, "POST", False, tries=1, waited=0)
    assert decision.wait == pytest.approx(30.5) and not decision.maybe_applied


def test_a_429_without_rate_limit_headers_waits_the_backoff():
    assert policy().after_status(429, {}, "GET", True, tries=2, waited=0).wait == pytest.approx(1.0)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_5xx_to_an_idempotent_call_is_tried_again_with_backoff(status):
    assert policy().after_status(status, {}, "GET", True, tries=1, waited=0).wait == pytest.approx(0.5)


@pytest.mark.parametrize("status, maybe_applied", [(500, False), (503, False), (502, True), (504, True)])
def test_a_5xx_to_a_non_idempotent_call_gives_up_and_a_gateway_answer_may_have_been_applied(status, maybe_applied):
    decision = policy().after_status(status, {}, "POST", False, tries=1, waited=0)
    assert decision.wait is None and decision.maybe_applied is maybe_applied


@pytest.mark.parametrize("method, idempotent", [("GET", True), ("POST", False)])
def test_a_423_locked_is_tried_again_with_backoff_whatever_the_method(method, idempotent):
    assert policy().after_status(423, {}, method, idempotent, tries=1, waited=0).wait == pytest.approx(0.5)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409])
def test_a_client_error_status_is_never_tried_again(status):
    decision = policy().after_status(status, {}, "GET", True, tries=1, waited=0)
    assert decision.wait is None and not decision.maybe_applied


@pytest.mark.parametrize(
    "sent, method, idempotent, retried",
    [
        (False, "POST", False, True),  # never reached Okta: safe for any method
        (True, "GET", True, True),  # reached Okta, but a read or an idempotent call may repeat
        (True, "PUT", True, True),
        (True, "POST", False, False),  # reached Okta, a POST: trying again could apply it twice
    ],
)
def test_a_request_without_an_answer_is_tried_again_only_when_that_cannot_apply_it_twice(
    sent, method, idempotent, retried
):
    decision = policy().after_failure(Failure("dropped", sent=sent), method, idempotent, tries=1, waited=0)
    assert (decision.wait is not None) is retried


@pytest.mark.parametrize(
    "sent, method, maybe_applied",
    [(True, "POST", True), (True, "DELETE", True), (True, "GET", False), (False, "POST", False)],
)
def test_giving_up_without_an_answer_says_a_write_that_reached_okta_may_have_been_applied(sent, method, maybe_applied):
    decision = policy().after_failure(Failure("dropped", sent=sent, retryable=False), method, False, tries=1, waited=0)
    assert decision.wait is None and decision.maybe_applied is maybe_applied


def test_a_failure_that_retrying_cannot_heal_gives_up_at_once():
    refused = Failure("the connection was refused", sent=False, retryable=False)
    assert policy().after_failure(refused, "GET", True, tries=1, waited=0).wait is None


def test_no_try_is_made_past_max_tries():
    assert policy(max_tries=3).after_status(503, {}, "GET", True, tries=3, waited=0).wait is None


def test_no_wait_is_made_that_would_pass_max_wait():
    assert policy(max_wait=10).after_status(503, {}, "GET", True, tries=1, waited=9.8).wait is None


def test_giving_up_on_the_budget_keeps_what_the_failure_says_about_being_applied():
    dropped = Failure("dropped", sent=True)
    decision = policy(max_tries=1).after_failure(dropped, "DELETE", True, tries=1, waited=0)
    assert decision.wait is None and decision.maybe_applied is True


def test_backoff_doubles_up_to_its_cap():
    waits = [
        policy(max_tries=20, max_wait=1e6).after_status(503, {}, "GET", True, tries=n, waited=0).wait
        for n in range(1, 8)
    ]
    assert waits == [0.5, 1.0, 2.0, 4.0, BACKOFF_CAP, BACKOFF_CAP, BACKOFF_CAP]
