"""The org authorization server: OAuth 2.0 client credentials with ``private_key_jwt``, and DPoP.

Why: the plugin's OAuth connection must be exercised end to end with real signatures
(api_facts §7).  ``POST /oauth2/v1/token`` checks the client assertion (signature by a
registered public key, ``kid``, ``iss``=``sub``=client, ``aud``=token URL, ``exp`` in the
future and at most 1 h ahead, ``jti`` never reused), the requested scopes against the granted
ones and, for a client that requires DPoP, the proof (``typ``, ``jwk``, signature, ``htm``,
``htu``, ``iat``, ``jti``, and the server nonce: the first proof gets 400 ``use_dpop_nonce`` +
``DPoP-Nonce``).  It issues opaque access tokens (1 h by the sim clock) bound to the scopes and,
with DPoP, to the proof key's thumbprint.  API calls then authenticate with ``Bearer`` /
``DPoP`` (registered on the Authenticator) and need the operation's scope (``scopes.py``):
403 E0000006 + ``WWW-Authenticate: … error="insufficient_scope", scope="…"`` otherwise.

Clients are registered through the control API (``POST /__sim/oauth/clients``):
``{"client_id", "jwks": {"keys": [...]}`` or ``"public_key_pem"`` (+ ``"kid"``), ``"scopes"``,
``"dpop_required"`` (default false), ``"dpop_resource_nonce"`` (default false: Okta does not ask
for a nonce on API calls today; true makes API calls answer 401 ``use_dpop_nonce`` first)}.
PyJWT and cryptography are imported on first use, not at simulator start-up.
"""

import base64
import hashlib
import json
import secrets
import threading
from urllib.parse import parse_qsl, unquote, urlsplit

from . import scopes as scope_table
from .errors import OktaError
from .web import Response, ok

TOKEN_PATH = "/oauth2/v1/token"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
TOKEN_LIFETIME = 3600
MAX_ASSERTION_LIFETIME = 3600
SKEW = 60
PROOF_WINDOW = 300
RSA_ALGS = ("RS256", "RS384", "RS512")
EC_ALGS = ("ES256", "ES384", "ES512")


class _OAuthFailure(Exception):
    def __init__(self, status, error, description, headers=()):
        super().__init__(description)
        self.status, self.error, self.description, self.headers = status, error, description, list(headers)


