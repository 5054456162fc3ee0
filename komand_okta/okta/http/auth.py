"""How OktaClient authenticates: an API token (SSWS), or OAuth 2.0 client credentials.

The client asks its auth object for each request's headers (`headers(method, url)`), asks it
whether a 401 is worth one more try (`on_unauthorized(response, state)`: a DPoP nonce
challenge, or a token to refresh), and lets it explain 401/403 errors (`explain`).

`OAuthAuth` gets an access token from the org authorization server (`/oauth2/v1/token`) with a
freshly signed client assertion (`private_key_jwt`), caches it until a minute before it expires,
and, with DPoP, sends a proof with every request (RFC 9449), answering the server's nonce
challenges. PyJWT and cryptography are imported only when OAuth is configured.

Secrets handled here -- the private key, assertions, access tokens, DPoP proofs -- are never
logged nor put in error text.
"""

import collections
import re
from urllib.parse import urlsplit

import requests

from . import errors, failures

API_TOKEN = "api_token"
OAUTH = "oauth2_private_key_jwt"
TOKEN_PATH = "/oauth2/v1/token"
REFRESH_MARGIN = 60  # seconds before expiry when a cached access token is renewed
SCOPES_TAB = "its Okta API Scopes tab in the Okta Admin Console"
# 401 codes about the org, not the access token: a new token cannot help, so none is fetched
NOT_THE_TOKEN = {"E0000015"}  # the feature is not enabled in this org
_PARAM = re.compile(r'(\w+)="([^"]*)"')


class ApiTokenAuth:
    """`Authorization: SSWS <token>` (also any fixed Authorization header value)."""

    method = API_TOKEN

    def __init__(self, token: str, header: str = None):
        self._value = header if header is not None else "SSWS " + token

    @classmethod
    def from_header(cls, header: str) -> "ApiTokenAuth":
        return cls("", header=header)

    def headers(self, method: str, url: str) -> dict:
        return {"Authorization": self._value}

    def secrets(self) -> list:
        """Secrets made at run time (none: the token comes from the connection, masked already)."""
        return []

    def on_unauthorized(self, response, state: dict) -> bool:
        return False

    def explain(self, error, response, method: str, path: str):
        return error


