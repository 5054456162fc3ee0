"""Push MFA Challenge: one push, polled on the clock until Okta gives a final result."""

from datetime import UTC

from komand_okta.clock import FakeClock
from unit_test import factories
from unit_test.actions.test_get_factors import push_factor
from unit_test.conftest import API

USER = "00uA"
FACTOR = "opf1"
FACTOR_URL = "%s/users/%s/factors/%s" % (API, USER, FACTOR)
VERIFY_URL = FACTOR_URL + "/verify"
POLL_URL = FACTOR_URL + "/transactions/v2mst1"
START = 1_700_000_000.0


def iso(epoch: float) -> str:
    from datetime import datetime

    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def waiting(expires_in=300):
    return {
        "factorResult": "WAITING",
        "expiresAt": iso(START + expires_in),
        "_links": {
            "poll": {"href": POLL_URL, "hints": {"allow": ["GET"]}},
            "cancel": {"href": POLL_URL, "hints": {"allow": ["DELETE"]}},
        },
    }


def mock_user_and_factor(okta, factor=None):
    okta.get(API + "/users/" + USER, json=factories.user(user_id=USER))
    okta.get(FACTOR_URL, json=factor or push_factor(USER, FACTOR))


def run(run_action, clock=None, **params):
    """The 3.x input shape (user_id and factor_id only), plus any 4.1 inputs given."""
    return run_action(
        "send_push", dict({"user_id": USER, "factor_id": FACTOR}, **params), clock=clock or FakeClock(START)
    )


def methods(okta):
    return [(r.method, r.url) for r in okta.request_history]


def test_approved_push_reports_success_after_polling_every_three_seconds(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=201, json=waiting())
    okta.get(POLL_URL, [{"json": waiting()}, {"json": waiting()}, {"json": {"factorResult": "SUCCESS"}}])

    result = run(run_action)

    assert result.ok, result.error
    assert result.output == {"factor_id": FACTOR, "factor_status": "SUCCESS"}
    assert result.clock.sleeps == [3, 3, 3]
    assert methods(okta) == [
        ("GET", API + "/users/" + USER),
        ("GET", FACTOR_URL),
        ("POST", VERIFY_URL),
        ("GET", POLL_URL),
        ("GET", POLL_URL),
        ("GET", POLL_URL),
    ]
    assert okta.request_history[2].body is None  # a plain push has no body


def test_rejected_push_is_an_answer_not_a_failure(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=201, json=waiting())
    okta.get(POLL_URL, json={"factorResult": "REJECTED"})

    result = run(run_action)

    assert result.ok, result.error
    assert result.output == {"factor_id": FACTOR, "factor_status": "REJECTED"}


def test_okta_reporting_timeout_ends_the_wait(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=201, json=waiting())
    okta.get(POLL_URL, [{"json": waiting()}, {"json": {"factorResult": "TIMEOUT"}}])

    result = run(run_action)

    assert result.output == {"factor_id": FACTOR, "factor_status": "TIMEOUT"}
    assert okta.call_count == 5


def test_any_other_final_result_is_returned_as_is(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=201, json=waiting())
    okta.get(POLL_URL, json={"factorResult": "CANCELLED"})

    assert run(run_action).output == {"factor_id": FACTOR, "factor_status": "CANCELLED"}


def test_waiting_past_okta_expiry_reports_timeout_without_outliving_it(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=201, json=waiting(expires_in=10))
    okta.get(POLL_URL, json=waiting(expires_in=10))

    result = run(run_action)

    assert result.ok, result.error
    assert result.output == {"factor_id": FACTOR, "factor_status": "TIMEOUT"}
    assert sum(result.clock.sleeps) == 10
    assert result.clock.sleeps == [3, 3, 3, 1]  # the last poll lands exactly on the expiry
    assert okta.call_count == 3 + 4
    assert "did not answer the push in time" in result.body["log"]


