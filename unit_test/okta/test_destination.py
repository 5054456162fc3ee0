"""The token only goes where Okta is: non-public destinations are refused before any connection.

Two checks: the configured host when the connection is built, and every address a name
resolves to when a connection is opened (so DNS rebinding cannot get around the first).
Resolution is faked by replacing `socket.getaddrinfo` (address literals still resolve for real,
which needs no DNS) and every socket connect is spied on, so nothing leaves 127.0.0.1.
"""

import socket

import pytest

from komand_okta.clock import FakeClock
from komand_okta.connection import Connection
from komand_okta.okta.http import destination
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.http.destination import ALLOW_ENV
from komand_okta.okta.http.errors import DestinationRefused, OktaConnectionError, OktaError
from komand_okta.runtime.steplog import StepLog
from unit_test.conftest import run_step

from .servers import Server

REAL_GETADDRINFO = socket.getaddrinfo
PUBLIC = "93.184.216.34"
OKTA = "acme.okta.com"
REFUSED_URLS = [
    "https://169.254.169.254",
    "https://10.0.0.1",
    "https://192.168.1.1:8443",
    "https://[fd00::1]",
    "https://metadata.google.internal",
    "metadata.google.internal.",
    "https://172.16.5.4",
    "https://100.64.0.1",
    "https://127.0.0.1",
    "https://[::1]:8443",
    "https://[fe80::1]",
    "https://224.0.0.1",
    "https://0.0.0.0",
    "https://[::ffff:10.0.0.1]",
    "https://[fd00:ec2::254]",
    "https://100.100.100.200",
    "http://0.0.0.0:8080",
]
NEVER_ALLOWED = [
    "https://169.254.169.254",
    "https://metadata.google.internal",
    "https://[fe80::1]",
    "https://224.0.0.1",
    "https://0.0.0.0",
    "https://[fd00:ec2::254]",
    "https://100.100.100.200",
]


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", ALLOW_ENV):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def connects(monkeypatch):
    """Every socket connect attempted, refused without touching the network."""
    attempts = []

    def spy(sock, address):
        attempts.append(address[:2])
        raise ConnectionRefusedError(111, "Connection refused (spy)")

    monkeypatch.setattr(socket.socket, "connect", spy)
    return attempts


@pytest.fixture
def resolves(monkeypatch):
    """`resolves[name] = [addresses]` decides what a name resolves to (a list consumed per lookup if nested)."""
    table, lookups = {}, []

    def fake(host, port, family=0, type=0, proto=0, flags=0):
        if host not in table:
            return REAL_GETADDRINFO(host, port, family, type, proto, flags | socket.AI_NUMERICHOST)
        lookups.append(host)
        answer = table[host]
        addresses = answer.pop(0) if answer and isinstance(answer[0], list) else answer
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in addresses
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    table["lookups"] = lookups
    return table


def api_token(url):
    return {"okta_url": url, "okta_key": {"secretKey": "token-12345"}}


def client(base="https://" + OKTA, clock=None):
    return OktaClient(base, "SSWS token-12345", clock=clock or FakeClock(), jitter=lambda: 0.0)


# -- the configured host ------------------------------------------------------------------------


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_a_non_public_okta_url_is_refused_with_zero_connection_attempts(url, connects):
    result = run_step("action", "get_user", {"email": "a@example.com"}, connection=api_token(url))
    assert not result.ok and "okta_url" in result.error and "token-12345" not in result.error + result.stderr
    assert connects == []


@pytest.mark.parametrize("url", ["https://10.0.0.1", "https://[fd00::1]", "https://100.64.0.1"])
def test_the_refusal_of_a_private_address_names_the_opt_in(url):
    with pytest.raises(DestinationRefused) as caught:
        Connection(api_token(url))
    assert "not a public address" in caught.value.cause and ALLOW_ENV in caught.value.assistance


@pytest.mark.parametrize("url", NEVER_ALLOWED)
def test_metadata_link_local_multicast_and_unspecified_stay_refused_with_the_opt_in(url, monkeypatch):
    monkeypatch.setenv(ALLOW_ENV, "1")
    with pytest.raises(DestinationRefused) as caught:
        Connection(api_token(url))
    assert ALLOW_ENV not in caught.value.assistance


@pytest.mark.parametrize(
    "url", ["https://10.0.0.1", "https://192.168.1.1:8443", "https://[fd00::1]", "https://127.0.0.1:8443"]
)
def test_the_opt_in_allows_a_private_okta_url(url, monkeypatch):
    monkeypatch.setenv(ALLOW_ENV, "1")
    assert Connection(api_token(url)).base_url == url


@pytest.mark.parametrize(
    "value, allowed", [("1", True), ("true", True), ("YES", True), ("0", False), ("", False), ("no", False)]
)
def test_the_opt_in_takes_one_true_or_yes(value, allowed):
    assert destination.allow_private({ALLOW_ENV: value}) is allowed


def test_the_opt_in_is_warned_in_every_steps_log(monkeypatch):
    monkeypatch.setenv(ALLOW_ENV, "1")
    first, second = StepLog(stream=False), StepLog(stream=False)
    Connection(api_token("https://10.0.0.1"), log=first).bind(second)
    assert ALLOW_ENV in first.text() and ALLOW_ENV in second.text()


def test_without_the_opt_in_no_warning_is_logged():
    log = StepLog(stream=False)
    Connection(api_token("example.okta.com"), log=log)
    assert ALLOW_ENV not in log.text()


