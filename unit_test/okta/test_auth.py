"""OAuth 2.0 private_key_jwt (+ DPoP) in OktaClient, against a mocked Okta.

Keys are generated at test time (never committed). Assertions and proofs are decoded and
verified with the public keys, so the claims checked are the ones Okta would see.
"""

import base64
import hashlib
import ssl
import uuid
from urllib.parse import parse_qs

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from komand_okta.clock import FakeClock
from komand_okta.okta.http.auth import ApiTokenAuth, OAuthAuth, scope_for
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.http.errors import OktaConnectionError, OktaError

from .test_client import Log

BASE = "https://example.okta.com"
TOKEN_URL = BASE + "/oauth2/v1/token"
USERS = BASE + "/api/v1/users"
CLIENT_ID = "0oa8f5j3ecb5w3dF35d7"
START = 1_700_000_000.0
ACCESS = "access-token-canary-1f2e3d4c"


def pem_of(key) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture(scope="module")
def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def ec_key():
    return ec.generate_private_key(ec.SECP256R1())


def make(
    key, dpop=False, key_id="kid-1", scopes=("okta.users.read", "okta.groups.read"), clock=None, log=None, pem=None
):
    clock = clock or FakeClock(START)
    log = log if log is not None else Log()
    auth = OAuthAuth(
        BASE,
        CLIENT_ID,
        pem if pem is not None else pem_of(key),
        key_id=key_id,
        scopes=list(scopes),
        dpop=dpop,
        clock=clock,
        log=log,
    )
    client = OktaClient(BASE, auth, clock=clock, log=log, jitter=lambda: 0.0)
    return client, auth, clock, log


def token_ok(okta, token_type="Bearer", access=ACCESS, scope="okta.users.read okta.groups.read", expires_in=3600):
    return okta.post(
        TOKEN_URL, json={"token_type": token_type, "expires_in": expires_in, "access_token": access, "scope": scope}
    )


def form_of(request) -> dict:
    return {k: v[0] for k, v in parse_qs(request.text).items()}


def token_requests(okta):
    return [r for r in okta.request_history if r.url == TOKEN_URL]


def decode_assertion(request, key):
    assertion = form_of(request)["client_assertion"]
    header = jwt.get_unverified_header(assertion)
    claims = jwt.decode(
        assertion,
        key.public_key(),
        algorithms=[header["alg"]],
        audience=TOKEN_URL,
        options={"verify_exp": False, "verify_iat": False},
    )  # the FakeClock is in the past
    return header, claims


def decode_proof(proof):
    header = jwt.get_unverified_header(proof)
    key = jwt.PyJWK(header["jwk"], header["alg"]).key
    return header, jwt.decode(proof, key, algorithms=[header["alg"]], options={"verify_iat": False})


# -- the client assertion ------------------------------------------------------------------
@pytest.mark.parametrize("kind,alg", [("rsa", "RS256"), ("ec", "ES256")])
def test_the_assertion_is_signed_with_the_key_type_alg_and_carries_the_claims(okta, rsa_key, ec_key, kind, alg):
    key = rsa_key if kind == "rsa" else ec_key
    token_ok(okta)
    okta.get(USERS + "/00u1", json={"id": "00u1"})
    client, auth, clock, _ = make(key)
    client.get("/api/v1/users/00u1")
    request = token_requests(okta)[0]
    header, claims = decode_assertion(request, key)
    assert header["alg"] == alg and header["kid"] == "kid-1"
    assert claims["iss"] == claims["sub"] == CLIENT_ID and claims["aud"] == TOKEN_URL
    assert claims["iat"] == int(START) and 0 < claims["exp"] - START <= 300
    uuid.UUID(claims["jti"])
    form = form_of(request)
    assert form["grant_type"] == "client_credentials"
    assert form["scope"] == "okta.users.read okta.groups.read"
    assert form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert "DPoP" not in request.headers
    api = okta.request_history[-1]
    assert api.headers["Authorization"] == "Bearer " + ACCESS and "DPoP" not in api.headers


def test_no_key_id_means_no_kid_header(okta, rsa_key):
    token_ok(okta)
    okta.get(USERS, json=[])
    client, *_ = make(rsa_key, key_id=None)
    client.get("/api/v1/users")
    header, _ = decode_assertion(token_requests(okta)[0], rsa_key)
    assert "kid" not in header


