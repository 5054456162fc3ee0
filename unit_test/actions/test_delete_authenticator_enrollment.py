"""Delete Authenticator Enrollment: the user resolved, then one DELETE; a missing enrollment is success false."""

from unit_test import factories
from unit_test.conftest import API

LOGIN = "jane.doe@example.com"
BY_LOGIN = API + "/users/jane.doe%40example.com"
ENROLLMENT = API + "/users/00u1/authenticator-enrollments/pfd1"


def test_the_enrollment_is_deleted(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id="00u1"))
    okta.delete(ENROLLMENT, status_code=204)

    result = run_action("delete_authenticator_enrollment", {"user": LOGIN, "enrollment_id": " pfd1 "})

    assert result.ok, result.error
    assert result.output == {"success": True}
    assert [(r.method, r.url) for r in okta.request_history] == [("GET", BY_LOGIN), ("DELETE", ENROLLMENT)]


def test_an_enrollment_the_user_does_not_have_gives_success_false_and_a_message(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id="00u1"))
    okta.delete(ENROLLMENT, status_code=404, json=factories.error(summary="Not found: pfd1 (AuthenticatorEnrollment)"))

    result = run_action("delete_authenticator_enrollment", {"user": LOGIN, "enrollment_id": "pfd1"})

    assert result.ok
    assert result.output == {
        "success": False,
        "message": "User 00u1 has no authenticator enrollment with the ID pfd1 (already deleted, or never enrolled).",
    }


def test_an_unknown_user_gives_success_false_and_deletes_nothing(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("delete_authenticator_enrollment", {"user": LOGIN, "enrollment_id": "pfd1"})

    assert result.output["success"] is False
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_blank_enrollment_id_reaches_no_endpoint(run_action, okta):
    result = run_action("delete_authenticator_enrollment", {"user": LOGIN, "enrollment_id": "  "})

    assert not result.ok and "enrollment_id" in result.error
    assert not okta.called


def test_a_classic_engine_org_is_told_it_lacks_identity_engine(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id="00u1"))
    okta.delete(ENROLLMENT, status_code=401, json=factories.error("E0000015", "You do not have permission"))

    result = run_action("delete_authenticator_enrollment", {"user": LOGIN, "enrollment_id": "pfd1"})

    assert not result.ok and "does not have Identity Engine" in result.exception["cause"]
