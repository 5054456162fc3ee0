"""Pacing from Okta's rate-limit headers: a request is taken from its bucket's window before it is
sent, a spent window is waited out; a nearly spent window is shared with other processes through
a file, so a new process starts paced and concurrent ones never overspend it together."""

import json
import subprocess
import sys
from email.utils import formatdate
from pathlib import Path

import pytest

from komand_okta.clock import FakeClock
from komand_okta.okta.http.ratelimit import RateWindows
from komand_okta.okta.http.windowfile import WindowFile

START = 1_700_000_000.0
ORG = "https://example.okta.com"
TOKEN = "canary-token-7f3a9c1e5b"
ROOT = Path(__file__).resolve().parents[2]


def headers(remaining, reset_in, limit=100, date=START):
    return {
        "Date": formatdate(date, usegmt=True),
        "X-Rate-Limit-Limit": str(limit),
        "X-Rate-Limit-Remaining": str(remaining),
        "X-Rate-Limit-Reset": str(int(date + reset_in)),
    }


def windows(clock=None, shared=None):
    return RateWindows(clock or FakeClock(START), jitter=lambda: 0.0, shared=shared)


def shared_file(tmp_path, token=TOKEN):
    return WindowFile(tmp_path / "okta-rate-limits.json", ORG, token)


def test_a_bucket_with_requests_to_spare_waits_for_nothing():
    rate = windows()
    rate.observe("users", headers(remaining=50, reset_in=30))
    assert rate.wait_before("users") == 0.0


def test_a_spent_window_is_waited_out_until_its_reset():
    clock = FakeClock(START)
    rate = windows(clock)
    rate.observe("users", headers(remaining=0, reset_in=30))
    assert rate.wait_before("users") == 30.0
    clock.advance(30)
    assert rate.wait_before("users") == 0.0  # the window is over: the next one begins


def test_a_429_spends_the_window_like_remaining_zero():
    rate = windows()
    rate.observe("users", headers(remaining=7, reset_in=30), status=429)
    assert rate.wait_before("users") == 30.0


def test_a_concurrency_refusal_is_waited_out_and_holds_nothing_back_after_it():
    clock = FakeClock(START)
    rate = windows(clock)
    rate.observe("users", headers(remaining=0, reset_in=1, limit=0), status=429)  # Limit 0: a concurrency 429
    assert rate.wait_before("users") == 1.0
    clock.advance(1)
    assert [rate.wait_before("users") for _ in range(3)] == [0.0, 0.0, 0.0]


def test_the_last_request_of_a_window_goes_and_the_one_after_it_waits():
    rate = windows()
    rate.observe("users", headers(remaining=1, reset_in=30))
    assert rate.wait_before("users") == 0.0
    assert rate.wait_before("users") == 30.0


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
    rate.observe("users", headers(remaining=50, reset_in=9, date=START + 120))  # Okta runs 2 minutes ahead
    rate.observe("users", headers(remaining=0, reset_in=10, date=START + 119))  # a Date rounded down
    assert rate.wait_before("users") == 9.0  # measured from the better estimate (START + 120)


def test_answers_without_rate_limit_headers_change_nothing():
    rate = windows()
    rate.observe("users", {"Date": formatdate(START, usegmt=True)})
    assert rate.wait_before("users") == 0.0


def answer(remaining, reset, limit, date):
    return {
        "Date": formatdate(date, usegmt=True),
        "X-Rate-Limit-Limit": str(limit),
        "X-Rate-Limit-Remaining": str(remaining),
        "X-Rate-Limit-Reset": str(reset),
    }


def test_a_window_our_request_opened_ends_whole_seconds_after_it_was_sent_not_at_the_rounded_reset():
    clock = FakeClock(START + 1)
    rate = windows(clock)
    rate.observe("users", answer(50, START + 2, 100, START + 1))  # Okta's clock is ours
    clock.advance(4.4)  # sent at START + 5.3, answered at + 5.4
    rate.observe("users", answer(0, START + 16, 1, START + 5), sent_at=START + 5.3)
    assert rate.wait_before("users") == pytest.approx(10.0)  # until START + 15.4, not the rounded-up START + 16


def test_after_a_429_windows_are_waited_out_to_the_full_reset():
    clock = FakeClock(START + 1)
    rate = windows(clock)
    rate.observe("users", answer(0, START + 2, 100, START + 1), status=429)
    clock.advance(4.4)
    rate.observe("users", answer(0, START + 16, 1, START + 5), sent_at=START + 5.3)
    assert rate.wait_before("users") == pytest.approx(10.6)