def waiting_without_expiry(okta):
    mock_user_and_factor(okta)
    body = waiting()
    del body["expiresAt"]
    okta.post(VERIFY_URL, status_code=201, json=body)
    okta.get(POLL_URL, json=body)


def test_without_a_timeout_the_wait_is_sixty_seconds(run_action, okta):
    waiting_without_expiry(okta)

    result = run(run_action)

    assert result.output == {"factor_id": FACTOR, "factor_status": "TIMEOUT"}
    assert sum(result.clock.sleeps) == 60
    assert okta.call_count == 3 + 20  # a poll every 3 s, the last exactly at the deadline


def test_the_wait_can_be_as_long_as_five_minutes(run_action, okta):
    waiting_without_expiry(okta)

    result = run(run_action, timeout=300)

    assert result.output == {"factor_id": FACTOR, "factor_status": "TIMEOUT"}
    assert sum(result.clock.sleeps) == 300


def test_a_timeout_shorter_than_the_poll_interval_is_never_outlived(run_action, okta):
    waiting_without_expiry(okta)

    result = run(run_action, timeout=5)

    assert result.output == {"factor_id": FACTOR, "factor_status": "TIMEOUT"}
    assert result.clock.sleeps == [3, 2]


def test_polling_stops_at_the_first_final_result_well_before_the_timeout(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=201, json=waiting())
    okta.get(POLL_URL, [{"json": {"factorResult": "SUCCESS"}}, {"json": waiting()}])

    result = run(run_action, timeout=300)

    assert result.output == {"factor_id": FACTOR, "factor_status": "SUCCESS"}
    assert result.clock.sleeps == [3]
    assert okta.call_count == 4


def test_a_timeout_over_five_minutes_is_refused_before_any_request(run_action, okta):
    result = run(run_action, timeout=301)

    assert not result.ok
    assert "timeout must be between 1 and 300" in result.exception["cause"]
    assert okta.call_count == 0


def test_a_timeout_below_one_second_is_refused_before_any_request(run_action, okta):
    result = run(run_action, timeout=0)

    assert not result.ok
    assert "timeout" in result.exception["cause"]
    assert okta.call_count == 0


def test_without_a_factor_id_the_active_push_factor_is_found_and_returned(run_action, okta):
    okta.get(API + "/users/" + USER, json=factories.user(user_id=USER))
    okta.get(
        API + "/users/%s/factors" % USER,
        json=[{"id": "sms1", "factorType": "sms", "status": "ACTIVE"}, push_factor(USER, FACTOR)],
    )
    okta.post(VERIFY_URL, status_code=201, json=waiting())
    okta.get(POLL_URL, json={"factorResult": "SUCCESS"})

    result = run_action("send_push", {"user_id": USER, "factor_type": "push"}, clock=FakeClock(START))

    assert result.ok, result.error
    assert result.output == {"factor_id": FACTOR, "factor_status": "SUCCESS"}
    assert methods(okta) == [
        ("GET", API + "/users/" + USER),
        ("GET", API + "/users/%s/factors" % USER),
        ("POST", VERIFY_URL),
        ("GET", POLL_URL),
    ]


def test_without_a_factor_id_a_user_with_no_active_push_factor_is_an_error_and_nothing_is_pushed(run_action, okta):
    okta.get(API + "/users/" + USER, json=factories.user(user_id=USER))
    okta.get(API + "/users/%s/factors" % USER, json=[push_factor(USER, FACTOR, status="PENDING_ACTIVATION")])

    result = run_action("send_push", {"user_id": USER}, clock=FakeClock(START))

    assert not result.ok
    assert "has no active push factor" in result.exception["cause"]
    assert all(m == "GET" for m, _ in methods(okta))


def test_an_unsupported_factor_type_is_refused_by_the_spec_enum_before_any_request(run_action, okta):
    result = run_action("send_push", {"user_id": USER, "factor_type": "sms"}, clock=FakeClock(START))

    assert not result.ok
    assert "factor_type" in result.error
    assert okta.call_count == 0


