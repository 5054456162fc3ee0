"""Revoke Session: DELETE /sessions/{id}; a session Okta no longer has is already over."""

import pytest

from unit_test import factories
from unit_test.conftest import API


@pytest.mark.parametrize(
    "status,output",
    [
        (204, {"success": True, "revoked": True}),
        (
            404,
            {
                "success": True,
                "revoked": False,
                "message": "Okta has no active session 102abc (already revoked, "
                "expired, or never existed); nothing to revoke.",
            },
        ),
    ],
)
def test_revoking_succeeds_whether_or_not_the_session_was_still_live(run_action, okta, status, output):
    okta.delete(API + "/sessions/102abc", status_code=status, json=factories.error() if status == 404 else None)

    result = run_action("revoke_session", {"session_id": "102abc"})

    assert result.ok and result.output == output
    assert [(r.method, r.path) for r in okta.request_history] == [("DELETE", "/api/v1/sessions/102abc")]


def test_a_refusal_is_an_error_with_oktas_summary(run_action, okta):
    okta.delete(
        API + "/sessions/102abc",
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("revoke_session", {"session_id": "102abc"})

    assert not result.ok and "E0000006" in result.exception["cause"]