@pytest.mark.parametrize(
    "url",
    [
        "https://" + PUBLIC,
        "https://[2606:4700::6810:84e5]",
        "example.okta.com",
        "http://127.0.0.1:8080",
        "http://localhost:8080",
        "http://[::1]:8080",
    ],
)
def test_public_addresses_names_and_loopback_http_are_accepted(url):
    Connection(api_token(url))


@pytest.mark.parametrize(
    "address, kind",
    [
        ("10.1.2.3", "private"),
        ("100.64.0.1", "shared (carrier-grade NAT)"),
        ("169.254.1.1", "link-local"),
        ("169.254.169.254", "cloud metadata service"),
        ("fd12::1", "unique-local"),
        ("ff02::1", "multicast"),
        ("::", "unspecified"),
        ("64:ff9b::a00:1", "private"),
        ("2002:a00:1::1", "private"),
        ("::ffff:127.0.0.1", "loopback"),
        ("198.51.100.7", "reserved"),
        (PUBLIC, ""),
        ("2606:4700::6810:84e5", ""),
    ],
)
def test_addresses_are_classified_including_ipv4_inside_ipv6(address, kind):
    assert destination.kind_of(address) == kind


# -- the resolved address, at connect time -------------------------------------------------------


@pytest.mark.parametrize(
    "addresses", [["10.0.0.1"], ["169.254.169.254"], [PUBLIC, "192.168.0.10"], ["fd00::1"], ["::ffff:10.0.0.1"]]
)
def test_a_name_resolving_to_a_non_public_address_is_refused_before_connecting(addresses, resolves, connects):
    resolves[OKTA] = addresses
    with pytest.raises(DestinationRefused) as caught:
        client().get("/api/v1/users")
    assert "resolved to" in caught.value.cause and "No connection was made" in caught.value.cause
    assert connects == []


def test_a_name_resolving_to_a_public_address_connects_to_exactly_that_address(resolves, connects):
    resolves[OKTA] = [PUBLIC]
    with pytest.raises(OktaError):
        client().get("/api/v1/users")
    assert connects == [(PUBLIC, 443)]  # refused by the spy, once: a refused connection is not retried


def test_every_new_connection_resolves_again_so_dns_rebinding_is_refused(resolves, connects):
    resolves[OKTA] = [[PUBLIC], ["169.254.169.254"]]
    okta = client()
    with pytest.raises(OktaError):
        okta.get("/api/v1/users")
    with pytest.raises(DestinationRefused) as caught:
        okta.get("/api/v1/users")
    assert "169.254.169.254" in caught.value.cause and connects == [(PUBLIC, 443)]


def test_the_opt_in_lets_a_name_connect_to_a_private_address(resolves, connects, monkeypatch):
    monkeypatch.setenv(ALLOW_ENV, "1")
    resolves[OKTA] = ["10.0.0.1"]
    with pytest.raises(OktaError):
        client().get("/api/v1/users")
    assert connects == [("10.0.0.1", 443)]


def test_plain_http_connects_only_where_the_name_resolves_to_loopback(resolves, connects):
    resolves["localhost"] = ["10.0.0.1"]
    with pytest.raises(DestinationRefused) as caught:
        client("http://localhost:8080").get("/api/v1/users")
    assert "loopback" in caught.value.cause and connects == []


def test_the_oauth_token_request_is_checked_too(resolves, connects):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    pem = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        .decode()
    )
    resolves[OKTA] = ["10.0.0.1"]
    connection = Connection({"okta_url": OKTA, "client_id": "0oa1", "private_key": {"secretKey": pem}})
    with pytest.raises(DestinationRefused):
        connection.auth.access_token()
    assert connects == []


# -- through a proxy -----------------------------------------------------------------------------

FORBIDDEN = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"


def test_through_a_proxy_the_proxy_resolves_okta_and_the_proxy_itself_is_not_refused(resolves, monkeypatch):
    resolves[OKTA] = ["10.0.0.1"]  # would be refused if this process resolved the name
    with Server([FORBIDDEN]) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:%d" % proxy.port)
        with pytest.raises(OktaError) as caught:
            client().get("/api/v1/users")
    assert proxy.requests[0].startswith("CONNECT %s:443 " % OKTA) and resolves["lookups"] == []
    assert "proxy" in caught.value.cause and "HTTPS_PROXY" in caught.value.assistance


def test_a_host_listed_in_no_proxy_is_connected_directly_and_checked(resolves, connects, monkeypatch):
    resolves[OKTA] = ["10.0.0.1"]
    with Server([FORBIDDEN]) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:%d" % proxy.port)
        monkeypatch.setenv("NO_PROXY", OKTA)
        with pytest.raises(DestinationRefused):
            client().get("/api/v1/users")
    assert proxy.requests == [] and connects == []


def test_a_refusal_is_a_connection_error():
    assert issubclass(DestinationRefused, OktaConnectionError)


def test_a_netrc_entry_for_the_org_does_not_replace_the_api_token(monkeypatch, tmp_path, okta):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine example.okta.com login someone password not-the-token\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    okta.get("https://example.okta.com/api/v1/users/00u1", json={"id": "00u1"})
    OktaClient("https://example.okta.com", "SSWS the-token", clock=FakeClock()).get("/api/v1/users/00u1")
    assert okta.request_history[0].headers["Authorization"] == "SSWS the-token"
