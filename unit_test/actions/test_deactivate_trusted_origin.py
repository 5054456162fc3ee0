"""Deactivate Trusted Origin: resolve by ID (GET), or by exact name or origin URL (Okta's `q`, then an
exact match), POST the deactivation; an INACTIVE origin is success without a request."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, origin

ORIGINS = API + "/trustedOrigins"
OID = "tosdemoRogueOrig01d7"
URL = ORIGINS + "/" + OID
PHISH = "https://okta-sso-login.example.net"


def rogue(status="ACTIVE"):
    return origin("SSO helper", PHISH, OID, status)


def test_an_id_is_fetched_then_deactivated(run_action, okta):
    okta.get(URL, json=rogue())
    okta.post(URL + "/lifecycle/deactivate", json=rogue("INACTIVE"))
    result = run_action("deactivate_trusted_origin", {"trusted_origin": OID})
    assert result.ok and result.output["success"] and result.output["trusted_origin"]["status"] == "INACTIVE"
    assert calls(okta) == [("GET", URL), ("POST", URL + "/lifecycle/deactivate")]


@pytest.mark.parametrize("ref", ["SSO helper", PHISH, "HTTPS://Okta-SSO-Login.example.net/", "sso HELPER"])
def test_a_name_or_origin_url_is_matched_among_okta_q_results(run_action, okta, ref):
    okta.get(ORIGINS, json=[origin("SSO helper 2", PHISH + ":8443"), rogue()])
    okta.post(URL + "/lifecycle/deactivate", json=rogue("INACTIVE"))
    result = run_action("deactivate_trusted_origin", {"trusted_origin": ref})
    assert result.ok and result.output["trusted_origin"]["id"] == OID
    assert okta.request_history[0].qs["q"] == [ref.strip().rstrip("/").lower()]


def test_an_inactive_origin_is_success_without_a_request(run_action, okta):
    okta.get(URL, json=rogue("INACTIVE"))
    result = run_action("deactivate_trusted_origin", {"trusted_origin": OID})
    assert result.ok and result.output["success"] and calls(okta) == [("GET", URL)]
    assert "already INACTIVE" in result.stderr


@pytest.mark.parametrize(
    "origins, words",
    [
        ([], "No Okta trusted origin has the ID, name or origin SSO helper"),
        (
            [origin("SSO helper", "https://a.example.net"), origin("SSO helper", "https://b.example.net")],
            "2 Okta trusted origins are named SSO helper",
        ),
    ],
)
def test_a_miss_or_a_shared_name_is_success_false(run_action, okta, origins, words):
    okta.get(ORIGINS, json=origins)
    result = run_action("deactivate_trusted_origin", {"trusted_origin": "SSO helper"})
    assert result.ok and result.output["success"] is False and words in result.output["message"]
    assert all(method == "GET" for method, _ in calls(okta))


def test_okta_refusing_is_an_explained_error(run_action, okta):
    okta.get(URL, json=rogue())
    okta.post(URL + "/lifecycle/deactivate", status_code=403, json=factories.error("E0000006", "Access denied"))
    result = run_action("deactivate_trusted_origin", {"trusted_origin": OID})
    assert not result.ok and "E0000006" in result.error


def test_a_blank_origin_reaches_no_endpoint(run_action, okta):
    assert not run_action("deactivate_trusted_origin", {"trusted_origin": " "}).ok and not okta.request_history
