"""Get Session: GET /sessions/{id}; an ended or unknown session is found false."""

from unit_test import factories
from unit_test.conftest import API

SESSION = {
    "id": "102abc",
    "userId": "00u1",
    "login": "jane@example.com",
    "status": "ACTIVE",
    "createdAt": "2025-01-01T00:00:00.000Z",
    "expiresAt": "2025-01-01T02:00:00.000Z",
    "amr": ["pwd"],
    "idp": {"id": "00o1", "type": "OKTA"},
    "_links": {},
}


def test_the_session_is_returned(run_action, okta):
    okta.get(API + "/sessions/102abc", json=SESSION)

    result = run_action("get_session", {"session_id": " 102abc "})

    assert result.ok and result.output["found"] and result.output["session"]["userId"] == "00u1"
    assert result.output["session"]["amr"] == ["pwd"]


def test_an_ended_session_is_found_false_with_a_message(run_action, okta):
    okta.get(
        API + "/sessions/102gone",
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: 102gone (Session)"),
    )

    result = run_action("get_session", {"session_id": "102gone"})

    assert result.ok and result.output == {
        "found": False,
        "message": "Okta has no active session 102gone: it has ended (expired or revoked) or never existed.",
    }


def test_a_blank_session_id_reaches_no_endpoint(run_action, okta):
    result = run_action("get_session", {"session_id": " "})

    assert not result.ok and "session_id" in result.exception["cause"]
    assert not okta.called