def test_the_token_is_cached_until_a_minute_before_expiry_and_each_assertion_has_a_new_jti(okta, rsa_key):
    token_ok(okta)
    okta.get(USERS, json=[])
    client, auth, clock, _ = make(rsa_key)
    client.get("/api/v1/users")
    clock.advance(3600 - 61)
    client.get("/api/v1/users")
    assert len(token_requests(okta)) == 1
    clock.advance(2)
    client.get("/api/v1/users")
    assert len(token_requests(okta)) == 2
    jtis = {decode_assertion(r, rsa_key)[1]["jti"] for r in token_requests(okta)}
    assert len(jtis) == 2


def test_a_401_refreshes_the_token_once_and_retries(okta, rsa_key):
    okta.post(
        TOKEN_URL,
        [
            {"json": {"token_type": "Bearer", "expires_in": 3600, "access_token": "old-token-1"}},
            {"json": {"token_type": "Bearer", "expires_in": 3600, "access_token": "new-token-2"}},
        ],
    )
    okta.get(
        USERS,
        [
            {"status_code": 401, "json": {"errorCode": "E0000011", "errorSummary": "Invalid token provided"}},
            {"json": [{"id": "00u1"}]},
        ],
    )
    client, *_ = make(rsa_key)
    assert client.get("/api/v1/users") == [{"id": "00u1"}]
    calls = [r for r in okta.request_history if r.url.startswith(USERS)]
    assert [c.headers["Authorization"] for c in calls] == ["Bearer old-token-1", "Bearer new-token-2"]


def test_a_second_401_is_an_error_after_exactly_one_refresh(okta, rsa_key):
    token_ok(okta)
    okta.get(USERS, status_code=401, json={"errorCode": "E0000011", "errorSummary": "Invalid token provided"})
    client, *_ = make(rsa_key)
    with pytest.raises(OktaError) as caught:
        client.get("/api/v1/users")
    assert caught.value.status == 401 and "OAuth access token" in caught.value.assistance
    assert len(token_requests(okta)) == 2
    assert len([r for r in okta.request_history if r.url.startswith(USERS)]) == 2


def test_a_401_for_a_feature_the_org_lacks_fetches_no_new_token_and_says_so(okta, rsa_key):
    token_ok(okta)
    okta.get(USERS, status_code=401, json={"errorCode": "E0000015", "errorSummary": "You do not have permission"})
    client, *_ = make(rsa_key)
    with pytest.raises(OktaError) as caught:
        client.get("/api/v1/users")
    assert len(token_requests(okta)) == 1 and len([r for r in okta.request_history if r.url.startswith(USERS)]) == 1
    assert "not enabled" in caught.value.assistance


# -- DPoP ----------------------------------------------------------------------------------
def test_dpop_proofs_with_the_token_endpoint_nonce_dance_and_ath_on_api_calls(okta, ec_key):
    okta.post(
        TOKEN_URL,
        [
            {
                "status_code": 400,
                "json": {"error": "use_dpop_nonce", "error_description": "Authorization server requires nonce"},
                "headers": {"DPoP-Nonce": "nonce-AS-1"},
            },
            {"json": {"token_type": "DPoP", "expires_in": 3600, "access_token": ACCESS, "scope": "okta.users.read"}},
        ],
    )
    okta.get(USERS, json=[])
    client, auth, *_ = make(ec_key, dpop=True)
    client.get("/api/v1/users", params={"limit": 5, "q": "x"})
    first, second = token_requests(okta)
    h1, p1 = decode_proof(first.headers["DPoP"])
    h2, p2 = decode_proof(second.headers["DPoP"])
    assert h1["typ"] == "dpop+jwt" and h1["alg"] == "ES256" and "d" not in h1["jwk"]
    assert p1["htm"] == "POST" and p1["htu"] == TOKEN_URL and "nonce" not in p1 and "ath" not in p1
    assert p2["nonce"] == "nonce-AS-1" and p2["jti"] != p1["jti"]
    # the retry signs a fresh assertion: the first one's jti was spent
    assert decode_assertion(first, ec_key)[1]["jti"] != decode_assertion(second, ec_key)[1]["jti"]
    api = okta.request_history[-1]
    assert api.headers["Authorization"] == "DPoP " + ACCESS
    h3, p3 = decode_proof(api.headers["DPoP"])
    assert h3["jwk"] == h1["jwk"]
    assert p3["htm"] == "GET" and p3["htu"] == USERS  # no query
    assert p3["ath"] == base64.urlsafe_b64encode(hashlib.sha256(ACCESS.encode()).digest()).rstrip(b"=").decode()
    assert auth.granted_scopes == ["okta.users.read"]


