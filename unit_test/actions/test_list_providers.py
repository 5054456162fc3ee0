"""List Identity Providers: q/type passed through, every page up to the limit, client secrets never output."""

import json

from unit_test import factories
from unit_test.conftest import API

IDPS = API + "/idps"
SECRET = "canary-idp-secret-4e7a"


def oidc_idp(idp_id="0oaO", name="Partner OIDC"):
    """Shaped like a recorded GET /idps item of an OIDC IdP, client secret included."""
    return {
        "id": idp_id,
        "issuerMode": "ORG_URL",
        "name": name,
        "status": "ACTIVE",
        "created": "2026-03-09T10:20:12.000Z",
        "lastUpdated": "2026-03-09T10:20:26.000Z",
        "protocol": {
            "type": "OIDC",
            "endpoints": {"token": {"url": "https://idp.example.com/token", "binding": "HTTP-POST"}},
            "scopes": ["openid"],
            "issuer": {"url": "https://id.example.com"},
            "credentials": {"client": {"client_id": "efg456", "client_secret": SECRET}},
        },
        "policy": {"provisioning": {"action": "AUTO"}, "maxClockSkew": 0},
        "type": "OIDC",
        "_links": {"clientRedirectUri": {"href": "https://example.okta.com/oauth2/v1/authorize/callback"}},
    }


def saml_idp(idp_id="0oaS", name="Partner SAML"):
    return {
        "id": idp_id,
        "name": name,
        "status": "ACTIVE",
        "type": "SAML2",
        "issuerMode": "ORG_URL",
        "created": "2025-06-16T15:28:52.000Z",
        "lastUpdated": "2025-06-16T15:28:52.000Z",
        "protocol": {
            "type": "SAML2",
            "credentials": {"trust": {"issuer": "https://idp.example.com", "kid": "22f53eb4"}},
        },
        "policy": {"provisioning": {"action": "AUTO"}},
        "_links": {},
    }


def queries(okta):
    return [r.qs for r in okta.request_history]


def test_all_providers_are_listed_in_pages_of_200_and_counted(run_action, okta):
    okta.get(
        IDPS,
        [
            {"json": [saml_idp("0oa1")], "headers": factories.next_link(IDPS + "?after=0oa1&limit=200")},
            {"json": [saml_idp("0oa2")]},
        ],
    )

    result = run_action("list_providers", {})

    assert result.ok, result.error
    assert [p["id"] for p in result.output["providers"]] == ["0oa1", "0oa2"]
    assert result.output["count"] == 2
    assert queries(okta) == [{"limit": ["200"]}, {"after": ["0oa1"], "limit": ["200"]}]


def test_query_and_type_are_sent_to_okta(run_action, okta):
    okta.get(IDPS, json=[saml_idp()])

    result = run_action("list_providers", {"query": "Partner", "type": "saml2"})

    assert result.output == {"providers": [saml_idp()], "count": 1}
    assert queries(okta) == [{"q": ["partner"], "type": ["saml2"], "limit": ["200"]}]  # requests_mock lowercases qs
    assert okta.request_history[0].url == IDPS + "?q=Partner&type=SAML2&limit=200"


def test_a_limit_smaller_than_a_page_asks_okta_for_exactly_that_many_in_one_request(run_action, okta):
    okta.get(IDPS, json=[saml_idp("0oa1"), saml_idp("0oa2")], headers=factories.next_link(IDPS + "?after=0oa2&limit=2"))

    result = run_action("list_providers", {"limit": 2})

    assert result.output["count"] == 2
    assert okta.call_count == 1
    assert okta.request_history[0].url == IDPS + "?limit=2"


def test_a_limit_spanning_pages_stops_at_the_limit_asking_only_for_what_is_left(run_action, okta):
    okta.get(
        IDPS,
        [
            {
                "json": [saml_idp("0oa%d" % i) for i in range(200)],
                "headers": factories.next_link(IDPS + "?after=0oa199&limit=200"),
            },
            {"json": [saml_idp("0oaX")]},
        ],
    )

    result = run_action("list_providers", {"limit": 201})

    assert result.output["count"] == 201
    assert okta.request_history[1].url == IDPS + "?after=0oa199&limit=1"


def test_client_secrets_are_removed_and_the_rest_of_the_protocol_kept(run_action, okta):
    okta.get(IDPS, json=[oidc_idp()])

    result = run_action("list_providers", {})

    provider = result.output["providers"][0]
    assert provider["protocol"]["credentials"] == {"client": {"client_id": "efg456"}}
    assert provider["protocol"]["endpoints"] == oidc_idp()["protocol"]["endpoints"]
    assert SECRET not in json.dumps(result.envelope) and SECRET not in result.stderr


def test_secret_like_keys_anywhere_in_the_credentials_are_removed(run_action, okta):
    idp = oidc_idp()
    idp["protocol"]["credentials"]["signing"] = {"kid": "k1", "privateKey": SECRET, "sharedSecret": SECRET}
    idp["protocol"]["credentials"]["client"]["clientSecret"] = SECRET
    okta.get(IDPS, json=[idp])

    provider = run_action("list_providers", {}).output["providers"][0]

    assert provider["protocol"]["credentials"] == {"client": {"client_id": "efg456"}, "signing": {"kid": "k1"}}


def test_fields_the_identity_provider_type_does_not_declare_are_left_out(run_action, okta):
    okta.get(IDPS, json=[dict(saml_idp(), _embedded={"x": 1}, description=None)])

    assert run_action("list_providers", {}).output["providers"] == [saml_idp()]


def test_no_match_is_an_empty_list_and_a_count_of_zero(run_action, okta):
    okta.get(IDPS, json=[])

    assert run_action("list_providers", {"query": "Nobody"}).output == {"providers": [], "count": 0}


def test_a_limit_below_one_is_refused_naming_it_before_any_request(run_action, okta):
    result = run_action("list_providers", {"limit": 0})

    assert not result.ok
    assert "'limit' must be 1 or more" in result.exception["cause"]
    assert okta.call_count == 0


def test_an_okta_error_is_explained(run_action, okta):
    okta.get(IDPS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("list_providers", {})

    assert not result.ok
    assert "403 E0000006" in result.exception["cause"]
