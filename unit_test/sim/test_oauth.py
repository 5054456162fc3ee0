"""The simulator's org authorization server and OAuth-protected API calls (api_facts §7).

Assertions and DPoP proofs are signed here with keys generated at test time.
"""

import base64
import hashlib
import re
import time
import uuid

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from oktasim import scopes
from oktasim.orgs import demo

from . import contract

CLIENT = "0oaSimClient1"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@pytest.fixture(scope="module")
def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def ec_key():
    return ec.generate_private_key(ec.SECP256R1())


def public_jwk(key, kid):
    algo = RSAAlgorithm if isinstance(key, rsa.RSAPrivateKey) else ECAlgorithm
    jwk = algo.to_jwk(key.public_key(), as_dict=True)
    jwk["kid"] = kid
    return jwk


def register(sim, key, kid="k1", granted=("okta.users.read",), **extra):
    return sim.control(
        "POST",
        "/__sim/oauth/clients",
        json=dict({"client_id": CLIENT, "jwks": {"keys": [public_jwk(key, kid)]}, "scopes": list(granted)}, **extra),
    )


def assertion(sim, key, kid="k1", **claims):
    now = int(time.time())
    body = {
        "iss": CLIENT,
        "sub": CLIENT,
        "aud": sim.url + "/oauth2/v1/token",
        "iat": now,
        "exp": now + 300,
        "jti": str(uuid.uuid4()),
    }
    body.update(claims)
    alg = "RS256" if isinstance(key, rsa.RSAPrivateKey) else "ES256"
    return jwt.encode(
        {k: v for k, v in body.items() if v is not None}, key, algorithm=alg, headers={"kid": kid} if kid else None
    )


def proof(key, method, url, nonce=None, token=None, **claims):
    body = {"htm": method, "htu": url, "iat": int(time.time()), "jti": str(uuid.uuid4())}
    if nonce:
        body["nonce"] = nonce
    if token:
        body["ath"] = base64.urlsafe_b64encode(hashlib.sha256(token.encode()).digest()).rstrip(b"=").decode()
    body.update(claims)
    return jwt.encode(body, key, algorithm="ES256", headers={"typ": "dpop+jwt", "jwk": _pub(key)})


def _pub(key):
    return ECAlgorithm.to_jwk(key.public_key(), as_dict=True)


def token(sim, signed, scope="okta.users.read", dpop=None):
    headers = {"DPoP": dpop} if dpop else {}
    return requests.post(
        sim.url + "/oauth2/v1/token",
        headers=headers,
        timeout=10,
        data={
            "grant_type": "client_credentials",
            "scope": scope,
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": signed,
        },
    )


def test_a_signed_assertion_gets_a_bearer_token_that_reads_within_its_scopes(sim, rsa_key):
    register(sim, rsa_key, granted=["okta.users.read", "okta.groups.read"])
    r = token(sim, assertion(sim, rsa_key), scope="okta.users.read")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600 and body["scope"] == "okta.users.read"
    auth = {"Authorization": "Bearer " + body["access_token"]}
    assert requests.get(sim.url + f"/api/v1/users/{demo.JANE_ID}", headers=auth, timeout=10).status_code == 200
    denied = requests.get(sim.url + "/api/v1/groups", headers=auth, timeout=10)
    assert denied.status_code == 403 and denied.json()["errorCode"] == "E0000006"
    challenge = denied.headers["WWW-Authenticate"]
    assert 'error="insufficient_scope"' in challenge and 'scope="okta.groups.read"' in challenge
    manage = requests.delete(sim.url + f"/api/v1/users/{demo.JANE_ID}/sessions", headers=auth, timeout=10)
    assert manage.status_code == 403 and 'scope="okta.users.manage"' in manage.headers["WWW-Authenticate"]
    # the SSWS token still works alongside
    assert requests.get(sim.url + "/api/v1/groups", headers=sim.headers, timeout=10).status_code == 200


def test_an_ec_key_without_kid_works_when_the_client_has_one_key(sim, ec_key):
    register(sim, ec_key)
    assert token(sim, assertion(sim, ec_key, kid=None)).status_code == 200


