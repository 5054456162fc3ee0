"""Signing for OAuth 2.0 client credentials with `private_key_jwt`, and DPoP proofs (RFC 9449).

Imported only when a connection uses OAuth (`auth.OAuthAuth` imports it lazily): PyJWT and
cryptography cost start-up time that API-token runs should not pay.

Nothing here logs or returns key material in error text: a bad key is described by what is
wrong with it, never by its content.
"""

import base64
import hashlib
import re
import uuid
from urllib.parse import urlsplit, urlunsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm

from .errors import OktaConnectionError

ASSERTION_LIFETIME = 300  # seconds; Okta allows up to an hour, a short life limits a leaked assertion
CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
KEY_HELP = (
    "Paste the private key (PEM, starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC "
    "PRIVATE KEY-----) whose public key is registered on the Okta service app."
)
_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.S)
_BASE64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")
_EC_ALGS = {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}


def _bad_key(cause: str) -> OktaConnectionError:
    return OktaConnectionError("The private key (private_key) %s." % cause, KEY_HELP)


def normalize_pem(raw) -> bytes:
    """A well-formed PEM from what an admin pasted.

    Accepts surrounding whitespace, literal `\\n` escapes, and a one-line paste where the line
    breaks became spaces: the header and footer are rebuilt and the base64 body re-wrapped.
    """
    text = raw.strip() if isinstance(raw, str) else ""
    if not text:
        raise _bad_key("is empty")
    text = text.replace("\\r", "").replace("\\n", "\n").replace("\r", "")
    blocks = list(_BLOCK.finditer(text))
    if not blocks:
        raise _bad_key("is not in PEM format (no -----BEGIN … PRIVATE KEY----- block was found)")
    keys = [b for b in blocks if "PRIVATE KEY" in b.group(1)]
    if not keys:
        if any("PUBLIC KEY" in b.group(1) or "CERTIFICATE" in b.group(1) for b in blocks):
            raise _bad_key("is a public key or certificate, not a private key")
        raise _bad_key("holds no private key block")
    label, body = keys[0].group(1), keys[0].group(2)
    if "ENCRYPTED" in label or "Proc-Type:" in body:
        raise _bad_key("is encrypted with a passphrase; export it without one (unencrypted PKCS#8)")
    b64 = "".join(body.split())
    if not b64 or not _BASE64.match(b64):
        raise _bad_key("has a damaged body (it is not valid base64)")
    lines = [b64[i : i + 64] for i in range(0, len(b64), 64)]
    return ("-----BEGIN %s-----\n%s\n-----END %s-----\n" % (label, "\n".join(lines), label)).encode("ascii")


def load_private_key(raw):
    """(key object, JWS alg): RS256 for RSA, ES256/384/512 for EC P-256/384/521."""
    pem = normalize_pem(raw)
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except TypeError:
        raise _bad_key("is encrypted with a passphrase; export it without one (unencrypted PKCS#8)") from None
    except (ValueError, Exception):
        raise _bad_key("could not be read as an RSA or EC private key") from None
    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < 2048:
            raise _bad_key("is an RSA key of %d bits; Okta requires at least 2048" % key.key_size)
        return key, "RS256"
    if isinstance(key, ec.EllipticCurvePrivateKey):
        alg = _EC_ALGS.get(key.curve.name)
        if alg is None:
            raise _bad_key("uses the curve %s; use P-256 (or P-384/P-521)" % key.curve.name)
        return key, alg
    raise _bad_key("is neither an RSA nor an EC key (%s)" % type(key).__name__.lstrip("_"))


class Signer:
    """Signs client assertions with the connection's private key."""

    def __init__(self, private_key, key_id: str = None):
        self._key, self.alg = load_private_key(private_key)
        self.key_id = key_id or None

    def assertion(self, client_id: str, audience: str, now: float) -> str:
        claims = {
            "iss": client_id,
            "sub": client_id,
            "aud": audience,
            "iat": int(now),
            "exp": int(now) + ASSERTION_LIFETIME,
            "jti": str(uuid.uuid4()),
        }
        headers = {"kid": self.key_id} if self.key_id else None
        return jwt.encode(claims, self._key, algorithm=self.alg, headers=headers)


class DpopKey:
    """An ephemeral P-256 key pair for DPoP proofs; its public JWK goes in each proof's header."""

    alg = "ES256"

    def __init__(self):
        self._key = ec.generate_private_key(ec.SECP256R1())
        self.jwk = ECAlgorithm.to_jwk(self._key.public_key(), as_dict=True)

    def proof(self, method: str, url: str, now: float, nonce: str = None, access_token: str = None) -> str:
        claims = {"htm": method.upper(), "htu": htu(url), "iat": int(now), "jti": str(uuid.uuid4())}
        if nonce:
            claims["nonce"] = nonce
        if access_token:
            claims["ath"] = ath(access_token)
        return jwt.encode(claims, self._key, algorithm=self.alg, headers={"typ": "dpop+jwt", "jwk": self.jwk})


def htu(url: str) -> str:
    """The proof's `htu`: the request URL without query and fragment."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def ath(access_token: str) -> str:
    digest = hashlib.sha256(access_token.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