class OAuthAuth:
    """OAuth 2.0 client credentials with a private_key_jwt client assertion, optionally with DPoP."""

    method = OAUTH

    def __init__(
        self,
        base_url: str,
        client_id: str,
        private_key_pem: str,
        key_id: str = None,
        scopes=(),
        dpop: bool = False,
        session=None,
        clock=None,
        log=None,
        timeout=(10, 60),
    ):
        from . import oauth  # lazily: only OAuth connections pay for PyJWT and cryptography

        self._oauth = oauth
        self.base_url = base_url.rstrip("/")
        self.token_url = self.base_url + TOKEN_PATH
        self.client_id = client_id
        self.scopes = list(scopes)
        self.dpop = bool(dpop)
        self._signer = oauth.Signer(private_key_pem, key_id)
        self._dpop_key = oauth.DpopKey() if self.dpop else None
        self.session = session  # OktaClient hands over its own session when None
        if clock is None:
            from komand_okta.clock import SystemClock

            clock = SystemClock()
        self.clock, self.log, self.timeout = clock, log, timeout
        self._token = None
        self._issued = collections.deque(maxlen=16)  # secrets minted lately, for the steps' redactors
        self._token_type = "Bearer"
        self._expires_at = 0.0
        self.granted_scopes = []
        self._token_nonce = None  # the authorization server's latest DPoP-Nonce
        self._resource_nonce = None  # the resource server's latest DPoP-Nonce

    # -- the client's interface --------------------------------------------------------------
    def headers(self, method: str, url: str) -> dict:
        token = self.access_token()
        headers = {"Authorization": "%s %s" % (self._token_type, token)}
        if self._dpop_key is not None:
            headers["DPoP"] = self._issue(
                self._dpop_key.proof(method, url, self.clock.now(), nonce=self._resource_nonce, access_token=token)
            )
        return headers

    def on_unauthorized(self, response, state: dict) -> bool:
        """Whether to send the request once more: a new DPoP nonce, or a refreshed token (once)."""
        challenge = _challenge(response)
        nonce = response.headers.get("DPoP-Nonce")
        if self._dpop_key is not None and challenge.get("error") == "use_dpop_nonce" and nonce:
            if state.get("nonces", 0) >= 2 or (nonce == self._resource_nonce and state.get("nonces")):
                return False
            state["nonces"] = state.get("nonces", 0) + 1
            self._resource_nonce = nonce
            self._log("debug", "Okta asked for a DPoP nonce; sending the request again with it")
            return True
        body = _json(response)
        if state.get("refreshed") or (isinstance(body, dict) and body.get("errorCode") in NOT_THE_TOKEN):
            return False
        state["refreshed"] = True
        self._token = None
        self._log("info", "Okta refused the access token (401); getting a new one and trying once more")
        return True

    def explain(self, error, response, method: str, path: str):
        challenge = _challenge(response)
        status = response.status_code
        if status == 403 and challenge.get("error") == "insufficient_scope":
            scope = challenge.get("scope") or scope_for(method, path) or "the scope this operation needs"
            missing = [s for s in scope.split() if s not in self.granted_scopes] or scope.split()
            add = [s for s in missing if s not in self.scopes]
            cause = "Okta refused %s %s: the access token lacks the scope %s." % (method, path, " ".join(missing))
            assistance = "Grant %s to the service app (on %s)" % (" ".join(missing), SCOPES_TAB)
            assistance += " and add it to the connection's scopes." if add else ", then run this again."
            return errors.OktaError(
                cause, assistance, error.data, status=status, code=error.code, response=error.response
            )
        if status == 403 and error.code == "E0000006":
            assistance = (
                "The service app lacks an admin role allowing this operation. Assign an admin role to the "
                "service app (its Admin roles tab in the Okta Admin Console), or check the object's state."
            )
        elif status == 401 and challenge.get("error") in ("invalid_dpop_proof", "use_dpop_nonce"):
            assistance = (
                "Okta refused the DPoP proof (%s). Check that the connection's dpop setting matches the "
                "service app's Require DPoP setting." % challenge.get("error")
            )
        elif status == 401 and error.code not in NOT_THE_TOKEN:
            assistance = (
                "Okta refused the OAuth access token even after getting a new one. Check that the service "
                "app is active and its scopes and admin roles are granted."
            )
        else:
            return error
        return errors.OktaError(
            error.cause, assistance, error.data, status=status, code=error.code, response=error.response
        )

    def secrets(self) -> list:
        """The secrets this auth minted lately (assertions, DPoP proofs, access tokens), so the
        client can mask them in the current step's log and errors."""
        return list(self._issued)

    def _issue(self, secret: str) -> str:
        self._issued.append(secret)
        return secret

    # -- access tokens -----------------------------------------------------------------------
    def access_token(self) -> str:
        if self._token is None or self.clock.now() >= self._expires_at:
            self._fetch_token()
        return self._token

    def _fetch_token(self) -> None:
        nonce_retry = False
        while True:
            response = self._post_token_request()
            body = _json(response)
            if response.status_code == 200 and isinstance(body, dict) and body.get("access_token"):
                break
            error = body.get("error") if isinstance(body, dict) else None
            nonce = response.headers.get("DPoP-Nonce")
            if error == "use_dpop_nonce" and nonce and self._dpop_key is not None and not nonce_retry:
                self._token_nonce, nonce_retry = nonce, True
                self._log("debug", "Okta's token endpoint asked for a DPoP nonce; asking again with it")
                continue
            raise self._token_error(response.status_code, body)
        now = self.clock.now()
        lifetime = _number(body.get("expires_in"), 3600)
        margin = REFRESH_MARGIN if lifetime > 2 * REFRESH_MARGIN else lifetime / 2
        self._token = self._issue(body["access_token"])
        self._token_type = "DPoP" if str(body.get("token_type", "")).lower() == "dpop" else "Bearer"
        self._expires_at = now + lifetime - margin
        granted = body.get("scope")
        self.granted_scopes = granted.split() if isinstance(granted, str) and granted.strip() else list(self.scopes)
        self._log(
            "info",
            "Got an OAuth access token for client %s (%s, valid %ds; scopes: %s)",
            self.client_id,
            self._token_type,
            lifetime,
            " ".join(self.granted_scopes),
        )

    def _post_token_request(self):
        now = self.clock.now()
        form = {
            "grant_type": "client_credentials",
            "scope": " ".join(self.scopes),
            "client_assertion_type": self._oauth.CLIENT_ASSERTION_TYPE,
            "client_assertion": self._issue(self._signer.assertion(self.client_id, self.token_url, now)),
        }
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        if self._dpop_key is not None:
            headers["DPoP"] = self._issue(self._dpop_key.proof("POST", self.token_url, now, nonce=self._token_nonce))
        if self.session is None:
            self.session = requests.Session()
        try:
            response = self.session.request(
                "POST", self.token_url, data=form, headers=headers, timeout=self.timeout, allow_redirects=False
            )
        except failures.TRANSPORT_ERRORS as exc:  # a token request changes nothing in Okta: never "applied"
            failure = failures.classify(exc, self.token_url)
            raise errors.unreachable("POST", TOKEN_PATH, failure.reason, False, failure.assistance) from None
        self._log("debug", "POST %s -> %d", TOKEN_PATH, response.status_code)
        return response

    def _token_error(self, status: int, body) -> errors.OktaError:
        body = body if isinstance(body, dict) else {}
        code = body.get("error") if isinstance(body.get("error"), str) else None
        description = body.get("error_description") if isinstance(body.get("error_description"), str) else ""
        if code is None and body.get("errorCode"):  # an Okta API-style error (e.g. 429 E0000047)
            return errors.from_response(status, body, "POST", TOKEN_PATH)
        what = "%s%s" % (code or "HTTP %d" % status, ": " + description if description else "")
        cause = "Okta's token endpoint refused the OAuth request for client %s (%s)." % (
            self.client_id,
            what.rstrip("."),
        )
        if code == "invalid_client":
            assistance = (
                "Check the client_id, that the public key registered on the service app matches the "
                "connection's private key, and key_id (the kid of that registered key, or empty when "
                "the app has a single key). The app's client authentication must be Public key / "
                "Private key."
            )
        elif code == "invalid_scope":
            assistance = (
                "Grant every requested scope to the service app (on %s), or remove the ones it does not "
                "need from the connection's scopes. Requested: %s." % (SCOPES_TAB, " ".join(self.scopes))
            )
        elif code in ("invalid_dpop_proof", "use_dpop_nonce"):
            assistance = (
                "Set the connection's dpop to match the service app's 'Require Demonstrating Proof of "
                "Possession (DPoP) header in token requests' setting (currently dpop is %s)."
                % ("true" if self.dpop else "false")
            )
        elif code == "unauthorized_client":
            assistance = "Allow the Client Credentials grant for the service app (an API Services app)."
        elif status == 429:
            assistance = errors.ASSISTANCE[429]
        elif status >= 500:
            assistance = errors.SERVER_ASSISTANCE
        else:
            assistance = "Check the connection's OAuth settings (client_id, private_key, key_id, scopes, dpop)."
        data = {key: body[key] for key in ("error", "error_description") if key in body}
        return errors.OktaError(cause, assistance, data or "", status=status, code=code)

    def _log(self, level, message, *args):
        if self.log is not None:
            getattr(self.log, level)(message, *args)