def test_a_late_answer_from_the_last_window_does_not_end_the_next_one():
    clock = FakeClock(START)
    rate = windows(clock)
    rate.observe("users", headers(remaining=0, reset_in=30, limit=20))
    clock.advance(30)
    assert rate.wait_before("users") == 0.0  # begins the next window
    rate.observe("users", headers(remaining=0, reset_in=0, limit=20, date=START + 30))  # sent in the last one
    assert rate.wait_before("users") == 0.0


# -- shared with other processes -------------------------------------------------------------------
def test_a_new_process_starts_paced_by_a_window_another_process_spent(tmp_path):
    windows(shared=shared_file(tmp_path)).observe("users", headers(remaining=0, reset_in=30))
    newcomer = windows(shared=shared_file(tmp_path))
    assert newcomer.wait_before("users") == 30.0


def test_requests_taken_by_one_process_are_counted_for_the_others(tmp_path):
    first, second = windows(shared=shared_file(tmp_path)), windows(shared=shared_file(tmp_path))
    first.observe("users", headers(remaining=2, reset_in=30))
    assert [first.wait_before("users"), second.wait_before("users"), first.wait_before("users")] == [0, 0, 30]


def test_an_answer_does_not_give_back_requests_others_took_in_the_same_window(tmp_path):
    first, second = windows(shared=shared_file(tmp_path)), windows(shared=shared_file(tmp_path))
    first.observe("users", headers(remaining=3, reset_in=30))
    first.wait_before("users")
    second.wait_before("users")
    first.observe("users", headers(remaining=2, reset_in=30))  # counted first's request, not yet second's
    assert [second.wait_before("users"), first.wait_before("users")] == [0, 30]


def test_windows_of_another_credential_or_org_are_not_shared(tmp_path):
    windows(shared=shared_file(tmp_path)).observe("users", headers(remaining=0, reset_in=30))
    other = windows(shared=shared_file(tmp_path, token="another-token"))
    elsewhere = windows(shared=WindowFile(tmp_path / "okta-rate-limits.json", "https://other.okta.com", TOKEN))
    assert other.wait_before("users") == 0.0 and elsewhere.wait_before("users") == 0.0


def test_a_window_with_plenty_left_stays_in_memory(tmp_path):
    rate = windows(shared=shared_file(tmp_path))
    rate.observe("users", headers(remaining=80, reset_in=30))
    rate.wait_before("users")
    assert not (tmp_path / "okta-rate-limits.json").exists()


def test_the_file_keeps_no_secret(tmp_path):
    windows(shared=shared_file(tmp_path)).observe("users", headers(remaining=0, reset_in=30))
    stored = (tmp_path / "okta-rate-limits.json").read_text()
    assert TOKEN not in stored and json.loads(stored)


def test_a_damaged_file_is_started_afresh(tmp_path):
    (tmp_path / "okta-rate-limits.json").write_text("{not json")
    rate = windows(shared=shared_file(tmp_path))
    rate.observe("users", headers(remaining=0, reset_in=30))
    assert windows(shared=shared_file(tmp_path)).wait_before("users") == 30.0


def test_without_a_usable_directory_pacing_goes_on_in_memory(tmp_path):
    (tmp_path / "taken").write_text("a file, not a directory")
    rate = windows(shared=WindowFile(tmp_path / "taken" / "okta-rate-limits.json", ORG, TOKEN))
    rate.observe("users", headers(remaining=0, reset_in=30))
    assert rate.wait_before("users") == 30.0


TAKER = r'''
import sys
from email.utils import formatdate
from komand_okta.clock import FakeClock
from komand_okta.okta.http.ratelimit import RateWindows
from komand_okta.okta.http.windowfile import WindowFile
path, start = sys.argv[1], float(sys.argv[2])
rate = RateWindows(FakeClock(start), lambda: 0.0, shared=WindowFile(path, "https://example.okta.com", "t"))
print(sum(1 for _ in range(40) if rate.wait_before("users") == 0))
'''


def test_two_processes_together_take_no_more_than_the_window_has_left(tmp_path):
    path = tmp_path / "okta-rate-limits.json"
    windows(shared=WindowFile(path, ORG, "t")).observe("users", headers(remaining=30, reset_in=60, limit=300))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", TAKER, str(path), str(START)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    taken = [int(proc.communicate(timeout=60)[0]) for proc in procs]
    assert sum(taken) == 30


def test_a_429_one_process_met_makes_every_process_wait_for_the_full_reset(tmp_path):
    clock = FakeClock(START + 1)
    windows(clock, shared_file(tmp_path)).observe("users", answer(0, START + 2, 1, START + 1), status=429)
    other = windows(clock, shared_file(tmp_path))
    other.observe("users", answer(0, START + 2, 1, START + 1))  # Okta's clock is ours
    clock.advance(4.4)
    other.observe("users", answer(0, START + 16, 1, START + 5), sent_at=START + 5.3)
    assert other.wait_before("users") == pytest.approx(10.6)
