"""Authentication of API calls: ``Authorization: SSWS <token>``, plus the OAuth
``Bearer``/``DPoP`` schemes that ``oauth.OAuthServer`` registers (with scope checks).

Why: a wrong or missing token must fail the way Okta fails (401 E0000011 for
a bad token, 403 E0000005 for a missing or malformed header, api_facts §6).
Schemes are pluggable (``register_scheme``) so OAuth ``Bearer``/``DPoP`` can be
added later without touching the server.  With a store, the accepted tokens are listed as the
org's API tokens, and a token revoked there (``/api/v1/api-tokens``) stops working.
"""

import hmac

from .errors import OktaError
from .resources import api_tokens

# Paths outside /api/ that still need an authenticated caller.
PROTECTED = ("/oauth2/v1/global-token-revocation",)


class Authenticator:
    def __init__(self, tokens=(), store=None):
        self.tokens: dict[str, dict] = {}
        self.store = store
        self.schemes = {"SSWS": self._ssws}
        self.set_tokens(tokens)

    def set_tokens(self, tokens) -> None:
        self.tokens = {t: {"scheme": "SSWS", "token_id": f"00T{i:017d}", "user_id": None} for i, t in enumerate(tokens)}
        if self.store is not None:
            api_tokens.configure(self.store, [m["token_id"] for m in self.tokens.values()])

    @staticmethod
    def protects(path: str) -> bool:
        return path.startswith("/api/") or path.rstrip("/") in PROTECTED

    def register_scheme(self, name: str, handler) -> None:
        """``handler(credential, req) -> principal dict``; raise OktaError to refuse."""
        self.schemes[name.upper()] = handler

    def _ssws(self, credential: str, req) -> dict:
        for tok, meta in self.tokens.items():
            if hmac.compare_digest(tok.encode(), credential.encode()):
                if self.store is not None and not api_tokens.in_use(self.store, meta["token_id"]):
                    break  # revoked
                return meta
        raise OktaError("E0000011")

    def authenticate(self, req) -> dict:
        header = req.environ.get("HTTP_AUTHORIZATION")
        if not header:
            raise OktaError("E0000005")
        scheme, _, credential = header.strip().partition(" ")
        credential = credential.strip()
        if not credential:
            raise OktaError("E0000005")
        handler = self.schemes.get(scheme.upper())
        if handler is None:
            if scheme.upper() in ("BEARER", "DPOP"):
                # OAuth is not configured in this simulator yet: Okta's answer to an unknown token.
                raise OktaError(
                    "E0000011", headers=[("WWW-Authenticate", 'Bearer realm="IdpMyAccountAPI", error="invalid_token"')]
                )
            raise OktaError("E0000005")
        return handler(credential, req)
