"""Why no (complete) answer came back from Okta, read from requests' and urllib3's nested exceptions.

Why a module: the client must decide, for each such failure, whether Okta can have received the
request (so whether a write "may or may not have been applied"), whether another try can help,
and what the administrator should do, and the OAuth token request needs the same reading. The
answers differ a lot: a TLS failure or a refused connection will not heal in the next seconds
and tells of a wrong URL, port, proxy or CA, so it is reported at once with its fix; a timeout
or a dropped connection is worth a retry when that cannot apply a change twice; an answer cut
short means Okta did receive the request.
"""

import http.client
import ssl
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import (
    ConnectTimeoutError,
    IncompleteRead,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ReadTimeoutError,
)

# what requests raises when no complete answer arrived (the client catches exactly these)
TRANSPORT_ERRORS = (
    requests.exceptions.ConnectionError,
    requests.exceptions.Timeout,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)
NOT_TLS = {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "UNKNOWN_PROTOCOL", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG"}
CA_FIX = (
    "If a TLS-inspecting proxy or a private certificate authority sits between this plugin and Okta, "
    "give its CA bundle (PEM) in the REQUESTS_CA_BUNDLE environment variable. Setting the connection's "
    "verify_ssl to false turns certificate checks off; use it only to diagnose."
)
PORT_FIX = (
    "Check the port in okta_url: Okta's API is https on port 443. Plain http:// is only for a simulator on "
    "this machine."
)


class Failure:
    """One transport failure: `reason` (for logs and errors), whether the request may have reached
    Okta (`sent`), whether retrying can help (`retryable`), and an `assistance` when it is specific."""

    def __init__(self, reason: str, sent: bool, retryable: bool = True, assistance: str | None = None):
        self.reason, self.sent, self.retryable, self.assistance = reason, sent, retryable, assistance


def classify(exc: BaseException, url: str) -> Failure:
    chain = list(_chain(exc))
    where = _where(chain, url)
    via_proxy = any(isinstance(e, (ProxyError, requests.exceptions.ProxyError)) for e in chain)
    tls = next((e for e in chain if isinstance(e, ssl.SSLError)), None)
    if tls is not None or isinstance(exc, requests.exceptions.SSLError):
        return _tls(tls, where)
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return Failure(
            "the connection to %s%s was refused" % ("the proxy " if via_proxy else "", where),
            sent=False,
            retryable=False,
            assistance=_refused_fix(via_proxy),
        )
    if via_proxy:
        tunnel = next((str(e) for e in chain if str(e).startswith("Tunnel connection failed")), "")
        return Failure(
            "the proxy could not open a connection to %s%s" % (where, " (%s)" % tunnel if tunnel else ""),
            sent=False,
            assistance=_refused_fix(via_proxy=True),
        )
    if any(isinstance(e, NameResolutionError) for e in chain):
        return Failure("the name %s could not be resolved" % where.rsplit(":", 1)[0], sent=False)
    if isinstance(exc, requests.exceptions.ConnectTimeout) or any(isinstance(e, ConnectTimeoutError) for e in chain):
        return Failure("the connection to %s timed out" % where, sent=False)
    if any(isinstance(e, NewConnectionError) for e in chain):
        return Failure("a connection to %s could not be opened" % where, sent=False)
    if isinstance(exc, requests.exceptions.Timeout) or any(isinstance(e, ReadTimeoutError) for e in chain):
        return Failure("Okta did not answer in time", sent=True)
    if isinstance(exc, (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError)) or any(
        isinstance(e, (IncompleteRead, http.client.IncompleteRead)) for e in chain
    ):
        return truncated()
    if any(isinstance(e, ProtocolError) for e in chain):
        return Failure("the connection was dropped before Okta's answer", sent=True)
    return Failure("the connection failed or was dropped", sent=True)


def truncated() -> Failure:
    """Okta's answer arrived cut short (or not as JSON): Okta received the request."""
    return Failure("Okta's answer was cut short", sent=True)


def _tls(error, where: str) -> Failure:
    if isinstance(error, ssl.SSLCertVerificationError):
        detail = getattr(error, "verify_message", None) or getattr(error, "reason", None) or "certificate verify failed"
        return Failure(
            "the TLS connection to %s failed: its certificate is not trusted (%s)" % (where, detail),
            sent=False,
            retryable=False,
            assistance=CA_FIX,
        )
    code = getattr(error, "reason", None)
    if code in NOT_TLS:
        return Failure(
            "the TLS connection to %s failed: the server there does not speak TLS (%s), as when https "
            "points at a plain-http port" % (where, code),
            sent=False,
            retryable=False,
            assistance=PORT_FIX,
        )
    detail = code or (str(error) if error is not None else "TLS error")
    # a handshake failure (an alert, a protocol or cipher mismatch) comes before any request; an
    # unexpected EOF or a damaged record can also come mid-answer, so a change may have been applied
    midway = not code or "EOF" in code or "RECORD_MAC" in code
    return Failure(
        "the TLS connection to %s failed (%s)" % (where, detail),
        sent=midway,
        retryable=False,
        assistance="Check that okta_url names Okta's https endpoint and port (443) and that no proxy or "
        "firewall interferes with TLS (HTTPS_PROXY, NO_PROXY). " + CA_FIX,
    )


def _refused_fix(via_proxy: bool) -> str:
    if via_proxy:
        return "Check the proxy in HTTPS_PROXY (host and port), or list the Okta domain in NO_PROXY."
    return (
        "Check the host and port in okta_url (Okta's API is https on port 443), and any proxy (HTTPS_PROXY, "
        "NO_PROXY) or firewall between this plugin and Okta."
    )


def _where(chain, url: str) -> str:
    """`host:port` of the peer the failed connection was for (the proxy's, when it was the proxy)."""
    conn = next((e.conn for e in chain if isinstance(e, NewConnectionError) and getattr(e, "conn", None)), None)
    if conn is not None and getattr(conn, "host", None):
        host, port = conn.host, conn.port
    else:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
    return "%s:%s" % ("[%s]" % host if ":" in host else host, port)


def _chain(exc):
    """`exc` and every exception it wraps (urllib3's `reason`, exception arguments, causes)."""
    seen, todo = set(), [exc]
    while todo:
        current = todo.pop(0)
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(
            [
                getattr(current, "reason", None),
                current.__cause__,
                current.__context__,
                *[arg for arg in current.args if isinstance(arg, BaseException)],
            ]
        )
