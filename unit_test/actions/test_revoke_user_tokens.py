"""Revoke User Tokens: one client's refresh tokens, or one token; a token Okta no longer has is already revoked."""

import pytest

from unit_test import factories
from unit_test.conftest import API

EMAIL = "jane@example.com"
BY_LOGIN = API + "/users/jane%40example.com"


@pytest.mark.parametrize(
    "extra,path",
    [
        ({}, "/api/v1/users/00u1/clients/0oa2/tokens"),
        ({"token_id": "oar1"}, "/api/v1/users/00u1/clients/0oa2/tokens/oar1"),
    ],
)
def test_the_clients_tokens_or_the_one_token_are_revoked(run_action, okta, extra, path):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete("https://example.okta.com" + path, status_code=204)

    result = run_action("revoke_user_tokens", dict(extra, user=EMAIL, client_id="0oa2"))

    assert result.ok and result.output == {"success": True, "revoked": True}
    assert [(r.method, r.path) for r in okta.request_history[1:]] == [("DELETE", path.lower())]


def test_a_token_okta_no_longer_has_is_a_success_not_revoked(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(
        API + "/users/00u1/clients/0oa2/tokens/oar1",
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: oar1 (OAuth2RefreshToken)"),
    )

    result = run_action("revoke_user_tokens", {"user": EMAIL, "client_id": "0oa2", "token_id": "oar1"})

    assert result.ok and result.output["success"] and result.output["revoked"] is False
    assert "no active refresh token oar1 for client 0oa2" in result.output["message"]


def test_an_unknown_client_is_success_false(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(
        API + "/users/00u1/clients/0oa9/tokens",
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: 0oa9 (App)"),
    )

    result = run_action("revoke_user_tokens", {"user": EMAIL, "client_id": "0oa9"})

    assert result.output == {"success": False, "message": "Okta has no OAuth client 0oa9; no token was revoked."}


def test_a_blank_client_reaches_no_endpoint(run_action, okta):
    result = run_action("revoke_user_tokens", {"user": EMAIL, "client_id": "  "})

    assert not result.ok and "client_id" in result.exception["cause"]
    assert not okta.called
