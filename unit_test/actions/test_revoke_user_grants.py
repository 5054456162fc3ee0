"""Revoke User Grants: all grants, one grant, or one client's; a grant Okta no longer has is already revoked."""

import pytest

from unit_test import factories
from unit_test.conftest import API

EMAIL = "jane@example.com"
BY_LOGIN = API + "/users/jane%40example.com"


@pytest.mark.parametrize(
    "extra,path",
    [
        ({}, "/api/v1/users/00u1/grants"),
        ({"grant_id": "oag1"}, "/api/v1/users/00u1/grants/oag1"),
        ({"client_id": "0oa2"}, "/api/v1/users/00u1/clients/0oa2/grants"),
    ],
)
def test_the_named_grants_are_revoked(run_action, okta, extra, path):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete("https://example.okta.com" + path, status_code=204)

    result = run_action("revoke_user_grants", dict(extra, user=EMAIL))

    assert result.ok and result.output == {"success": True, "revoked": True}
    assert [(r.method, r.path) for r in okta.request_history[1:]] == [("DELETE", path.lower())]


def test_a_grant_okta_no_longer_has_is_a_success_not_revoked(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(
        API + "/users/00u1/grants/oag1",
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: oag1 (OAuth2ScopeConsentGrant)"),
    )

    result = run_action("revoke_user_grants", {"user": EMAIL, "grant_id": "oag1"})

    assert result.ok and result.output["success"] and result.output["revoked"] is False
    assert "no active grant oag1" in result.output["message"]


def test_an_unknown_client_is_success_false(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(
        API + "/users/00u1/clients/0oa9/grants",
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: 0oa9 (App)"),
    )

    result = run_action("revoke_user_grants", {"user": EMAIL, "client_id": "0oa9"})

    assert result.output == {"success": False, "message": "Okta has no OAuth client 0oa9; no grant was revoked."}


def test_a_grant_and_a_client_together_reach_no_endpoint(run_action, okta):
    result = run_action("revoke_user_grants", {"user": EMAIL, "grant_id": "oag1", "client_id": "0oa2"})

    assert not result.ok and "grant_id" in result.exception["cause"] and "client_id" in result.exception["cause"]
    assert not okta.called


def test_an_unknown_user_revokes_nothing(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("revoke_user_grants", {"user": EMAIL})

    assert result.output == {
        "success": False,
        "message": "No Okta user matches jane@example.com; no grant was revoked.",
    }
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_refusal_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(
        API + "/users/00u1/grants",
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("revoke_user_grants", {"user": EMAIL})

    assert not result.ok and "E0000006" in result.exception["cause"]
