"""A small OAuth service client for simulator tests: register a client with a fresh EC key and
get a Bearer access token for the scopes it asks for (private_key_jwt, no DPoP)."""

import time
import uuid

import jwt
import requests
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def bearer(sim, scopes, client_id="0oaTestService1") -> dict:
    """Headers that authenticate as an OAuth service app granted (and asking for) ``scopes``."""
    key = ec.generate_private_key(ec.SECP256R1())
    jwk = dict(ECAlgorithm.to_jwk(key.public_key(), as_dict=True), kid="k1")
    sim.control(
        "POST", "/__sim/oauth/clients", json={"client_id": client_id, "jwks": {"keys": [jwk]}, "scopes": list(scopes)}
    )
    now = int(time.time())
    signed = jwt.encode(
        {
            "iss": client_id,
            "sub": client_id,
            "aud": sim.url + "/oauth2/v1/token",
            "iat": now,
            "exp": now + 300,
            "jti": str(uuid.uuid4()),
        },
        key,
        algorithm="ES256",
        headers={"kid": "k1"},
    )
    r = requests.post(
        sim.url + "/oauth2/v1/token",
        timeout=10,
        data={
            "grant_type": "client_credentials",
            "scope": " ".join(scopes),
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": signed,
        },
    )
    r.raise_for_status()
    return {"Authorization": "Bearer " + r.json()["access_token"], "Accept": "application/json"}
