"""The plugin's connection: builds the Okta client from the connection input, and tests it.

Two ways to authenticate, exactly one of which must be configured (empty strings and an empty
`secretKey` count as not configured, as the UI sends them):

- API token: `okta_key` (`Authorization: SSWS …`), as in 3.5.1;
- OAuth 2.0 client credentials with private_key_jwt: `client_id` and `private_key`, optionally
  `key_id`, `scopes` (default: the spec's list, covering every action) and `dpop`.

PyJWT and cryptography are imported only for OAuth (`komand_okta.okta.http.oauth`, lazily).

Rate-limit windows are shared with the plugin's other processes (CLI runs, web workers) in a file
in the state directory (`RATE_FILE`, see `komand_okta.okta.http.windowfile`), per org and
credential (the API token, or the OAuth client: its limit is the app's, whatever token it holds).
Only with the real clock: a test's fake clock keeps its windows to itself.
"""

import copy
import re
from urllib.parse import urlsplit

from komand_okta.clock import SystemClock
from komand_okta.okta.http import destination
from komand_okta.okta.http.auth import API_TOKEN, OAUTH, ApiTokenAuth, OAuthAuth
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.http.errors import Error, OktaConnectionError
from komand_okta.okta.http.urls import normalize_base_url, normalize_token
from komand_okta.okta.http.windowfile import WindowFile
from komand_okta.runtime import spec
from komand_okta.runtime.errors import ConnectionTestError
from komand_okta.runtime.state import default_state_dir

METHODS_HELP = (
    "Configure exactly one: an API token in okta_key, or OAuth 2.0 with client_id and private_key "
    "(plus key_id, scopes and dpop as needed); leave the other method's fields empty."
)
RATE_FILE = "okta-rate-limits.json"
# For the OAuth connection test: one cheap read the granted scopes allow, in order of preference.
TEST_READS = (
    ("okta.users.read", "users"),
    ("okta.groups.read", "groups"),
    ("okta.apps.read", "apps"),
    ("okta.networkZones.read", "zones"),
    ("okta.logs.read", "logs"),
)


def user_agent() -> str:
    return "komand_okta/%s (Rapid7 InsightConnect plugin)" % spec.load().get("version", "0")


class Connection:
    def __init__(self, params: dict, log=None, clock=None, session=None):
        self.log = log
        self.base_url = normalize_base_url(params.get("okta_url"))
        parts = urlsplit(self.base_url)
        destination.check_host(parts.hostname, parts.scheme)
        self.private_allowed = destination.allow_private()
        self.method = auth_method(params)
        if self.method == API_TOKEN:
            credential = normalize_token(_secret(params.get("okta_key")))
            auth = ApiTokenAuth(credential)
        else:
            credential = "oauth " + _text(params.get("client_id"))
            auth = OAuthAuth(
                self.base_url,
                _text(params.get("client_id")),
                _secret(params.get("private_key")),
                key_id=_text(params.get("key_id")) or None,
                scopes=requested_scopes(params),
                dpop=params.get("dpop") is True,
                session=session,
                clock=clock,
                log=log,
            )
        self.auth = auth
        self.verify_ssl = params.get("verify_ssl") is not False
        shared = (
            WindowFile(default_state_dir() / RATE_FILE, self.base_url, credential)
            if clock is None or isinstance(clock, SystemClock)
            else None
        )
        self.client = OktaClient(
            self.base_url,
            auth,
            user_agent=user_agent(),
            session=session,
            clock=clock,
            log=log,
            verify_tls=self.verify_ssl,
            rate_file=shared,
        )
        self._warn_of_risks()

    def _warn_of_risks(self) -> None:
        """Every step's log says when the connection runs with a protection turned off."""
        if self.log is None:
            return
        if not self.verify_ssl:
            self.log.warning(
                "TLS certificate verification is OFF (verify_ssl is false): the connection to %s "
                "can be intercepted. Turn verify_ssl back on once diagnosis is done.",
                self.base_url,
            )
        if self.private_allowed:
            self.log.warning(
                "%s is set: the connection may send its credentials to private network addresses, "
                "not only to public Okta (cloud metadata and link-local addresses stay refused). "
                "Unset it unless Okta is reached through an internal gateway.",
                destination.ALLOW_ENV,
            )

    def bind(self, log) -> "Connection":
        """This connection for another step (web-server mode): same client, that step's log."""
        bound = copy.copy(self)
        bound.log, bound.client = log, self.client.bind(log)
        bound._warn_of_risks()
        return bound

    def test(self) -> dict:
        """One cheap authenticated read proves the domain, the credentials and read permission.

        With OAuth, getting the token proves the client, key and scopes; the read uses a scope
        that was granted, and the result names the granted scopes.
        """
        try:
            if self.method == API_TOKEN:
                self.client.get(self.client.path("users"), params={"limit": 1}, expect=list)
                return {"success": True, "auth_method": API_TOKEN}
            self.auth.access_token()
            granted = list(self.auth.granted_scopes)
            for scope, collection in TEST_READS:
                if scope in granted:
                    self.client.get(self.client.path(collection), params={"limit": 1}, expect=list)
                    break
        except Error as exc:
            raise ConnectionTestError(exc.cause, exc.assistance, exc.data) from None
        return {"success": True, "auth_method": OAUTH, "dpop": self.auth.dpop, "scopes": granted}


def auth_method(params: dict) -> str:
    """`api_token` or `oauth2_private_key_jwt`, or a connection error unless exactly one is configured."""
    token = _secret(params.get("okta_key"))
    client_id, private_key = _text(params.get("client_id")), _secret(params.get("private_key"))
    oauth = bool(client_id or private_key)
    if token and oauth:
        raise OktaConnectionError(
            "Both an API token (okta_key) and OAuth (client_id/private_key) are configured.", METHODS_HELP
        )
    if token:
        return API_TOKEN
    if not oauth:
        raise OktaConnectionError(
            "No authentication is configured: okta_key, client_id and private_key are empty.", METHODS_HELP
        )
    if not client_id:
        raise OktaConnectionError(
            "OAuth needs a client_id: private_key is set but client_id is empty.",
            "Set client_id to the Client ID of the Okta API Services app.",
        )
    if not private_key:
        raise OktaConnectionError(
            "OAuth needs a private_key: client_id is set but private_key is empty.",
            "Paste the PEM private key whose public key is registered on the service app.",
        )
    return OAUTH


def requested_scopes(params: dict) -> list:
    """The scopes to request: the connection's (split on spaces/commas, deduplicated) or the spec default."""
    raw = params.get("scopes")
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []
    scopes = []
    for item in items:
        for scope in re.split(r"[\s,]+", item) if isinstance(item, str) else []:
            if scope and scope not in scopes:
                scopes.append(scope)
    if scopes:
        return scopes
    return list(((spec.load().get("connection") or {}).get("scopes") or {}).get("default") or [])


def _secret(value) -> str:
    if isinstance(value, dict):
        value = value.get("secretKey")
    return value.strip() if isinstance(value, str) else ""


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


API_TOKEN_FIELDS = ("okta_url", "okta_key")


def sample_connection(example: dict) -> dict:
    """A sample message's connection uses the API token, the simplest of the methods."""
    return {key: value for key, value in example.items() if key in API_TOKEN_FIELDS}