# Okta's management-API scope families by the first path segment(s) after /api/v1 (from the
# official spec's per-operation `security`), and Universal Logout's path on the org
# authorization server; GET reads, anything else manages. A sub-resource with its own family
# (users/*/risk) comes before its parent's.
_FAMILIES = (
    ("users/*/roles", "okta.roles"),
    ("groups/*/roles", "okta.roles"),
    ("users/*/risk", "okta.userRisk"),
    ("users", "okta.users"),
    ("groups", "okta.groups"),
    ("apps", "okta.apps"),
    ("zones", "okta.networkZones"),
    ("eventHooks", "okta.eventHooks"),
    ("logs", "okta.logs"),
    ("idps", "okta.idps"),
    ("meta/types/user", "okta.userTypes"),
    ("meta/schemas/user/linkedObjects", "okta.linkedObjects"),
    ("realms", "okta.realms"),
    ("policies", "okta.policies"),
    ("threats", "okta.threatInsights"),
    ("trustedOrigins", "okta.trustedOrigins"),
    ("behaviors", "okta.behaviors"),
    ("api-tokens", "okta.apiTokens"),
    ("sessions", "okta.sessions"),
    ("devices", "okta.devices"),
    ("oauth2/v1/global-token-revocation", "okta.universalLogout"),
)


def scope_for(method: str, path: str):
    """The OAuth scope an Okta API operation needs, or None when unknown."""
    segments = urlsplit(path).path.split("/api/v1/", 1)[-1].strip("/").split("/")
    for prefix, family in _FAMILIES:
        want = prefix.split("/")
        if len(segments) >= len(want) and all(w in ("*", s) for w, s in zip(want, segments)):
            return family + (".read" if method.upper() in ("GET", "HEAD") else ".manage")
    return None


def _challenge(response) -> dict:
    """The parameters of a `WWW-Authenticate: Bearer|DPoP k="v", …` header."""
    header = response.headers.get("WWW-Authenticate") or ""
    return {key.lower(): value for key, value in _PARAM.findall(header)}


def _json(response):
    try:
        return response.json() if response.content else None
    except ValueError:
        return None


def _number(value, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default
