"""Get User Risk: GET /users/{id}/risk, flattened to risk_level and reason."""

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from unit_test import factories
from unit_test.conftest import API

EMAIL = "jane@example.com"
BY_LOGIN = API + "/users/jane%40example.com"
RISK = API + "/users/00u1/risk"


def test_the_level_and_reason_are_returned(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(RISK, json={"riskLevel": "MEDIUM", "reason": "Anomalous sign-in", "_links": {}})

    result = run_action("get_user_risk", {"user": EMAIL})

    assert result.ok and result.output == {
        "found": True,
        "user_id": "00u1",
        "risk_level": "MEDIUM",
        "reason": "Anomalous sign-in",
    }


def test_a_user_never_rated_is_none_without_a_reason(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(RISK, json={"riskLevel": "NONE", "_links": {}})

    result = run_action("get_user_risk", {"user": EMAIL})

    assert result.output["risk_level"] == "NONE" and result.output.get("reason") is None


def test_an_unknown_user_is_found_false(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("get_user_risk", {"user": EMAIL})

    assert result.output == {"found": False, "message": "No Okta user matches jane@example.com."}
    assert not any(r.path.endswith("/risk") for r in okta.request_history)


@pytest.mark.parametrize("status", [401, 403])
def test_an_org_without_itp_is_told_it_lacks_identity_threat_protection(run_action, okta, status):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(
        RISK,
        status_code=status,
        json=factories.error("E0000015", "You do not have permission to access the feature you are requesting"),
    )

    result = run_action("get_user_risk", {"user": EMAIL})

    assert not result.ok and "does not have Identity Threat Protection" in result.exception["cause"]


def test_another_refusal_keeps_oktas_own_explanation(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(
        RISK,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("get_user_risk", {"user": EMAIL})

    assert not result.ok and "E0000006" in result.exception["cause"]
    assert "Identity Threat Protection" not in result.exception["cause"]


def test_over_oauth_the_refusal_still_says_the_org_lacks_identity_threat_protection(run_action, okta):
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
        "scopes": ["okta.users.read", "okta.userRisk.read"],
    }
    okta.post(
        "https://example.okta.com/oauth2/v1/token",
        json={"token_type": "Bearer", "expires_in": 3600, "access_token": "at-1"},
    )
    okta.get(API + "/users/00u1", json=factories.user(EMAIL, user_id="00u1"))
    okta.get(
        RISK,
        status_code=401,
        json=factories.error("E0000015", "You do not have permission to access the feature you are requesting"),
    )

    result = run_action("get_user_risk", {"user": "00u1"}, connection=connection)

    assert not result.ok and "does not have Identity Threat Protection" in result.exception["cause"]
