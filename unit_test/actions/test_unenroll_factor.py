"""Unenroll Factor: DELETE /users/{id}/factors/{fid}?removeRecoveryEnrollment=…; success false for a missing factor."""

from urllib.parse import parse_qsl, urlsplit

from unit_test import factories
from unit_test.conftest import API

USER_ID = "00u1abcdefghijklmnop"
USER = API + "/users/" + USER_ID
FACTOR = USER + "/factors/smsabc123"


def sent(okta):
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def test_the_factor_is_deleted_keeping_the_recovery_enrollment_by_default(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.delete(FACTOR, status_code=204)

    result = run_action("unenroll_factor", {"user": USER_ID, "factor_id": "smsabc123"})

    assert result.ok and result.output == {"success": True}
    assert sent(okta)[1] == (
        "DELETE",
        "/api/v1/users/%s/factors/smsabc123" % USER_ID,
        {"removeRecoveryEnrollment": "false"},
    )


def test_remove_recovery_enrollment_is_sent_when_asked(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.delete(FACTOR, status_code=204)

    run_action("unenroll_factor", {"user": USER_ID, "factor_id": "smsabc123", "remove_recovery_enrollment": True})

    assert sent(okta)[1][2] == {"removeRecoveryEnrollment": "true"}


def test_a_factor_already_unenrolled_gives_success_false_and_a_message(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.delete(FACTOR, status_code=404, json=factories.error(summary="Not found: Resource not found: smsabc123"))

    result = run_action("unenroll_factor", {"user": USER_ID, "factor_id": "smsabc123"})

    assert result.ok and result.output["success"] is False and "smsabc123" in result.output["message"]


def test_an_unknown_user_gives_success_false_without_a_delete(run_action, okta):
    okta.get(USER, status_code=404, json=factories.error())

    result = run_action("unenroll_factor", {"user": USER_ID, "factor_id": "smsabc123"})

    assert result.output["success"] is False and USER_ID in result.output["message"]
    assert len(okta.request_history) == 1


def test_an_okta_refusal_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(USER, json=factories.user(user_id=USER_ID))
    okta.delete(FACTOR, status_code=403, json=factories.error("E0000038", "This operation is not allowed"))

    result = run_action("unenroll_factor", {"user": USER_ID, "factor_id": "smsabc123"})

    assert not result.ok and "E0000038" in result.exception["cause"]


def test_a_blank_factor_id_is_refused_before_any_request(run_action, okta):
    result = run_action("unenroll_factor", {"user": USER_ID, "factor_id": "  "})

    assert not result.ok and "factor_id" in result.error
    assert okta.request_history == []
