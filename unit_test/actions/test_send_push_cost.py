"""Push MFA Challenge costs the verify and one poll per wait: a user named by Okta id and a push
factor's ID (`opf…`) need no lookup (an approval on the second poll: 3 requests). A factor ID of
another kind is read first, so an SMS or call factor is never verified (issue 11 §2)."""

from komand_okta.clock import FakeClock
from unit_test import factories
from unit_test.actions.test_get_factors import push_factor
from unit_test.conftest import API

START = 1_700_000_000.0
USER = "00u1abcdefghijklmnop"
FACTOR = "opf1abcdefghijklmnop"
VERIFY = "%s/users/%s/factors/%s/verify" % (API, USER, FACTOR)
POLL = "%s/users/%s/factors/%s/transactions/v2mst1" % (API, USER, FACTOR)
WAITING = {
    "factorResult": "WAITING",
    "expiresAt": "2023-11-14T22:18:20.000Z",
    "_links": {"poll": {"href": POLL, "hints": {"allow": ["GET"]}}},
}


def push(run_action, user=USER, factor=FACTOR):
    return run_action("send_push", {"user_id": user, "factor_id": factor}, clock=FakeClock(START))


def test_an_approval_on_the_second_poll_costs_three_requests(run_action, okta):
    okta.post(VERIFY, status_code=201, json=WAITING)
    okta.get(POLL, [{"json": WAITING}, {"json": {"factorResult": "SUCCESS"}}])
    result = push(run_action)
    assert result.ok and result.output == {"factor_id": FACTOR, "factor_status": "SUCCESS"}
    assert [(r.method, r.url) for r in okta.request_history] == [("POST", VERIFY), ("GET", POLL), ("GET", POLL)]


def test_an_unknown_user_named_by_id_is_the_not_found_output_after_one_request(run_action, okta):
    okta.post(VERIFY, status_code=404, json=factories.error(summary="Not found: Resource not found: %s (User)" % USER))
    result = push(run_action)
    assert result.ok and result.output == {
        "success": False,
        "message": "No Okta user matches %s; no push was sent." % USER,
    }
    assert len(okta.request_history) == 1


def test_an_unknown_push_factor_is_an_error_naming_it(run_action, okta):
    okta.post(
        VERIFY, status_code=404, json=factories.error(summary="Not found: Resource not found: %s (UserFactor)" % FACTOR)
    )
    result = push(run_action)
    assert not result.ok and "has no factor %s" % FACTOR in result.exception["cause"]


def test_a_factor_id_of_another_kind_is_read_first_and_an_sms_factor_never_verified(run_action, okta):
    sms = "sms1abcdefghijklmnop"
    okta.get("%s/users/%s/factors/%s" % (API, USER, sms), json={"id": sms, "factorType": "sms", "status": "ACTIVE"})
    result = push(run_action, factor=sms)
    assert not result.ok and "not a push factor" in result.exception["cause"]
    assert [r.method for r in okta.request_history] == ["GET"]


def test_a_user_named_by_email_is_looked_up_first(run_action, okta):
    okta.get(API + "/users/jane%40example.com", json=factories.user(email="jane@example.com", user_id=USER))
    okta.post(VERIFY, status_code=201, json={"factorResult": "SUCCESS"})
    result = push(run_action, user="jane@example.com")
    assert result.ok and len(okta.request_history) == 2


def test_without_a_factor_id_the_users_factors_are_read_once(run_action, okta):
    okta.get("%s/users/%s/factors" % (API, USER), json=[push_factor(USER, FACTOR)])
    okta.post(VERIFY, status_code=201, json={"factorResult": "SUCCESS"})
    result = run_action("send_push", {"user_id": USER}, clock=FakeClock(START))
    assert result.ok and [r.method for r in okta.request_history] == ["GET", "POST"]
