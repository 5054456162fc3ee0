"""Universal Logout: POST /oauth2/v1/global-token-revocation with the user's id as an opaque sub_id."""

from unit_test import factories
from unit_test.conftest import API, BASE

EMAIL = "jane@example.com"
BY_LOGIN = API + "/users/jane%40example.com"
LOGOUT = BASE + "/oauth2/v1/global-token-revocation"
NO_ITP = factories.error("E0000015", "You do not have permission to access the feature you are requesting")


def test_the_user_is_signed_out_by_id_in_the_opaque_format(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(LOGOUT, status_code=204)

    result = run_action("universal_logout", {"user": EMAIL})

    assert result.ok and result.output == {"success": True, "user_id": "00u1"}
    logout = okta.request_history[-1]
    assert (logout.method, logout.path) == ("POST", "/oauth2/v1/global-token-revocation")
    assert logout.json() == {"sub_id": {"format": "opaque", "id": "00u1"}}


def test_an_unknown_user_is_success_false_and_nobody_is_signed_out(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("universal_logout", {"user": EMAIL})

    assert result.ok and result.output == {
        "success": False,
        "message": "No Okta user matches jane@example.com; nobody was signed out.",
    }
    assert all(r.method == "GET" for r in okta.request_history)


def test_an_org_without_itp_is_told_it_lacks_identity_threat_protection(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(LOGOUT, status_code=403, json=NO_ITP)

    result = run_action("universal_logout", {"user": EMAIL})

    assert not result.ok
    assert "does not have Identity Threat Protection" in result.exception["cause"]
    assert "licence" in result.exception["cause"] and "Okta account team" in result.exception["assistance"]


def test_oktas_oauth_style_refusal_is_worded_with_its_description(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.post(
        LOGOUT, status_code=400, json={"error": "invalid_request", "error_description": "The subject is unknown."}
    )

    result = run_action("universal_logout", {"user": EMAIL})

    assert not result.ok
    assert result.exception["cause"] == "Okta refused Universal Logout for user 00u1 (400): The subject is unknown."


def test_a_blank_user_reaches_no_endpoint(run_action, okta):
    result = run_action("universal_logout", {"user": "   "})

    assert not result.ok and "'user' is required and must not be empty" in result.exception["cause"]
    assert not okta.called