def test_a_resource_nonce_challenge_is_answered_once_without_a_new_token(okta, ec_key):
    token_ok(okta, token_type="DPoP")
    challenge = {
        "WWW-Authenticate": 'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce"',
        "DPoP-Nonce": "nonce-RS-1",
    }
    okta.get(USERS, [{"status_code": 401, "headers": challenge, "json": {"errorCode": "E0000011"}}, {"json": []}])
    client, *_ = make(ec_key, dpop=True)
    assert client.get("/api/v1/users") == []
    calls = [r for r in okta.request_history if r.url.startswith(USERS)]
    assert "nonce" not in decode_proof(calls[0].headers["DPoP"])[1]
    assert decode_proof(calls[1].headers["DPoP"])[1]["nonce"] == "nonce-RS-1"
    assert len(token_requests(okta)) == 1


def test_an_invalid_dpop_proof_at_the_token_endpoint_explains_the_dpop_setting(okta, ec_key):
    okta.post(
        TOKEN_URL,
        status_code=400,
        json={"error": "invalid_dpop_proof", "error_description": "The DPoP proof JWT header is missing."},
    )
    client, *_ = make(ec_key, dpop=False)
    with pytest.raises(OktaError) as caught:
        client.get("/api/v1/users")
    assert "invalid_dpop_proof" in caught.value.cause and "dpop" in caught.value.assistance


# -- errors --------------------------------------------------------------------------------
def test_invalid_client_points_at_client_id_key_and_kid(okta, rsa_key):
    okta.post(
        TOKEN_URL,
        status_code=401,
        json={"error": "invalid_client", "error_description": "The client_assertion signature is invalid."},
    )
    client, *_ = make(rsa_key)
    with pytest.raises(OktaError) as caught:
        client.get("/api/v1/users")
    err = caught.value
    assert err.code == "invalid_client" and CLIENT_ID in err.cause and "signature is invalid" in err.cause
    assert "client_id" in err.assistance and "public key" in err.assistance and "key_id" in err.assistance


def test_invalid_scope_names_the_requested_scopes(okta, rsa_key):
    okta.post(
        TOKEN_URL,
        status_code=400,
        json={
            "error": "invalid_scope",
            "error_description": "One or more scopes are not configured for the authorization server resource.",
        },
    )
    client, *_ = make(rsa_key)
    with pytest.raises(OktaError) as caught:
        client.get("/api/v1/users")
    assert "okta.users.read okta.groups.read" in caught.value.assistance


@pytest.mark.parametrize(
    "header,scope",
    [
        ('Bearer error="insufficient_scope", scope="okta.groups.manage"', "okta.groups.manage"),
        (
            'Bearer authorization_uri="x", error="insufficient_scope", error_description="The access token provided does '
            'not contain the required scopes.", resource="/api/v1/groups/00g1/users/00u1"',
            "okta.groups.manage",
        ),
    ],
)
def test_a_missing_scope_is_an_error_naming_the_scope_to_grant(okta, rsa_key, header, scope):
    token_ok(okta)
    okta.put(
        BASE + "/api/v1/groups/00g1/users/00u1",
        status_code=403,
        headers={"WWW-Authenticate": header},
        json={"errorCode": "E0000006", "errorSummary": "You do not have permission to perform the requested action"},
    )
    client, *_ = make(rsa_key)
    with pytest.raises(OktaError) as caught:
        client.put(client.path("groups", "00g1", "users", "00u1"))
    err = caught.value
    assert scope in err.cause and scope in err.assistance and "Okta API Scopes" in err.assistance
    assert "connection's scopes" in err.assistance  # not among the requested ones


def test_a_403_without_a_scope_challenge_points_at_the_service_app_admin_role(okta, rsa_key):
    token_ok(okta)
    okta.get(USERS, status_code=403, json={"errorCode": "E0000006", "errorSummary": "You do not have permission"})
    client, *_ = make(rsa_key)
    with pytest.raises(OktaError) as caught:
        client.get("/api/v1/users")
    assert "admin role" in caught.value.assistance


# -- the private key -----------------------------------------------------------------------
def test_a_one_line_paste_and_escaped_newlines_are_accepted(okta, rsa_key):
    token_ok(okta)
    okta.get(USERS, json=[])
    pem = pem_of(rsa_key)
    for pasted in ("  " + pem.replace("\n", " ") + "  ", pem.replace("\n", "\\n"), "\r\n" + pem.replace("\n", "\r\n")):
        client, *_ = make(rsa_key, pem=pasted)
        client.get("/api/v1/users")
        decode_assertion(token_requests(okta)[-1], rsa_key)  # verifies with the matching public key