@pytest.mark.parametrize(
    "change,words",
    [
        ({"aud": "https://elsewhere.example/oauth2/v1/token"}, "audience"),
        ({"exp": int(time.time()) - 120}, "expired"),
        ({"exp": int(time.time()) + 7200}, "too far"),
        ({"sub": "someone-else"}, "iss and sub"),
        ({"iss": "0oaUnknown"}, "client_id"),
    ],
)
def test_bad_assertions_are_invalid_client(sim, rsa_key, change, words):
    register(sim, rsa_key)
    r = token(sim, assertion(sim, rsa_key, **change))
    assert r.status_code == 401 and r.json()["error"] == "invalid_client" and words in r.json()["error_description"]


def test_a_wrong_key_or_kid_is_invalid_client(sim, rsa_key):
    register(sim, rsa_key)
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    r = token(sim, assertion(sim, other))
    assert r.status_code == 401 and "signature" in r.json()["error_description"]
    r = token(sim, assertion(sim, rsa_key, kid="k-unknown"))
    assert r.status_code == 401 and "kid" in r.json()["error_description"]


def test_a_replayed_jti_is_invalid_client(sim, rsa_key):
    register(sim, rsa_key)
    signed = assertion(sim, rsa_key)
    assert token(sim, signed).status_code == 200
    again = token(sim, signed)
    assert again.status_code == 401 and again.json() == {
        "error": "invalid_client",
        "error_description": "The client_assertion token has already been used.",
    }


def test_ungranted_scopes_are_invalid_scope(sim, rsa_key):
    register(sim, rsa_key, granted=["okta.users.read"])
    r = token(sim, assertion(sim, rsa_key), scope="okta.users.read okta.users.manage")
    assert r.status_code == 400 and r.json()["error"] == "invalid_scope"
    assert "okta.users.manage" in r.json()["error_description"]


def test_tokens_expire_after_an_hour_of_sim_time(sim, rsa_key):
    register(sim, rsa_key)
    access = token(sim, assertion(sim, rsa_key)).json()["access_token"]
    sim.control("POST", "/__sim/clock", json={"advance": 3601})
    r = requests.get(sim.url + "/api/v1/users", headers={"Authorization": "Bearer " + access}, timeout=10)
    assert r.status_code == 401 and r.json()["errorCode"] == "E0000011"
    assert 'error="invalid_token"' in r.headers["WWW-Authenticate"]


def test_dpop_token_request_with_the_nonce_dance_and_bound_api_calls(sim, rsa_key, ec_key):
    register(sim, rsa_key, dpop_required=True, granted=["okta.users.read"])
    url = sim.url + "/oauth2/v1/token"
    missing = token(sim, assertion(sim, rsa_key))
    assert missing.status_code == 400 and missing.json()["error"] == "invalid_dpop_proof"
    first = token(sim, assertion(sim, rsa_key), dpop=proof(ec_key, "POST", url))
    assert first.status_code == 400 and first.json()["error"] == "use_dpop_nonce"
    nonce = first.headers["DPoP-Nonce"]
    r = token(sim, assertion(sim, rsa_key), dpop=proof(ec_key, "POST", url, nonce=nonce))
    assert r.status_code == 200 and r.json()["token_type"] == "DPoP"
    access = r.json()["access_token"]
    api = sim.url + "/api/v1/users"
    ok = requests.get(
        api + "?limit=2",
        timeout=10,
        headers={"Authorization": "DPoP " + access, "DPoP": proof(ec_key, "GET", api, token=access)},
    )
    assert ok.status_code == 200 and len(ok.json()) == 2
    as_bearer = requests.get(api, headers={"Authorization": "Bearer " + access}, timeout=10)
    assert as_bearer.status_code == 401
    no_proof = requests.get(api, headers={"Authorization": "DPoP " + access}, timeout=10)
    assert no_proof.status_code == 401 and 'error="invalid_dpop_proof"' in no_proof.headers["WWW-Authenticate"]
    bad_ath = requests.get(
        api, timeout=10, headers={"Authorization": "DPoP " + access, "DPoP": proof(ec_key, "GET", api, token="other")}
    )
    assert bad_ath.status_code == 401 and "ath" in bad_ath.headers["WWW-Authenticate"]
    other_key = ec.generate_private_key(ec.SECP256R1())
    stolen = requests.get(
        api, timeout=10, headers={"Authorization": "DPoP " + access, "DPoP": proof(other_key, "GET", api, token=access)}
    )
    assert stolen.status_code == 401 and "bound" in stolen.headers["WWW-Authenticate"]
    wrong_htm = requests.get(
        api, timeout=10, headers={"Authorization": "DPoP " + access, "DPoP": proof(ec_key, "POST", api, token=access)}
    )
    assert wrong_htm.status_code == 401 and "htm" in wrong_htm.headers["WWW-Authenticate"]