def test_a_failed_verify_is_never_retried_so_the_phone_buzzes_once(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=502, json=factories.error("E0000009", "Internal Server Error"))

    result = run(run_action)

    assert not result.ok
    assert [m for m, _ in methods(okta)].count("POST") == 1
    assert "502" in result.exception["cause"]


def test_a_rejection_answered_as_an_error_reports_okta_summary(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=403, json=factories.error("E0000073", "User rejected authentication"))

    result = run(run_action)

    assert not result.ok
    assert "User rejected authentication" in result.exception["cause"]
    assert "rejected the push" in result.exception["assistance"]


def test_an_sms_factor_is_refused_before_anything_reaches_the_user(run_action, okta):
    mock_user_and_factor(okta, factor={"id": FACTOR, "factorType": "sms", "status": "ACTIVE"})

    result = run(run_action)

    assert not result.ok
    assert "is a sms factor, not a push factor" in result.exception["cause"]
    assert all(m == "GET" for m, _ in methods(okta))


def test_a_push_factor_still_enrolling_is_refused(run_action, okta):
    mock_user_and_factor(okta, factor=push_factor(USER, FACTOR, status="PENDING_ACTIVATION"))

    result = run(run_action)

    assert not result.ok
    assert "PENDING_ACTIVATION, not ACTIVE" in result.exception["cause"]
    assert okta.call_count == 2


def test_an_unknown_factor_is_an_error_naming_it(run_action, okta):
    okta.get(API + "/users/" + USER, json=factories.user(user_id=USER))
    okta.get(FACTOR_URL, status_code=404, json=factories.error("E0000007", "Not found: Resource not found: opf1"))

    result = run(run_action)

    assert not result.ok
    assert "has no factor opf1" in result.exception["cause"]
    assert okta.call_count == 2


def test_an_unknown_user_is_success_false_and_nothing_is_pushed(run_action, okta):
    okta.get(API + "/users/" + USER, status_code=404, json=factories.error())

    result = run(run_action)

    assert result.ok, result.error
    assert result.output == {"success": False, "message": "No Okta user matches 00uA; no push was sent."}
    assert methods(okta) == [("GET", API + "/users/" + USER)]


def test_a_poll_link_to_another_host_is_refused(run_action, okta):
    mock_user_and_factor(okta)
    body = waiting()
    body["_links"]["poll"]["href"] = "https://evil.example.net/api/v1/x"
    okta.post(VERIFY_URL, status_code=201, json=body)

    result = run(run_action)

    assert not result.ok
    assert "another host" in result.exception["cause"]
    assert okta.call_count == 3


def test_find_push_factor_picks_the_active_push_factor(okta):
    from komand_okta.okta.factors import find_push_factor
    from komand_okta.okta.http.client import OktaClient

    okta.get(
        API + "/users/00uA/factors",
        json=[
            {"id": "sms1", "factorType": "sms", "status": "ACTIVE"},
            push_factor(USER, "opfOld", status="PENDING_ACTIVATION"),
            push_factor(USER, "opfNew"),
        ],
    )
    client = OktaClient("https://example.okta.com", "SSWS t", clock=FakeClock())

    assert find_push_factor(client, "00uA")["id"] == "opfNew"


def test_an_expiry_already_past_by_our_clock_still_polls_until_okta_answers(run_action, okta):
    mock_user_and_factor(okta)
    okta.post(VERIFY_URL, status_code=201, json=waiting(expires_in=-600))  # our clock runs 15 min ahead
    okta.get(POLL_URL, [{"json": waiting(expires_in=-600)}, {"json": {"factorResult": "SUCCESS"}}])

    result = run(run_action)

    assert result.output == {"factor_id": FACTOR, "factor_status": "SUCCESS"}
    assert "already past by this machine's clock" in result.body["log"]