def test_traditional_rsa_and_ec_pem_labels_are_accepted(ec_key, rsa_key):
    for key in (rsa_key, ec_key):
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        ).decode()
        make(key, pem=pem.replace("\n", " "))


@pytest.mark.parametrize(
    "pasted,words",
    [
        ("", "empty"),
        ("not a key at all", "not in PEM format"),
        ("-----BEGIN PRIVATE KEY----- %%%%notbase64 -----END PRIVATE KEY-----", "not valid base64"),
        ("-----BEGIN PRIVATE KEY----- QUJDREVGR0hJSktMTU5PUA== -----END PRIVATE KEY-----", "could not be read"),
    ],
)
def test_a_bad_private_key_is_a_clear_connection_error_without_the_key_text(pasted, words):
    with pytest.raises(OktaConnectionError) as caught:
        OAuthAuth(BASE, CLIENT_ID, pasted, scopes=["okta.users.read"])
    text = str(caught.value)
    assert words in text and "private_key" in text
    assert "QUJDREVGR0hJSktMTU5PUA" not in text and "notbase64" not in text and "not a key at all" not in text


def test_a_public_key_or_small_rsa_key_is_refused(rsa_key):
    public = (
        rsa_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    with pytest.raises(OktaConnectionError, match="public key"):
        OAuthAuth(BASE, CLIENT_ID, public, scopes=[])
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(OktaConnectionError, match="at least 2048"):
        OAuthAuth(BASE, CLIENT_ID, pem_of(small), scopes=[])


def test_secrets_never_reach_logs_or_errors(okta, ec_key):
    okta.post(
        TOKEN_URL,
        [
            {"status_code": 400, "json": {"error": "use_dpop_nonce"}, "headers": {"DPoP-Nonce": "n1"}},
            {"json": {"token_type": "DPoP", "expires_in": 3600, "access_token": ACCESS}},
        ],
    )
    okta.get(USERS, [{"status_code": 401, "json": {"errorCode": "E0000011", "errorSummary": "Invalid token"}}] * 3)
    log = Log()
    client, *_ = make(ec_key, dpop=True, log=log)
    with pytest.raises(OktaError) as caught:
        client.get("/api/v1/users")
    secrets = {ACCESS}
    for request in okta.request_history:
        secrets.add(request.headers.get("DPoP"))
        if request.url == TOKEN_URL:
            secrets.add(form_of(request)["client_assertion"])
    body = "".join(pem_of(ec_key).splitlines()[1:-1])
    text = "\n".join(log.text()) + str(caught.value) + caught.value.data
    assert log.text() and all(s and s not in text for s in secrets)
    assert body[:40] not in text and body[-40:] not in text


# -- plumbing ------------------------------------------------------------------------------
def test_a_string_auth_is_still_a_fixed_authorization_header(okta):
    okta.get(USERS, json=[])
    OktaClient(BASE, "SSWS tok-123", clock=FakeClock()).get("/api/v1/users")
    OktaClient(BASE, ApiTokenAuth("tok-456"), clock=FakeClock()).get("/api/v1/users")
    assert [r.headers["Authorization"] for r in okta.request_history] == ["SSWS tok-123", "SSWS tok-456"]


def test_the_plugin_scope_table_matches_the_simulator_for_every_simulated_operation():
    from oktasim import scopes
    from oktasim.resources import register_all
    from oktasim.router import Router

    router = Router()
    register_all(router)
    checked = 0
    for route in router.routes():
        path = route.template.replace("{action}", "activate")
        path = "/".join("x1" if s.startswith("{") else s for s in path.split("/"))
        assert scope_for(route.method, path) == scopes.required(route.method, path), (route.method, path)
        checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    "exc, words",
    [
        (requests.exceptions.ChunkedEncodingError("Connection broken: IncompleteRead"), "cut short"),
        (requests.exceptions.SSLError(ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED]")), "TLS"),
    ],
)
def test_a_token_request_without_a_complete_answer_is_explained_and_never_called_applied(okta, ec_key, exc, words):
    okta.post(TOKEN_URL, exc=exc)
    client, _, _, _ = make(ec_key)
    with pytest.raises(OktaError) as caught:
        client.get("/api/v1/users")
    assert words in caught.value.cause and "may or may not" not in caught.value.cause
