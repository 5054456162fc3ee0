"""End to end: the plugin as a subprocess with an OAuth (private_key_jwt) connection, signing
real assertions (and DPoP proofs) against the simulator's token endpoint.

Keys are generated here at test time; the service app is registered through the control API.
"""

import json
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from oktasim.orgs import demo as org
from unit_test.integration.conftest import BIN, Run

CLIENT = "0oaE2eServiceApp01"


@pytest.fixture(scope="module")
def keys():
    return {
        "rsa": rsa.generate_private_key(public_exponent=65537, key_size=2048),
        "ec": ec.generate_private_key(ec.SECP256R1()),
    }


def register(sim, key, granted, **options):
    algo = RSAAlgorithm if isinstance(key, rsa.RSAPrivateKey) else ECAlgorithm
    jwk = dict(algo.to_jwk(key.public_key(), as_dict=True), kid="e2e-kid")
    sim.control(
        "POST",
        "/__sim/oauth/clients",
        json=dict({"client_id": CLIENT, "jwks": {"keys": [jwk]}, "scopes": granted}, **options),
    )


def run(sim, key, action, params, command="run", one_line=False, **connection):
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    conn = dict(
        {
            "okta_url": sim.url,
            "okta_key": {"secretKey": ""},
            "client_id": CLIENT,
            "private_key": {"secretKey": pem.replace("\n", " ") if one_line else pem},
            "key_id": "e2e-kid",
            "scopes": ["okta.users.read"],
            "dpop": False,
        },
        **connection,
    )
    message = {
        "type": "action_start",
        "version": "v1",
        "body": {"action": action, "meta": {}, "connection": conn, "input": params},
    }
    done = subprocess.run(BIN + [command], input=json.dumps(message), capture_output=True, text=True, timeout=120)
    result = Run(done.returncode, json.loads(done.stdout), done.stderr)
    body = "".join(pem.splitlines()[1:-1])
    assert body[:48] not in done.stdout + done.stderr  # the key never leaks
    return result


def api_calls(sim):
    return [(r["method"], r["path"], r["status"]) for r in sim.requests()]


@pytest.mark.parametrize("kind,dpop", [("rsa", False), ("ec", False), ("rsa", True), ("ec", True)])
def test_get_user_and_the_connection_test_with_oauth(sim, keys, kind, dpop):
    register(sim, keys[kind], ["okta.users.read", "okta.groups.read"], dpop_required=dpop)
    scopes = ["okta.users.read", "okta.groups.read"]
    got = run(sim, keys[kind], "get_user", {"email": org.JANE_LOGIN}, dpop=dpop, scopes=scopes, one_line=True)
    assert got.ok, got.envelope
    assert got.output["found"] is True and got.output["id"] == org.JANE_ID
    tokens = [c for c in api_calls(sim) if c[1] == "/oauth2/v1/token"]
    assert tokens == ([("POST", "/oauth2/v1/token", 400)] if dpop else []) + [("POST", "/oauth2/v1/token", 200)]
    tested = run(sim, keys[kind], "get_user", {"email": org.JANE_LOGIN}, command="test", dpop=dpop, scopes=scopes)
    assert tested.ok, tested.envelope
    assert tested.output == {"success": True, "auth_method": "oauth2_private_key_jwt", "dpop": dpop, "scopes": scopes}


def test_dpop_with_a_resource_nonce(sim, keys):
    register(sim, keys["ec"], ["okta.users.read"], dpop_required=True, dpop_resource_nonce=True)
    got = run(sim, keys["ec"], "get_user", {"email": org.JANE_LOGIN}, dpop=True)
    assert got.ok, got.envelope
    statuses = [c[2] for c in api_calls(sim) if c[1].startswith("/api/v1/users")]
    assert statuses[:2] == [401, 200]


def test_a_missing_scope_is_an_error_naming_the_scope_to_grant(sim, keys):
    register(sim, keys["rsa"], ["okta.users.read"])
    got = run(sim, keys["rsa"], "suspend_user", {"email": org.JANE_LOGIN})
    assert not got.ok
    exc = got.body["exception"]
    assert "okta.users.manage" in exc["cause"] and "okta.users.manage" in exc["assistance"]
    assert "Okta API Scopes" in exc["assistance"]


def test_an_unregistered_key_fails_the_connection_test_clearly(sim, keys):
    register(sim, keys["rsa"], ["okta.users.read"])
    tested = run(sim, keys["ec"], "get_user", {"email": org.JANE_LOGIN}, command="test")
    assert not tested.ok
    assert tested.body["error"].startswith("Connection test failed!") and "invalid_client" in tested.body["error"]
    assert "key_id" in tested.body["exception"]["assistance"]


def test_dpop_off_for_an_app_that_requires_it_is_explained(sim, keys):
    register(sim, keys["rsa"], ["okta.users.read"], dpop_required=True)
    tested = run(sim, keys["rsa"], "get_user", {"email": org.JANE_LOGIN}, command="test", dpop=False)
    assert not tested.ok and "invalid_dpop_proof" in tested.body["error"]
    assert "dpop" in tested.body["exception"]["assistance"]
