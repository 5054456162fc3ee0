"""Identity threat response end to end against the demo org: a phished user's sessions, tokens,
grants and risk, and a rogue API token, dealt with one action at a time.

Each test runs through the CLI and the web-server mode (the `plugin` fixture) on a fresh demo
org and checks the exact requests made (method, path, query, in order, from the simulator's log,
read before any state is) and the effect in the simulator's state. Jane Doe is the phished user;
John Smith's grants, tokens and session must never be touched.
"""

import json
import subprocess
from urllib.parse import parse_qsl

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from oktasim.orgs import demo as org
from unit_test.integration.conftest import BIN, Run

JANE = "/api/v1/users/" + org.JANE_ID
LOGOUT = "/oauth2/v1/global-token-revocation"
TOKENS = "/api/v1/api-tokens"
NO_ITP = {"itp": False}
SERVICE_APP = "0oaItrServiceApp01"


def sent(sim) -> list:
    """(method, path, query as a dict) of every API request the simulator received, in order."""
    return [(r["method"], r["path"], dict(parse_qsl(r["query"]))) for r in sim.requests()]


def state(sim, kind) -> list:
    return sim.control("GET", "/__sim/state/" + kind)


def ids(items, **match) -> set:
    return {item["id"] for item in items if all(item.get(k) == v for k, v in match.items())}


# -- Universal Logout ------------------------------------------------------------------------------
def test_universal_logout_ends_janes_sessions_and_tokens_and_keeps_johns(plugin, sim):
    run = plugin("universal_logout", {"user": org.JANE_ID})
    assert sent(sim) == [("GET", JANE, {}), ("POST", LOGOUT, {})]
    assert run.ok and run.output == {"success": True, "user_id": org.JANE_ID}
    assert ids(state(sim, "sessions")) == {org.JOHN_SESSION_ID}
    assert not ids(state(sim, "refresh_tokens"), userId=org.JANE_ID)
    assert ids(state(sim, "refresh_tokens"), userId=org.JOHN_ID)
    assert org.ROGUE_API_TOKEN_ID not in ids(state(sim, "api_tokens"))


def test_universal_logout_without_itp_says_the_org_lacks_it_and_changes_nothing(plugin, sim):
    sim.control("POST", "/__sim/features", json=NO_ITP)
    run = plugin("universal_logout", {"user": org.JANE_LOGIN})
    assert [method for method, _, _ in sent(sim)] == ["GET", "POST"]
    assert not run.ok and "does not have Identity Threat Protection" in run.body["error"]
    assert org.JANE_ATTACKER_SESSION_ID in ids(state(sim, "sessions"))


# -- risk ------------------------------------------------------------------------------------------
def test_get_user_risk_reads_janes_medium_risk(plugin, sim):
    run = plugin("get_user_risk", {"user": org.JANE_ID})
    assert sent(sim) == [("GET", JANE + "/risk", {})]  # a user ID needs no lookup
    assert run.ok and run.output == {
        "found": True,
        "user_id": org.JANE_ID,
        "risk_level": "MEDIUM",
        "reason": "Anomalous sign-in from a new device",
    }


@pytest.mark.parametrize(
    "level, reason, recorded",
    [
        ("HIGH", "Confirmed account takeover, case 4711", "Confirmed account takeover, case 4711"),
        ("LOW", None, "Admin override risk"),
    ],
)
def test_set_user_risk_stores_the_level_and_reason(plugin, sim, level, reason, recorded):
    params = {"user": org.JANE_ID, "risk_level": level, **({"reason": reason} if reason else {})}
    run = plugin("set_user_risk", params)
    assert sent(sim) == [("GET", JANE, {}), ("PUT", JANE + "/risk", {})]
    assert run.ok and run.output["risk_level"] == level and run.output["reason"] == recorded
    [stored] = [r for r in state(sim, "risks") if r["userId"] == org.JANE_ID]
    assert (stored["riskLevel"], stored["reason"]) == (level, recorded)


