"""Set User Risk: PUT /users/{id}/risk {riskLevel, riskReason?}; the reason is checked before any request."""

import pytest

from unit_test import factories
from unit_test.conftest import API

EMAIL = "jane@example.com"
BY_LOGIN = API + "/users/jane%40example.com"
RISK = API + "/users/00u1/risk"


@pytest.mark.parametrize(
    "params,body",
    [
        (
            {"risk_level": "HIGH", "reason": " Confirmed takeover, case 4711. "},
            {"riskLevel": "HIGH", "riskReason": "Confirmed takeover, case 4711."},
        ),
        ({"risk_level": "LOW"}, {"riskLevel": "LOW"}),
    ],
)
def test_the_level_is_put_with_the_reason_only_when_given(run_action, okta, params, body):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.put(RISK, status_code=201, json={"riskLevel": body["riskLevel"], "reason": body.get("riskReason", "Admin")})

    result = run_action("set_user_risk", dict(params, user=EMAIL))

    assert result.ok and result.output["success"] and result.output["risk_level"] == body["riskLevel"]
    assert okta.request_history[-1].method == "PUT" and okta.request_history[-1].json() == body


@pytest.mark.parametrize("reason,problem", [("x" * 501, "501 characters long"), ("drop <table>", "characters Okta")])
def test_a_reason_okta_would_refuse_reaches_no_endpoint(run_action, okta, reason, problem):
    result = run_action("set_user_risk", {"user": EMAIL, "risk_level": "HIGH", "reason": reason})

    assert not result.ok and "Reason (reason)" in result.exception["cause"] and problem in result.exception["cause"]
    assert not okta.called


def test_a_level_outside_high_and_low_reaches_no_endpoint(run_action, okta):
    result = run_action("set_user_risk", {"user": EMAIL, "risk_level": "NONE"})

    assert not result.ok and "risk_level" in result.error
    assert not okta.called


def test_an_unknown_user_is_success_false_and_nothing_is_set(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("set_user_risk", {"user": EMAIL, "risk_level": "HIGH"})

    assert result.output == {
        "success": False,
        "message": "No Okta user matches jane@example.com; no risk level was set.",
    }
    assert all(r.method == "GET" for r in okta.request_history)


def test_an_org_without_itp_is_told_it_lacks_identity_threat_protection(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.put(
        RISK,
        status_code=401,
        json=factories.error("E0000015", "You do not have permission to access the feature you are requesting"),
    )

    result = run_action("set_user_risk", {"user": EMAIL, "risk_level": "HIGH"})

    assert not result.ok and "does not have Identity Threat Protection" in result.exception["cause"]
