"""Pacing from Okta's rate-limit headers: wait out spent windows, spread the last requests."""
from email.utils import formatdate

from komand_okta.clock import FakeClock
from komand_okta.okta.http.ratelimit import RateWindows

START = 1_700_000_000.0


def headers(remaining, reset_in, limit=100, date=START):
    return {"Date": formatdate(date, usegmt=True), "X-Rate-Limit-Limit": str(limit),
            "X-Rate-Limit-Remaining": str(remaining), "X-Rate-Limit-Reset": str(int(date + reset_in))}


def windows(clock=None):
    return RateWindows(clock or FakeClock(START), jitter=lambda: 0.0)


def test_a_bucket_with_requests_to_spare_waits_for_nothing():
    rate = windows()
    rate.observe("users", headers(remaining=50, reset_in=30))
    assert rate.wait_before("users") == 0.0


def test_a_spent_window_is_waited_out_until_its_reset():
    rate = windows()
    rate.observe("users", headers(remaining=0, reset_in=30))
    assert rate.wait_before("users") == 30.0
    assert rate.wait_before("users") == 0.0  # the next answer tells the new window's state


def test_a_window_with_one_request_left_does_not_hold_it_back():
    rate = windows()
    rate.observe("users", headers(remaining=1, reset_in=30))
    assert rate.wait_before("users") == 0.0


def test_buckets_are_paced_independently():
    rate = windows()
    rate.observe("users", headers(remaining=0, reset_in=30))
    assert rate.wait_before("groups") == 0.0


def test_a_reset_already_past_by_the_servers_clock_waits_for_nothing():
    clock = FakeClock(START)
    rate = windows(clock)
    rate.observe("users", headers(remaining=0, reset_in=5))
    clock.advance(6)
    assert rate.wait_before("users") == 0.0


def test_the_servers_clock_is_estimated_from_the_most_advanced_date_seen():
    clock = FakeClock(START)
    rate = windows(clock)
    rate.observe("users", headers(remaining=50, reset_in=30, date=START + 120))  # Okta runs 2 minutes ahead
    rate.observe("users", headers(remaining=0, reset_in=10, date=START + 119))   # a Date rounded down
    assert rate.wait_before("users") == 9.0  # measured from the better estimate (START + 120)


def test_answers_without_rate_limit_headers_change_nothing():
    rate = windows()
    rate.observe("users", {"Date": formatdate(START, usegmt=True)})
    assert rate.wait_before("users") == 0.0