class OAuthServer:
    def __init__(self, sim):
        self.sim = sim
        self.clock = sim.store.clock
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.clients: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self._assertion_jtis: dict[str, float] = {}
        self._proof_jtis: dict[str, float] = {}
        self.nonce = secrets.token_urlsafe(16)

    def install(self) -> None:
        self.sim.router.add("POST", TOKEN_PATH, self.token_endpoint)
        control = self.sim.control.router
        control.add("GET", "/__sim/oauth/clients", self.list_clients)
        control.add("POST", "/__sim/oauth/clients", self.register_client)
        control.add("DELETE", "/__sim/oauth/clients", self.clear_clients)
        control.add("POST", "/__sim/oauth/nonce", self.rotate_nonce)
        self.sim.auth.register_scheme("Bearer", self.bearer)
        self.sim.auth.register_scheme("DPoP", self.dpop)

    # ------------------------------------------------------------------ control API
    def register_client(self, req):
        body = req.json() or {}
        client_id = body.get("client_id")
        if not isinstance(client_id, str) or not client_id:
            raise OktaError("E0000001", "client_id", causes=["client_id: a non-empty string"])
        keys = []
        try:
            for jwk in (body.get("jwks") or {}).get("keys") or []:
                keys.append(_key_from_jwk(jwk))
            if body.get("public_key_pem"):
                keys.append(_key_from_pem(body["public_key_pem"], body.get("kid")))
        except (ValueError, TypeError, KeyError) as exc:
            raise OktaError("E0000001", "jwks", causes=[f"jwks/public_key_pem: {exc}"]) from None
        if not keys:
            raise OktaError("E0000001", "jwks", causes=["jwks or public_key_pem: at least one public key"])
        granted = body.get("scopes") or []
        if not isinstance(granted, list) or not all(isinstance(s, str) for s in granted):
            raise OktaError("E0000001", "scopes", causes=["scopes: a list of strings"])
        with self._lock:
            self.clients[client_id] = {
                "client_id": client_id,
                "keys": keys,
                "scopes": list(granted),
                "dpop_required": bool(body.get("dpop_required")),
                "dpop_resource_nonce": bool(body.get("dpop_resource_nonce")),
            }
        return ok(self._public(self.clients[client_id]), status=201)

    def list_clients(self, req):
        return ok([self._public(c) for c in self.clients.values()])

    def clear_clients(self, req):
        with self._lock:
            self.reset()
        return ok({"ok": True})

    def rotate_nonce(self, req):
        self.nonce = secrets.token_urlsafe(16)
        return ok({"ok": True})

    @staticmethod
    def _public(c) -> dict:
        return {
            "client_id": c["client_id"],
            "kids": [k["kid"] for k in c["keys"]],
            "scopes": c["scopes"],
            "dpop_required": c["dpop_required"],
            "dpop_resource_nonce": c["dpop_resource_nonce"],
        }

    # ------------------------------------------------------------------ token endpoint
    def token_endpoint(self, req, store):
        try:
            return self._token(req)
        except _OAuthFailure as f:
            return Response(
                f.status,
                {"error": f.error, "error_description": f.description},
                headers=[("Cache-Control", "no-store"), ("Pragma", "no-cache")] + f.headers,
            )

    def _token(self, req):
        ctype = (req.header("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            raise _OAuthFailure(400, "invalid_request", "The request must use application/x-www-form-urlencoded.")
        form = dict(parse_qsl(req.raw_body().decode("utf-8", "replace"), keep_blank_values=True))
        if form.get("grant_type") != "client_credentials":
            raise _OAuthFailure(
                400,
                "unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server.",
            )
        if form.get("client_assertion_type") != ASSERTION_TYPE or not form.get("client_assertion"):
            raise _OAuthFailure(
                401,
                "invalid_client",
                "Client authentication failed: a client_assertion of type jwt-bearer is required (private_key_jwt).",
            )
        token_url = req.base + TOKEN_PATH
        client = self._check_assertion(form["client_assertion"], form.get("client_id"), token_url)
        jkt = None
        proof = req.header("DPoP")
        if client["dpop_required"] and not proof:
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof JWT header is missing.")
        if proof and not client["dpop_required"]:
            raise _OAuthFailure(
                400,
                "invalid_dpop_proof",
                "DPoP proof JWT header was provided, but the client is "
                "not configured to require DPoP-bound access tokens.",
            )
        if proof:
            jkt = self._check_proof(proof, "POST", token_url, access_token=None, need_nonce=True)
        requested = form.get("scope", "").split()
        if not requested:
            raise _OAuthFailure(400, "invalid_scope", "The authorization server requires a scope parameter.")
        missing = [s for s in requested if s not in client["scopes"]]
        if missing:
            raise _OAuthFailure(
                400, "invalid_scope", "The following scopes are not granted to the client: " + " ".join(missing)
            )
        token = secrets.token_urlsafe(32)
        with self._lock:
            now = self.clock.now()
            self.tokens = {t: r for t, r in self.tokens.items() if r["exp"] > now}
            self.tokens[token] = {
                "client_id": client["client_id"],
                "scopes": requested,
                "exp": now + TOKEN_LIFETIME,
                "jkt": jkt,
            }
        return Response(
            200,
            {
                "token_type": "DPoP" if jkt else "Bearer",
                "expires_in": TOKEN_LIFETIME,
                "access_token": token,
                "scope": " ".join(requested),
            },
            headers=[("Cache-Control", "no-store"), ("Pragma", "no-cache")],
        )

    def _check_assertion(self, assertion: str, client_id, token_url: str) -> dict:
        import jwt

        try:
            header = jwt.get_unverified_header(assertion)
            unverified = jwt.decode(assertion, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise _OAuthFailure(401, "invalid_client", "The client_assertion is not a valid JWT.") from None
        client_id = client_id or unverified.get("iss")
        client = self.clients.get(client_id) if isinstance(client_id, str) else None
        if client is None:
            raise _OAuthFailure(401, "invalid_client", "Invalid value for 'client_id' parameter.")
        kid = header.get("kid")
        keys = client["keys"]
        if kid is not None:
            keys = [k for k in keys if k["kid"] == kid]
            if not keys:
                raise _OAuthFailure(
                    401, "invalid_client", "The client_assertion token has a kid which does not identify a client key."
                )
        elif len(keys) != 1:
            raise _OAuthFailure(
                401, "invalid_client", "The client_assertion token has no kid, and the client has several keys."
            )
        key = keys[0]
        alg = header.get("alg")
        if alg not in key["algs"]:
            raise _OAuthFailure(
                401, "invalid_client", f"The client_assertion alg {alg!r} does not match the client key type."
            )
        try:
            claims = jwt.decode(
                assertion,
                key["key"],
                algorithms=[alg],
                audience=token_url,
                options={
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_nbf": False,
                    "require": ["iss", "sub", "aud", "exp"],
                },
            )
        except jwt.InvalidSignatureError:
            raise _OAuthFailure(401, "invalid_client", "The client_assertion signature is invalid.") from None
        except jwt.InvalidAudienceError:
            raise _OAuthFailure(
                401,
                "invalid_client",
                "The audience claim for client_assertion must be the endpoint invoking the client_assertion.",
            ) from None
        except jwt.PyJWTError as exc:
            raise _OAuthFailure(401, "invalid_client", f"The client_assertion is invalid: {exc}.") from None
        if claims.get("iss") != client["client_id"] or claims.get("sub") != client["client_id"]:
            raise _OAuthFailure(401, "invalid_client", "The client_assertion iss and sub must be the client_id.")
        now = self.clock.now()
        exp = claims.get("exp")
        if not isinstance(exp, (int, float)) or exp <= now - SKEW:
            raise _OAuthFailure(401, "invalid_client", "The client_assertion token is expired.")
        if exp > now + MAX_ASSERTION_LIFETIME + SKEW:
            raise _OAuthFailure(
                401, "invalid_client", "The client_assertion token has an expiration too far into the future."
            )
        jti = claims.get("jti")
        if jti is not None:
            with self._lock:
                self._assertion_jtis = {j: e for j, e in self._assertion_jtis.items() if e > now - SKEW}
                if (client["client_id"], jti) in self._assertion_jtis:
                    raise _OAuthFailure(401, "invalid_client", "The client_assertion token has already been used.")
                self._assertion_jtis[(client["client_id"], jti)] = exp
        return client

    # ------------------------------------------------------------------ DPoP proofs
    def _check_proof(self, proof: str, method: str, url: str, access_token, need_nonce: bool) -> str:
        """The proof key's thumbprint (RFC 7638), or _OAuthFailure with Okta's error."""
        import jwt

        try:
            header = jwt.get_unverified_header(proof)
        except jwt.PyJWTError:
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof is not a valid JWT.") from None
        jwk = header.get("jwk")
        if header.get("typ") != "dpop+jwt":
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof typ header must be 'dpop+jwt'.")
        alg = header.get("alg")
        if alg not in RSA_ALGS + EC_ALGS or not isinstance(jwk, dict):
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof must carry an asymmetric alg and a jwk.")
        if any(p in jwk for p in ("d", "p", "q", "dp", "dq", "qi", "k")):
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof jwk must be a public key.")
        try:
            key = jwt.PyJWK(jwk, alg).key
            claims = jwt.decode(
                proof,
                key,
                algorithms=[alg],
                options={
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_aud": False,
                    "require": ["htm", "htu", "iat", "jti"],
                },
            )
        except (jwt.PyJWTError, ValueError, TypeError, KeyError) as exc:
            raise _OAuthFailure(400, "invalid_dpop_proof", f"The DPoP proof is invalid: {exc}.") from None
        if claims["htm"] != method:
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof htm does not match the request method.")
        if not _same_target(claims["htu"], url):
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof htu does not match the request URL.")
        now = self.clock.now()
        iat = claims["iat"]
        if not isinstance(iat, (int, float)) or abs(iat - now) > PROOF_WINDOW:
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof iat is not recent.")
        if access_token is not None and claims.get("ath") != _b64sha256(access_token):
            raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof ath does not match the access token.")
        if need_nonce and claims.get("nonce") != self.nonce:
            raise _OAuthFailure(
                400,
                "use_dpop_nonce",
                "Authorization server requires nonce in DPoP proof.",
                headers=[("DPoP-Nonce", self.nonce)],
            )
        with self._lock:
            self._proof_jtis = {j: t for j, t in self._proof_jtis.items() if t > now - 2 * PROOF_WINDOW}
            if claims["jti"] in self._proof_jtis:
                raise _OAuthFailure(400, "invalid_dpop_proof", "The DPoP proof jti has already been used.")
            self._proof_jtis[claims["jti"]] = iat
        return _thumbprint(jwk)

    # ------------------------------------------------------------------ API calls
    def bearer(self, credential: str, req) -> dict:
        rec = self._access(credential, req, "Bearer")
        if rec["jkt"]:
            raise _unauthorized(
                req,
                "Bearer",
                "invalid_token",
                "The access token is DPoP-bound; send it with the DPoP scheme and a proof.",
            )
        return self._principal(rec, req, "Bearer")

    def dpop(self, credential: str, req) -> dict:
        rec = self._access(credential, req, "DPoP")
        if not rec["jkt"]:
            raise _unauthorized(req, "DPoP", "invalid_token", "The access token is not DPoP-bound.")
        proof = req.header("DPoP")
        if not proof:
            raise _unauthorized(req, "DPoP", "invalid_dpop_proof", "The DPoP proof JWT header is missing.")
        client = self.clients.get(rec["client_id"]) or {}
        try:
            jkt = self._check_proof(
                proof,
                req.method,
                req.base + req.path,
                access_token=credential,
                need_nonce=bool(client.get("dpop_resource_nonce")),
            )
        except _OAuthFailure as f:
            raise _unauthorized(req, "DPoP", f.error, f.description, extra=f.headers) from None
        if jkt != rec["jkt"]:
            raise _unauthorized(
                req,
                "DPoP",
                "invalid_dpop_proof",
                "The DPoP proof key does not match the key the access token is bound to.",
            )
        return self._principal(rec, req, "DPoP")

    def _access(self, credential: str, req, scheme: str) -> dict:
        rec = self.tokens.get(credential)
        if rec is None or rec["exp"] <= self.clock.now():
            raise _unauthorized(req, scheme, "invalid_token", "The access token is invalid.")
        return rec

    @staticmethod
    def _principal(rec: dict, req, scheme: str) -> dict:
        need = scope_table.required(req.method, req.path)
        if need is not None and need not in rec["scopes"]:
            raise OktaError(
                "E0000006",
                headers=[
                    (
                        "WWW-Authenticate",
                        (
                            f'{scheme} realm="{req.base}", error="insufficient_scope", error_description="The access token '
                            f'provided does not contain the required scopes.", resource="{req.path}", scope="{need}"'
                        ),
                    )
                ],
            )
        return {
            "scheme": scheme,
            "token_id": None,
            "user_id": None,
            "client_id": rec["client_id"],
            "scopes": list(rec["scopes"]),
        }


def _unauthorized(req, scheme: str, error: str, description: str, extra=()) -> OktaError:
    challenge = (
        f'{scheme} authorization_uri="{req.base}/oauth2/v1/authorize", realm="{req.base}", '
        f'error="{error}", error_description="{description}"'
    )
    return OktaError("E0000011", headers=[("WWW-Authenticate", challenge)] + list(extra))


def _same_target(htu: str, url: str) -> bool:
    a, b = urlsplit(htu), urlsplit(url)
    return (a.scheme.lower(), a.netloc.lower(), unquote(a.path)) == (
        b.scheme.lower(),
        b.netloc.lower(),
        unquote(b.path),
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64sha256(text: str) -> str:
    return _b64(hashlib.sha256(text.encode("ascii")).digest())


def _thumbprint(jwk: dict) -> str:
    members = ("crv", "kty", "x", "y") if jwk.get("kty") == "EC" else ("e", "kty", "n")
    canonical = json.dumps({m: jwk[m] for m in members}, separators=(",", ":"), sort_keys=True)
    return _b64(hashlib.sha256(canonical.encode("utf-8")).digest())


def _algs(key) -> tuple:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if isinstance(key, rsa.RSAPublicKey):
        return RSA_ALGS
    if isinstance(key, ec.EllipticCurvePublicKey):
        return {"secp256r1": ("ES256",), "secp384r1": ("ES384",), "secp521r1": ("ES512",)}.get(key.curve.name, ())
    raise ValueError("only RSA and EC public keys are supported")


def _key_from_jwk(jwk: dict) -> dict:
    import jwt

    if not isinstance(jwk, dict) or any(p in jwk for p in ("d", "p", "q")):
        raise ValueError("each key must be a public JWK")
    key = jwt.PyJWK(jwk).key
    return {"kid": jwk.get("kid"), "key": key, "algs": _algs(key)}


def _key_from_pem(pem: str, kid) -> dict:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_public_key(pem.encode("ascii"))
    return {"kid": kid, "key": key, "algs": _algs(key)}