@pytest.mark.parametrize(
    "action, params",
    [
        ("get_user_risk", {"user": org.JANE_ID}),
        ("set_user_risk", {"user": org.JANE_ID, "risk_level": "HIGH"}),
    ],
)
def test_risk_without_itp_says_the_org_lacks_it(plugin, sim, action, params):
    sim.control("POST", "/__sim/features", json=NO_ITP)
    run = plugin(action, params)
    assert not run.ok and "does not have Identity Threat Protection" in run.body["error"]
    assert [r["riskLevel"] for r in state(sim, "risks") if r["userId"] == org.JANE_ID] == ["MEDIUM"]


# -- clients, grants and refresh tokens --------------------------------------------------------------
def test_list_user_clients_shows_the_consent_phishing_app(plugin, sim):
    run = plugin("list_user_clients", {"user": org.JANE_ID})
    assert sent(sim) == [("GET", JANE + "/clients", {})]  # a user ID needs no lookup
    assert run.ok and {c["client_id"] for c in run.output["clients"]} == {org.GITHUB_APP_ID, org.MAIL_SYNC_APP_ID}


@pytest.mark.parametrize(
    "client_id, path, count",
    [
        (None, JANE + "/grants", 8),
        (org.MAIL_SYNC_APP_ID, JANE + "/clients/%s/grants" % org.MAIL_SYNC_APP_ID, 5),
    ],
)
def test_list_user_grants_all_or_one_clients(plugin, sim, client_id, path, count):
    run = plugin("list_user_grants", {"user": org.JANE_ID, **({"client_id": client_id} if client_id else {})})
    assert sent(sim) == [("GET", JANE, {}), ("GET", path, {"limit": "200"})]
    assert run.ok and run.output["count"] == count
    assert {g["id"] for g in run.output["grants"]} == ids(
        state(sim, "grants"), userId=org.JANE_ID, **({"clientId": client_id} if client_id else {})
    )


@pytest.mark.parametrize(
    "params, path, left",
    [
        ({}, JANE + "/grants", set()),
        (
            {"grant_id": org.JANE_MAIL_SYNC_GRANT_ID},
            JANE + "/grants/" + org.JANE_MAIL_SYNC_GRANT_ID,
            {"github", "mail"},
        ),
        ({"client_id": org.MAIL_SYNC_APP_ID}, JANE + "/clients/%s/grants" % org.MAIL_SYNC_APP_ID, {"github"}),
    ],
)
def test_revoke_user_grants_revokes_what_was_named_and_nothing_of_johns(plugin, sim, params, path, left):
    johns = ids(state(sim, "grants"), userId=org.JOHN_ID)
    run = plugin("revoke_user_grants", {"user": org.JANE_ID, **params})
    assert sent(sim) == [("GET", JANE, {}), ("DELETE", path, {})]
    assert run.ok and run.output == {"success": True, "revoked": True}
    janes = [g for g in state(sim, "grants") if g["userId"] == org.JANE_ID]
    clients = {org.GITHUB_APP_ID: "github", org.MAIL_SYNC_APP_ID: "mail"}
    assert {clients[g["clientId"]] for g in janes} == left
    assert org.JANE_MAIL_SYNC_GRANT_ID not in ids(janes)
    assert ids(state(sim, "grants"), userId=org.JOHN_ID) == johns


def test_revoking_a_grant_twice_is_a_success_the_second_time_too(plugin, sim):
    params = {"user": org.JANE_ID, "grant_id": org.JANE_MAIL_SYNC_GRANT_ID}
    first, second = plugin("revoke_user_grants", params), plugin("revoke_user_grants", params)
    assert first.output["revoked"] and second.ok and second.output["success"] and not second.output["revoked"]
    assert "nothing to revoke" in second.output["message"]