def test_a_client_that_does_not_require_dpop_refuses_a_proof(sim, rsa_key, ec_key):
    register(sim, rsa_key)
    r = token(sim, assertion(sim, rsa_key), dpop=proof(ec_key, "POST", sim.url + "/oauth2/v1/token"))
    assert r.status_code == 400 and r.json()["error"] == "invalid_dpop_proof"


def test_a_resource_nonce_when_the_client_asks_for_it(sim, rsa_key, ec_key):
    register(sim, rsa_key, dpop_required=True, dpop_resource_nonce=True)
    url = sim.url + "/oauth2/v1/token"
    nonce = token(sim, assertion(sim, rsa_key), dpop=proof(ec_key, "POST", url)).headers["DPoP-Nonce"]
    access = token(sim, assertion(sim, rsa_key), dpop=proof(ec_key, "POST", url, nonce=nonce)).json()["access_token"]
    api = sim.url + "/api/v1/users"
    first = requests.get(
        api, timeout=10, headers={"Authorization": "DPoP " + access, "DPoP": proof(ec_key, "GET", api, token=access)}
    )
    assert first.status_code == 401 and 'error="use_dpop_nonce"' in first.headers["WWW-Authenticate"]
    second = requests.get(
        api,
        timeout=10,
        headers={
            "Authorization": "DPoP " + access,
            "DPoP": proof(ec_key, "GET", api, token=access, nonce=first.headers["DPoP-Nonce"]),
        },
    )
    assert second.status_code == 200


def test_reset_forgets_clients_and_tokens(sim, rsa_key):
    register(sim, rsa_key)
    access = token(sim, assertion(sim, rsa_key)).json()["access_token"]
    sim.control("POST", "/__sim/reset")
    assert sim.control("GET", "/__sim/oauth/clients") == []
    r = requests.get(sim.url + "/api/v1/users", headers={"Authorization": "Bearer " + access}, timeout=10)
    assert r.status_code == 401


@pytest.mark.skipif(not contract.SPEC_PATH.exists(), reason="../shared (Okta spec) not available")
def test_the_scope_table_matches_the_official_spec_for_every_simulated_operation():
    import yaml

    from oktasim.resources import register_all
    from oktasim.router import Router

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(contract.SPEC_PATH, encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=loader)
    official = {}
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "responses" in op:
                found = {
                    s
                    for req in op.get("security") or []
                    for name, values in req.items()
                    if name.lower().startswith("oauth")
                    for s in values
                }
                official[(method.upper(), re.sub(r"\{[^}]+\}", "{}", path))] = found
    router = Router()
    register_all(router)
    checked, mismatches = 0, []
    for route in router.routes():
        templates = [route.template]
        if "{action}" in route.template:
            templates = [route.template.replace("{action}", a) for a in ("activate", "deactivate", "unlock", "suspend")]
        for template in templates:
            granted = official.get((route.method, re.sub(r"\{[^}]+\}", "{}", template)))
            if granted is None:
                continue
            path = "/".join("x1" if s.startswith("{") else s for s in template.split("/"))
            ours = scopes.required(route.method, path)
            checked += 1
            if ours not in granted:
                mismatches.append((route.method, template, ours, sorted(granted)))
    assert checked > 60 and not mismatches, mismatches
