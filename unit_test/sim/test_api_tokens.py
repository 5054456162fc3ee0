"""API tokens: metadata, the caller's own token (``current``), revocation that really stops a
token, and the network condition (PUT)."""

import pytest
import requests

from oktasim.testing import running_sim

from .conftest import Api
from .oauth_client import bearer


def err(r):
    return r.status_code, r.json()["errorCode"]


def ids(api):
    return {t["id"] for t in api.get("/api/v1/api-tokens").json()}


def test_the_list_holds_the_accepted_token_and_the_orgs_own(api, demo):
    assert ids(api) == {demo.SOAR_API_TOKEN_ID, demo.SIEM_API_TOKEN_ID, demo.ROGUE_API_TOKEN_ID}


def test_a_token_names_its_owner_client_expiry_and_network(api, demo):
    t = api.get(f"/api/v1/api-tokens/{demo.ROGUE_API_TOKEN_ID}").json()
    assert (t["name"], t["userId"], t["clientName"]) == (demo.ROGUE_API_TOKEN_NAME, demo.JANE_ID, "Okta API")
    assert t["network"] == {"connection": "ANYWHERE"} and t["created"] < t["expiresAt"]
    assert t["_links"]["user"]["href"].endswith(f"/api/v1/users/{demo.JANE_ID}")


def test_current_is_the_token_of_the_request(api, demo):
    assert api.get("/api/v1/api-tokens/current").json()["id"] == demo.SOAR_API_TOKEN_ID


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_an_unknown_token_is_404_E0000007(api, method):
    assert err(getattr(api, method)("/api/v1/api-tokens/00Tnope", json={"name": "x"})) == (404, "E0000007")


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_an_oauth_request_has_no_current_token(sim, method):
    headers = bearer(sim, ["okta.apiTokens.read", "okta.apiTokens.manage"])
    r = requests.request(method, sim.url + "/api/v1/api-tokens/current", headers=headers, timeout=10)
    assert err(r) == (403, "E0000006")


def test_revoking_a_token_removes_it_and_logs_the_revocation(api, sim, demo):
    assert api.delete(f"/api/v1/api-tokens/{demo.SIEM_API_TOKEN_ID}").status_code == 204
    assert demo.SIEM_API_TOKEN_ID not in ids(api)
    assert sim.store.logs[-1]["eventType"] == "system.api_token.revoke"


def test_a_revoked_token_no_longer_authenticates_and_the_others_still_do():
    with running_sim(org="demo", tokens=("first-token", "second-token")) as sim:
        first, second = Api(sim), Api(sim)
        second.s.headers["Authorization"] = "SSWS second-token"
        second_id = second.get("/api/v1/api-tokens/current").json()["id"]
        assert first.delete(f"/api/v1/api-tokens/{second_id}").status_code == 204
        assert err(second.get("/api/v1/users/me")) == (401, "E0000011")
        assert first.get("/api/v1/users/me").status_code == 200


def test_revoking_current_revokes_the_callers_own_token(api):
    assert api.delete("/api/v1/api-tokens/current").status_code == 204
    assert err(api.get("/api/v1/api-tokens")) == (401, "E0000011")


def test_a_reset_brings_a_revoked_accepted_token_back(api, sim):
    api.delete("/api/v1/api-tokens/current")
    sim.control("POST", "/reset")
    assert api.get("/api/v1/api-tokens/current").status_code == 200


def test_loading_another_org_keeps_the_accepted_token_working(api, sim, demo):
    sim.control("POST", "/org", json={"org": "empty"})
    assert ids(api) == {demo.SOAR_API_TOKEN_ID}


def test_replacing_the_accepted_tokens_lists_the_new_ones_only(api, sim):
    sim.control("POST", "/tokens", json={"tokens": ["t-one", "t-two"]})
    api.s.headers["Authorization"] = "SSWS t-two"
    names = {t["name"] for t in api.get("/api/v1/api-tokens").json()}
    assert {"SOAR connector", "oktasim token 2"} <= names and len(names) == 4


def test_a_zone_network_condition_is_stored_and_logged(api, sim, demo):
    body = {"name": "Backup sync", "network": {"connection": "ZONE", "include": [demo.BLOCKLIST_ZONE_ID]}}
    r = api.put(f"/api/v1/api-tokens/{demo.ROGUE_API_TOKEN_ID}", json=body)
    assert r.status_code == 200 and r.json()["network"] == body["network"]
    assert api.get(f"/api/v1/api-tokens/{demo.ROGUE_API_TOKEN_ID}").json()["network"] == body["network"]
    assert sim.store.logs[-1]["eventType"] == "system.api_token.update"


def test_a_put_renames_and_keeps_the_network_it_does_not_name(api, demo):
    r = api.put(f"/api/v1/api-tokens/{demo.SIEM_API_TOKEN_ID}", json={"name": "SIEM export (2026)"})
    assert (r.json()["name"], r.json()["network"]) == ("SIEM export (2026)", {"connection": "ANYWHERE"})


@pytest.mark.parametrize(
    "body",
    [
        {"network": {"connection": "SOMEWHERE"}},
        {"network": {"connection": "ZONE"}},
        {"network": {"connection": "ZONE", "include": ["nzoNoSuchZone"]}},
        {"network": {"connection": "ANYWHERE", "include": ["ALL_IP_ZONES"]}},
        {"network": "ANYWHERE"},
        {"name": ""},
        {"userId": "00uSomeoneElse"},
    ],
)
def test_a_bad_update_is_400_E0000001_and_changes_nothing(api, demo, body):
    url = f"/api/v1/api-tokens/{demo.ROGUE_API_TOKEN_ID}"
    before = api.get(url).json()
    assert err(api.put(url, json=body)) == (400, "E0000001")
    assert api.get(url).json()["network"] == before["network"] and api.get(url).json()["name"] == before["name"]


def test_all_ip_zones_may_be_included(api, demo):
    body = {"network": {"connection": "ZONE", "include": ["ALL_IP_ZONES"], "exclude": [demo.BLOCKLIST_ZONE_ID]}}
    assert api.put(f"/api/v1/api-tokens/{demo.ROGUE_API_TOKEN_ID}", json=body).json()["network"] == body["network"]