@pytest.mark.parametrize(
    "token_id, path, left",
    [
        (org.JANE_MAIL_SYNC_TOKEN_ID, "/tokens/" + org.JANE_MAIL_SYNC_TOKEN_ID, {org.JANE_GITHUB_TOKEN_ID}),
        (None, "/tokens", {org.JANE_GITHUB_TOKEN_ID}),
    ],
)
def test_revoke_user_tokens_revokes_the_mail_sync_refresh_token(plugin, sim, token_id, path, left):
    params = {"user": org.JANE_ID, "client_id": org.MAIL_SYNC_APP_ID, **({"token_id": token_id} if token_id else {})}
    run = plugin("revoke_user_tokens", params)
    assert sent(sim) == [("GET", JANE, {}), ("DELETE", JANE + "/clients/" + org.MAIL_SYNC_APP_ID + path, {})]
    assert run.ok and run.output == {"success": True, "revoked": True}
    assert ids(state(sim, "refresh_tokens"), userId=org.JANE_ID) == left


# -- API tokens ------------------------------------------------------------------------------------
def test_list_api_tokens_shows_the_rogue_token_and_its_owner(plugin, sim):
    run = plugin("list_api_tokens", {})
    assert sent(sim) == [("GET", TOKENS, {})]
    tokens = {t["id"]: t for t in run.output["tokens"]}
    assert run.ok and set(tokens) == {org.ROGUE_API_TOKEN_ID, org.SIEM_API_TOKEN_ID, org.SOAR_API_TOKEN_ID}
    assert tokens[org.ROGUE_API_TOKEN_ID]["userId"] == org.JANE_ID
    assert tokens[org.ROGUE_API_TOKEN_ID]["network"] == {"connection": "ANYWHERE"}


def test_revoke_api_token_by_name_checks_the_current_token_then_revokes(plugin, sim):
    run = plugin("revoke_api_token", {"token": org.ROGUE_API_TOKEN_NAME})
    assert sent(sim) == [
        ("GET", TOKENS, {}),
        ("GET", TOKENS + "/current", {}),
        ("DELETE", TOKENS + "/" + org.ROGUE_API_TOKEN_ID, {}),
    ]
    assert run.ok and run.output == {"success": True, "revoked": True, "token_id": org.ROGUE_API_TOKEN_ID}
    assert ids(state(sim, "api_tokens")) == {org.SIEM_API_TOKEN_ID, org.SOAR_API_TOKEN_ID}


def test_revoking_an_api_token_id_twice_is_a_success_the_second_time_too(plugin, sim):
    first = plugin("revoke_api_token", {"token": org.ROGUE_API_TOKEN_ID})
    second = plugin("revoke_api_token", {"token": org.ROGUE_API_TOKEN_ID})
    assert first.output["revoked"] and second.ok and second.output["success"] and not second.output["revoked"]


def test_revoke_api_token_refuses_the_connections_own_token(plugin, sim):
    run = plugin("revoke_api_token", {"token": org.SOAR_API_TOKEN_ID})
    assert sent(sim) == [("GET", TOKENS + "/current", {})]
    assert not run.ok and "the token this connection uses" in run.body["error"] and "allow_self" in run.body["error"]
    assert org.SOAR_API_TOKEN_ID in ids(state(sim, "api_tokens"))


def test_restrict_api_token_pins_the_siem_token_to_the_corporate_network(plugin, sim):
    corporate = next(z["id"] for z in sim.control("GET", "/__sim/state/zones") if z["name"] == org.CORPORATE_ZONE_NAME)
    run = plugin("restrict_api_token", {"token": "SIEM log export", "include_zones": [org.CORPORATE_ZONE_NAME]})
    assert sent(sim) == [
        ("GET", TOKENS, {}),
        ("GET", "/api/v1/zones", {}),
        ("PUT", TOKENS + "/" + org.SIEM_API_TOKEN_ID, {}),
    ]
    assert run.ok and run.output["token"]["network"] == {"connection": "ZONE", "include": [corporate]}
    [stored] = [t for t in state(sim, "api_tokens") if t["id"] == org.SIEM_API_TOKEN_ID]
    assert stored["network"] == {"connection": "ZONE", "include": [corporate]} and stored["name"] == "SIEM log export"


