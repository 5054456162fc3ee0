"""Lifecycle changes that recover by checking: after a transient failure whose outcome is unknown,
the user is read back. At the goal: success with no second POST; not at it: the POST is sent
again (it cannot apply twice); unreadable: the honest "may or may not" error."""

import pytest
import requests
from urllib3.exceptions import ProtocolError

from komand_okta.clock import FakeClock
from komand_okta.okta import users
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.http.errors import OktaError

BASE = "https://example.okta.com"
API = BASE + "/api/v1"
USER_ID = "00u1abcdefghijklmnop"
USER_URL = API + "/users/" + USER_ID
ACTIVE = {"id": USER_ID, "status": "ACTIVE"}
SUSPENDED = {"id": USER_ID, "status": "SUSPENDED"}
SUSPEND = USER_URL + "/lifecycle/suspend"
DROPPED = {
    "exc": requests.exceptions.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "reset")))
}
FAILURES = {  # how the first POST's answer was lost
    "a 503": {"status_code": 503, "text": "<html>Service Unavailable</html>"},
    "a dropped connection": DROPPED,
    "an answer cut short": {"status_code": 200, "text": '{"id": "00u1'},
}


class Log:
    def __init__(self):
        self.lines = []

    def _add(self, message, *args):
        self.lines.append(message % args)

    debug = info = warning = error = _add


def make_client(log=None):
    return OktaClient(BASE, "SSWS tok", clock=FakeClock(), jitter=lambda: 0.0, log=log)


def posts(requests_mock):
    return [r for r in requests_mock.request_history if r.method == "POST"]


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
def test_a_suspend_read_back_as_applied_succeeds_without_a_second_post(requests_mock, failure):
    requests_mock.post(SUSPEND, [failure])
    requests_mock.get(USER_URL, json=SUSPENDED)
    users.change(make_client(), ACTIVE, "suspend")
    assert len(posts(requests_mock)) == 1


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
def test_a_suspend_read_back_as_not_applied_is_sent_again(requests_mock, failure):
    requests_mock.post(SUSPEND, [failure, {"status_code": 200, "json": {}}])
    requests_mock.get(USER_URL, json=ACTIVE)
    users.change(make_client(), ACTIVE, "suspend")
    assert len(posts(requests_mock)) == 2


def test_a_change_read_back_as_applied_is_logged_as_such(requests_mock):
    log = Log()
    requests_mock.post(SUSPEND, [DROPPED])
    requests_mock.get(USER_URL, json=SUSPENDED)
    users.change(make_client(log), ACTIVE, "suspend")
    assert any("reading it back shows the change is in place" in line for line in log.lines)


def test_a_user_okta_is_still_moving_to_the_goal_reads_back_as_applied(requests_mock):
    requests_mock.post(SUSPEND, [DROPPED])
    requests_mock.get(USER_URL, json=dict(ACTIVE, transitioningToStatus="SUSPENDED"))
    users.change(make_client(), ACTIVE, "suspend")
    assert len(posts(requests_mock)) == 1


def test_a_change_that_cannot_be_read_back_says_it_may_or_may_not_have_been_applied(requests_mock):
    requests_mock.post(SUSPEND, [DROPPED])
    requests_mock.get(USER_URL, status_code=503, text="busy")
    with pytest.raises(OktaError, match="may or may not have been applied"):
        users.change(make_client(), ACTIVE, "suspend")
    assert len(posts(requests_mock)) == 1


def test_a_change_never_applied_stops_within_the_retry_budget(requests_mock):
    requests_mock.post(SUSPEND, status_code=503, text="busy")
    requests_mock.get(USER_URL, json=ACTIVE)
    with pytest.raises(OktaError):
        users.change(make_client(), ACTIVE, "suspend")
    assert len(posts(requests_mock)) == 5  # the client's max_tries, as for reads


@pytest.mark.parametrize(
    "operation, before, after",
    [
        ("unsuspend", "SUSPENDED", "ACTIVE"),
        ("deactivate", "ACTIVE", "DEPROVISIONED"),
        ("unlock", "LOCKED_OUT", "ACTIVE"),
    ],
)
def test_every_readable_lifecycle_change_recovers_by_checking(requests_mock, operation, before, after):
    requests_mock.post(USER_URL + "/lifecycle/" + operation, [DROPPED])
    requests_mock.get(USER_URL, json={"id": USER_ID, "status": after})
    users.change(make_client(), {"id": USER_ID, "status": before}, operation)
    assert len(posts(requests_mock)) == 1


def test_an_activation_whose_link_was_lost_says_so_rather_than_sending_another(requests_mock):
    requests_mock.post(USER_URL + "/lifecycle/activate", [DROPPED])
    requests_mock.get(USER_URL, json={"id": USER_ID, "status": "PROVISIONED"})
    with pytest.raises(OktaError, match="no activation link"):
        users.activate(make_client(), {"id": USER_ID, "status": "STAGED"}, "activate", send_email=False)
    assert len(posts(requests_mock)) == 1


def test_a_change_without_a_readable_outcome_keeps_the_honest_error(requests_mock):
    requests_mock.post(USER_URL + "/lifecycle/expire_password", [DROPPED])
    with pytest.raises(OktaError, match="may or may not have been applied"):
        users.change(make_client(), ACTIVE, "expire_password")
    assert len(requests_mock.request_history) == 1
