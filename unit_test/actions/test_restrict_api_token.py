"""Restrict API Token: PUT /api-tokens/{id} with the whole token and a ZONE network condition."""

import pytest

from unit_test import factories
from unit_test.conftest import API

TOKENS = API + "/api-tokens"
SIEM = {
    "id": "00Tsiem1",
    "name": "SIEM log export",
    "userId": "00u2",
    "clientName": "Okta API",
    "created": "2025-01-01T00:00:00.000Z",
    "network": {"connection": "ANYWHERE"},
}
ZONES = [
    {"id": "nzoCorp1", "name": "Corporate Network"},
    {"id": "nzoTor1", "name": "Tor Exit Nodes"},
    {"id": "nzoDup1", "name": "Branch"},
    {"id": "nzoDup2", "name": "Branch"},
]


def answer(request, context):
    return dict(SIEM, **request.json())


def test_zones_given_by_name_pin_the_token_with_its_name_and_owner_kept(run_action, okta):
    okta.get(TOKENS + "/00Tsiem1", json=SIEM)
    okta.get(API + "/zones", json=ZONES)
    okta.put(TOKENS + "/00Tsiem1", json=answer)

    result = run_action(
        "restrict_api_token",
        {"token": "00Tsiem1", "include_zones": ["Corporate Network"], "exclude_zones": ["Tor Exit Nodes"]},
    )

    assert result.ok and result.output["success"]
    assert okta.request_history[-1].json() == {
        "name": "SIEM log export",
        "userId": "00u2",
        "network": {"connection": "ZONE", "include": ["nzoCorp1"], "exclude": ["nzoTor1"]},
    }
    assert result.output["token"]["network"]["include"] == ["nzoCorp1"]


def test_zone_ids_and_all_ip_zones_need_no_zone_lookup(run_action, okta):
    okta.get(TOKENS, json=[SIEM])
    okta.put(TOKENS + "/00Tsiem1", json=answer)

    result = run_action(
        "restrict_api_token",
        {"token": "SIEM log export", "include_zones": ["ALL_IP_ZONES"], "exclude_zones": ["nzoTor1"]},
    )

    assert result.output["success"]
    assert [r.path for r in okta.request_history] == ["/api/v1/api-tokens", "/api/v1/api-tokens/00tsiem1"]
    assert okta.request_history[-1].json()["network"] == {
        "connection": "ZONE",
        "include": ["ALL_IP_ZONES"],
        "exclude": ["nzoTor1"],
    }


@pytest.mark.parametrize(
    "zone,problem",
    [
        ("Head Office", "no network zone is named Head Office"),
        ("Branch", "2 network zones are named Branch (nzoDup1, nzoDup2)"),
    ],
)
def test_a_zone_name_that_names_no_one_zone_changes_nothing(run_action, okta, zone, problem):
    okta.get(TOKENS + "/00Tsiem1", json=SIEM)
    okta.get(API + "/zones", json=ZONES)

    result = run_action("restrict_api_token", {"token": "00Tsiem1", "include_zones": [zone]})

    assert result.output == {"success": False, "message": "The API token was not changed: %s." % problem}
    assert all(r.method == "GET" for r in okta.request_history)


def test_no_zone_at_all_reaches_no_endpoint(run_action, okta):
    result = run_action("restrict_api_token", {"token": "00Tsiem1", "include_zones": [" "], "exclude_zones": []})

    assert not result.ok and "include_zones" in result.exception["cause"]
    assert not okta.called


def test_an_unknown_token_is_success_false(run_action, okta):
    okta.get(TOKENS + "/00Tgone1", status_code=404, json=factories.error())
    okta.get(TOKENS, json=[SIEM])

    result = run_action("restrict_api_token", {"token": "00Tgone1", "include_zones": ["nzoCorp1"]})

    assert result.output["success"] is False and "00Tgone1" in result.output["message"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_oktas_refusal_of_the_condition_is_an_error_naming_it(run_action, okta):
    okta.get(TOKENS + "/00Tsiem1", json=SIEM)
    okta.put(
        TOKENS + "/00Tsiem1",
        status_code=400,
        json=factories.error("E0000001", "Api validation failed: network", ["network: Invalid zone"]),
    )

    result = run_action("restrict_api_token", {"token": "00Tsiem1", "include_zones": ["nzoNope1"]})

    assert not result.ok and "E0000001" in result.exception["cause"] and "Invalid zone" in result.exception["cause"]
