"""Delete Trusted Origin: resolve, DELETE (any status); an origin gone meanwhile counts as deleted."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls, origin

ORIGINS = API + "/trustedOrigins"
OID = "tosdemoRogueOrig01d7"
URL = ORIGINS + "/" + OID


def test_an_active_origin_named_by_name_is_deleted(run_action, okta):
    okta.get(ORIGINS, json=[origin("SSO helper", "https://okta-sso-login.example.net", OID)])
    okta.delete(URL, status_code=204)
    result = run_action("delete_trusted_origin", {"trusted_origin": "SSO helper"})
    assert result.ok and result.output["success"] and result.output["trusted_origin"]["id"] == OID
    assert calls(okta) == [("GET", ORIGINS + "?q=SSO+helper&limit=200"), ("DELETE", URL)]


def test_an_origin_gone_meanwhile_counts_as_deleted(run_action, okta):
    okta.get(URL, json=origin("SSO helper", origin_id=OID))
    okta.delete(URL, status_code=404, json=factories.error())
    result = run_action("delete_trusted_origin", {"trusted_origin": OID})
    assert result.ok and result.output["success"] and "Already gone" in result.stderr


def test_no_such_origin_is_success_false(run_action, okta):
    okta.get(ORIGINS, json=[])
    result = run_action("delete_trusted_origin", {"trusted_origin": "https://nowhere.example.net"})
    assert result.ok and result.output["success"] is False and "nowhere" in result.output["message"]


def test_okta_refusing_is_an_explained_error(run_action, okta):
    okta.get(URL, json=origin("SSO helper", origin_id=OID))
    okta.delete(URL, status_code=403, json=factories.error("E0000006", "Access denied"))
    result = run_action("delete_trusted_origin", {"trusted_origin": OID})
    assert not result.ok and "E0000006" in result.error


def test_a_blank_origin_reaches_no_endpoint(run_action, okta):
    assert not run_action("delete_trusted_origin", {"trusted_origin": ""}).ok and not okta.request_history
