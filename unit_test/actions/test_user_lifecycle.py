"""Suspend, Unsuspend and Deactivate User (mirrored): the user is resolved by email (login first, then
an email search), then one POST to /users/{id}/lifecycle/{operation}; a user already in the wanted
status is success without a request, an unknown user success false, and a shared email or a refusal
from Okta an error."""

import pytest

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
LIFECYCLE = API + "/users/00u1/lifecycle/"
SUSPEND = pytest.param("suspend_user", "suspend", id="suspend")
UNSUSPEND = pytest.param("unsuspend_user", "unsuspend", id="unsuspend")
DEACTIVATE = pytest.param("deactivate_user", "deactivate", id="deactivate")
MIRRORED = pytest.mark.parametrize("action, operation", [SUSPEND, UNSUSPEND, DEACTIVATE])
# A status each action changes; Deactivate User changes any status but DEPROVISIONED.
CHANGEABLE = {"suspend": "ACTIVE", "unsuspend": "SUSPENDED", "deactivate": "ACTIVE"}
# How Okta answers the lifecycle POST: {} for suspend and unsuspend, an empty body for deactivate.
ANSWER = {"suspend": {"json": {}}, "unsuspend": {"json": {}}, "deactivate": {"status_code": 200}}


def requests_made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


@pytest.mark.parametrize(
    "action, operation, status",
    [
        pytest.param("suspend_user", "suspend", "ACTIVE", id="suspend-ACTIVE"),
        pytest.param("unsuspend_user", "unsuspend", "SUSPENDED", id="unsuspend-SUSPENDED"),
        *(
            pytest.param("deactivate_user", "deactivate", status, id="deactivate-" + status)
            for status in ("ACTIVE", "SUSPENDED", "STAGED", "LOCKED_OUT")
        ),
    ],
)
def test_a_user_in_a_status_the_action_changes_gets_one_lifecycle_post_and_success(
    run_action, okta, action, operation, status
):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status=status, user_id="00u1"))
    okta.post(LIFECYCLE + operation, **ANSWER[operation])

    result = run_action(action, {"email": EMAIL})

    assert result.ok
    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("POST", LIFECYCLE + operation)]


@pytest.mark.parametrize(
    "action, status, words",
    [
        pytest.param("suspend_user", "SUSPENDED", "already suspended", id="suspend"),
        pytest.param("unsuspend_user", "ACTIVE", "already active", id="unsuspend"),
        pytest.param("deactivate_user", "DEPROVISIONED", "already deactivated", id="deactivate"),
    ],
)
def test_a_user_already_in_the_wanted_status_succeeds_without_a_request(run_action, okta, action, status, words):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status=status, user_id="00u1"))

    result = run_action(action, {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN)]
    assert words in result.body["log"]


@MIRRORED
def test_an_unknown_user_gives_success_false_and_no_lifecycle_request(run_action, okta, action, operation):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action(action, {"email": EMAIL})

    assert result.ok
    assert result.output == {"success": False}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", SEARCH)]


@MIRRORED
def test_a_user_whose_login_is_not_the_email_is_found_by_email_search(run_action, okta, action, operation):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, status=CHANGEABLE[operation], user_id="00u1", login="jdoe")])
    okta.post(LIFECYCLE + operation, **ANSWER[operation])

    result = run_action(action, {"email": EMAIL})

    assert result.output == {"email": EMAIL, "user_id": "00u1", "success": True}
    assert requests_made(okta)[-1] == ("POST", LIFECYCLE + operation)


@MIRRORED
def test_an_email_shared_by_two_users_is_an_error_and_changes_nobody(run_action, okta, action, operation):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, login="a"), factories.user(EMAIL, login="b")])

    result = run_action(action, {"email": EMAIL})

    assert not result.ok
    assert "2 Okta users" in result.exception["cause"]
    assert all(r.method == "GET" for r in okta.request_history)


NO_PERMISSION = ("E0000006", "You do not have permission to perform the requested action", ())


@pytest.mark.parametrize(
    "action, operation, status, http_status, refusal",
    [
        pytest.param(
            "suspend_user",
            "suspend",
            "STAGED",
            400,
            ("E0000001", "Api validation failed: suspendUser", ("Cannot suspend a user that is not active",)),
            id="suspend-a_status_okta_refuses",
        ),
        pytest.param(
            "unsuspend_user",
            "unsuspend",
            "STAGED",
            400,
            ("E0000001", "Api validation failed: unsuspendUser", ("Cannot unsuspend a user that is not suspended",)),
            id="unsuspend-a_status_okta_refuses",
        ),
        *(
            pytest.param(action, operation, CHANGEABLE[operation], 403, NO_PERMISSION, id=operation + "-no_permission")
            for action, operation in (
                ("suspend_user", "suspend"),
                ("unsuspend_user", "unsuspend"),
                ("deactivate_user", "deactivate"),
            )
        ),
    ],
)
def test_okta_refusing_the_change_is_an_error_with_oktas_summary_and_causes_and_is_not_retried(
    run_action, okta, action, operation, status, http_status, refusal
):
    code, summary, causes = refusal
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status=status, user_id="00u1"))
    okta.post(LIFECYCLE + operation, status_code=http_status, json=factories.error(code, summary, causes))

    result = run_action(action, {"email": EMAIL})

    assert not result.ok
    assert code in result.exception["cause"] and summary in result.exception["cause"]
    assert all(cause in result.exception["cause"] for cause in causes)
    assert okta.call_count == 2


@MIRRORED
def test_an_empty_email_reaches_no_endpoint(run_action, okta, action, operation):
    result = run_action(action, {"email": ""})

    assert not result.ok
    assert not okta.called
