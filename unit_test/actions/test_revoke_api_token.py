"""Revoke API Token: by ID or name; never the connection's own token (/api-tokens/current) unless allow_self."""

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from unit_test import factories
from unit_test.conftest import API, BASE

TOKENS = API + "/api-tokens"
CURRENT = TOKENS + "/current"
ROGUE = {"id": "00Trogue1", "name": "Backup sync", "userId": "00u1", "network": {"connection": "ANYWHERE"}}
OWN = {"id": "00Town1", "name": "SOAR connector", "userId": "00u2", "network": {"connection": "ANYWHERE"}}


def requests_made(okta):
    return [(r.method, r.path) for r in okta.request_history]


def test_a_token_given_by_id_is_revoked_after_checking_it_is_not_the_connections(run_action, okta):
    okta.get(CURRENT, json=OWN)
    okta.delete(TOKENS + "/00Trogue1", status_code=204)

    result = run_action("revoke_api_token", {"token": "00Trogue1"})

    assert result.ok and result.output == {"success": True, "revoked": True, "token_id": "00Trogue1"}
    assert requests_made(okta) == [("GET", "/api/v1/api-tokens/current"), ("DELETE", "/api/v1/api-tokens/00trogue1")]


def test_a_token_given_by_name_is_found_in_the_list(run_action, okta):
    okta.get(TOKENS, json=[OWN, ROGUE])
    okta.get(CURRENT, json=OWN)
    okta.delete(TOKENS + "/00Trogue1", status_code=204)

    result = run_action("revoke_api_token", {"token": "Backup sync"})

    assert result.output["revoked"] and result.output["token_id"] == "00Trogue1"
    assert requests_made(okta)[-1] == ("DELETE", "/api/v1/api-tokens/00trogue1")


@pytest.mark.parametrize("ref", ["00Town1", "SOAR connector"])
def test_the_connections_own_token_is_refused_without_a_delete(run_action, okta, ref):
    okta.get(TOKENS, json=[OWN, ROGUE])
    okta.get(CURRENT, json=OWN)

    result = run_action("revoke_api_token", {"token": ref})

    assert not result.ok and "the token this connection uses" in result.exception["cause"]
    assert "allow_self" in result.exception["assistance"]
    assert all(method == "GET" for method, _ in requests_made(okta))


def test_allow_self_revokes_the_own_token_without_asking_which_it_is(run_action, okta):
    okta.delete(TOKENS + "/00Town1", status_code=204)

    result = run_action("revoke_api_token", {"token": "00Town1", "allow_self": True})

    assert result.output["revoked"]
    assert requests_made(okta) == [("DELETE", "/api/v1/api-tokens/00town1")]


def test_an_org_that_does_not_say_which_token_is_current_gets_a_warning_and_the_revocation(run_action, okta):
    okta.get(CURRENT, status_code=404, json=factories.error())
    okta.delete(TOKENS + "/00Trogue1", status_code=204)

    result = run_action("revoke_api_token", {"token": "00Trogue1"})

    assert result.output["revoked"]
    assert "cannot be checked" in result.body["log"]


def test_a_token_okta_no_longer_has_is_a_success_not_revoked(run_action, okta):
    okta.get(CURRENT, json=OWN)
    okta.delete(
        TOKENS + "/00Tgone1",
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: 00Tgone1 (ApiToken)"),
    )

    result = run_action("revoke_api_token", {"token": "00Tgone1"})

    assert result.ok and result.output["success"] and result.output["revoked"] is False
    assert "already revoked" in result.output["message"]


def test_a_name_no_token_has_is_success_false_without_a_delete(run_action, okta):
    okta.get(TOKENS, json=[OWN])

    result = run_action("revoke_api_token", {"token": "Backup sync"})

    assert result.output == {
        "success": False,
        "message": "No active Okta API token has the ID or name Backup sync (a revoked token is gone from Okta).",
    }
    assert requests_made(okta) == [("GET", "/api/v1/api-tokens")]


def test_an_oauth_connection_has_no_own_token_to_look_up(run_action, okta):
    key = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        .decode()
    )
    connection = {
        "okta_url": "example.okta.com",
        "okta_key": {"secretKey": ""},
        "client_id": "0oa1",
        "private_key": {"secretKey": key},
        "scopes": ["okta.apiTokens.manage"],
    }
    okta.post(
        BASE + "/oauth2/v1/token",
        json={"token_type": "Bearer", "expires_in": 3600, "access_token": "at-1", "scope": "okta.apiTokens.manage"},
    )
    okta.delete(TOKENS + "/00Trogue1", status_code=204)

    result = run_action("revoke_api_token", {"token": "00Trogue1"}, connection=connection)

    assert result.ok and result.output["revoked"]
    assert requests_made(okta) == [("POST", "/oauth2/v1/token"), ("DELETE", "/api/v1/api-tokens/00trogue1")]
