"""The requests adapter that checks where a connection really goes before opening it.

Why here: the address that matters is the one the socket connects to, known only once the name
is resolved. Checking the configured name earlier would let DNS rebinding through (a name that
resolves to a public address when checked and to 169.254.169.254 when used). So each new
connection resolves the host itself, refuses the whole connection if any address is outside
`destination`'s policy, and then connects to exactly the addresses it checked (never resolving
again); TLS still verifies the certificate against the host name.

Through a proxy (`HTTPS_PROXY`, honoured as requests always does, with `NO_PROXY`), the socket
goes to the proxy and the proxy resolves Okta's name: the proxy is the administrator's own
choice and is not checked, and the Okta host is checked only as configured (its literal
address or metadata name, when the connection is built).
"""

import os
import socket

from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family

from . import destination


class _Checked:
    """Mixin for urllib3 connections: resolve, check every address, connect to those addresses."""

    scheme = "http"

    def _new_conn(self):
        if self.proxy:  # the socket goes to the proxy, which resolves the Okta host itself
            return super()._new_conn()
        host = self._dns_host
        try:
            found = socket.getaddrinfo(host, self.port, allowed_gai_family(), socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        addresses = list(dict.fromkeys(info[4][0] for info in found))
        for address in addresses:
            destination.check_resolved(self.host, address, self.scheme)
        failure = None
        try:
            for address in addresses:
                self._dns_host = address  # an address literal: urllib3 connects without resolving again
                try:
                    return super()._new_conn()
                except (NewConnectionError, ConnectTimeoutError) as exc:
                    failure = exc
        finally:
            self._dns_host = host
        raise failure


class CheckedHTTPConnection(_Checked, HTTPConnection):
    scheme = "http"


class CheckedHTTPSConnection(_Checked, HTTPSConnection):
    scheme = "https"


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = CheckedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = CheckedHTTPSConnection


POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


class CheckedAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections (direct or via an HTTP(S) proxy) are checked ones."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = POOLS

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = POOLS
        return manager


def check_destinations(session):
    """`session` with every http and https connection checked against the destination policy."""
    adapter = CheckedAdapter()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def environment_read_once(session, base_url: str):
    """`session` with the proxy and CA-bundle environment read once, for the org, not per request.

    requests reads the environment on every request (HTTPS_PROXY, NO_PROXY, REQUESTS_CA_BUNDLE,
    CURL_CA_BUNDLE, ~/.netrc): two walks of os.environ each time, a fifth of web mode's CPU per
    action. Every request of a connection goes to its one org, so the answer is always the same
    and is read here, once, by requests' own rules. Turning requests' per-request reading off also
    keeps a ~/.netrc entry for the org's host from replacing the Authorization header.
    """
    session.proxies.update(get_environ_proxies(base_url))
    if session.verify is True:
        session.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    session.trust_env = False
    return session