# -- sessions --------------------------------------------------------------------------------------
def test_get_session_shows_the_attackers_session(plugin, sim):
    run = plugin("get_session", {"session_id": org.JANE_ATTACKER_SESSION_ID})
    assert sent(sim) == [("GET", "/api/v1/sessions/" + org.JANE_ATTACKER_SESSION_ID, {})]
    assert run.ok and run.output["found"] and run.output["session"]["userId"] == org.JANE_ID


def test_revoke_session_ends_only_the_attackers_session_and_is_idempotent(plugin, sim):
    first = plugin("revoke_session", {"session_id": org.JANE_ATTACKER_SESSION_ID})
    second = plugin("revoke_session", {"session_id": org.JANE_ATTACKER_SESSION_ID})
    path = "/api/v1/sessions/" + org.JANE_ATTACKER_SESSION_ID
    assert sent(sim) == [("DELETE", path, {}), ("DELETE", path, {})]
    assert first.output == {"success": True, "revoked": True}
    assert second.ok and second.output["success"] and second.output["revoked"] is False
    assert ids(state(sim, "sessions")) == {org.JANE_LAPTOP_SESSION_ID, org.JOHN_SESSION_ID}


# -- over OAuth --------------------------------------------------------------------------------------
def run_over_oauth(sim, action, params, scopes) -> Run:
    """The action as a CLI subprocess with a DPoP-bound OAuth connection to a service app granted `scopes`."""
    key = ec.generate_private_key(ec.SECP256R1())
    jwk = dict(ECAlgorithm.to_jwk(key.public_key(), as_dict=True), kid="itr")
    sim.control(
        "POST",
        "/__sim/oauth/clients",
        json={"client_id": SERVICE_APP, "jwks": {"keys": [jwk]}, "scopes": scopes, "dpop_required": True},
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    connection = {
        "okta_url": sim.url,
        "okta_key": {"secretKey": ""},
        "client_id": SERVICE_APP,
        "private_key": {"secretKey": pem},
        "key_id": "itr",
        "scopes": scopes,
        "dpop": True,
    }
    message = {
        "type": "action_start",
        "version": "v1",
        "body": {"action": action, "meta": {}, "connection": connection, "input": params},
    }
    done = subprocess.run([*BIN, "run"], input=json.dumps(message), capture_output=True, text=True, timeout=120)
    return Run(done.returncode, json.loads(done.stdout), done.stderr)


def api_sent(sim) -> list:
    return [(method, path) for method, path, _ in sent(sim) if path != "/oauth2/v1/token"]


def test_universal_logout_over_oauth_needs_only_its_scopes(sim):
    run = run_over_oauth(
        sim, "universal_logout", {"user": org.JANE_ID}, ["okta.users.read", "okta.universalLogout.manage"]
    )
    assert run.ok, run.envelope
    assert api_sent(sim) == [("GET", JANE), ("POST", LOGOUT)]
    assert org.JANE_ATTACKER_SESSION_ID not in ids(state(sim, "sessions"))


def test_revoke_api_token_over_oauth_has_no_own_token_to_look_up(sim):
    run = run_over_oauth(sim, "revoke_api_token", {"token": org.ROGUE_API_TOKEN_ID}, ["okta.apiTokens.manage"])
    assert run.ok and run.output["revoked"], run.envelope
    assert api_sent(sim) == [("DELETE", TOKENS + "/" + org.ROGUE_API_TOKEN_ID)]
    assert org.ROGUE_API_TOKEN_ID not in ids(state(sim, "api_tokens"))
