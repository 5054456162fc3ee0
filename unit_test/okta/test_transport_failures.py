"""Failures without a complete answer, on real sockets: each fails quickly and says what happened.

A body cut short is retried for a read and called "may or may not have been applied" for a
write; a TLS failure and a refused connection fail at once (no retry, no wait), naming TLS or
the host and port, and the fix; no read ever says "may or may not have been applied".
Servers are scripted sockets on 127.0.0.1 (`servers`); the clock is fake, so nothing sleeps.
"""

import ssl

import pytest
import requests
from urllib3.exceptions import IncompleteRead, ProtocolError

from komand_okta.clock import FakeClock
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.http.destination import ALLOW_ENV
from komand_okta.okta.http.errors import OktaError

from .servers import Server, closed_port, reply, tls_server

AMBIGUOUS = "may or may not have been applied"
USER = b'{"id": "00u1", "status": "ACTIVE"}'
ENVIRONMENT = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    """No proxy or CA bundle from the machine running the tests; loopback https allowed (see each test)."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def client(base, clock=None):
    return OktaClient(base, "SSWS token-1234", clock=clock or FakeClock(), jitter=lambda: 0.0)


def failure(call) -> OktaError:
    with pytest.raises(OktaError) as caught:
        call()
    return caught.value


# -- a body cut short --------------------------------------------------------------------------


def test_a_read_whose_body_is_cut_short_is_retried_and_succeeds():
    clock = FakeClock()
    with Server([reply(body=USER[:10], length=len(USER)), reply(body=USER)]) as server:
        assert client("http://127.0.0.1:%d" % server.port, clock).get("/api/v1/users/00u1")["id"] == "00u1"
    assert len(server.requests) == 2 and clock.sleeps == [0.5]


def test_a_write_whose_body_is_cut_short_is_sent_once_and_says_it_may_have_been_applied():
    with Server([reply(body=USER[:10], length=len(USER))]) as server:
        error = failure(lambda: client("http://127.0.0.1:%d" % server.port).post("/api/v1/groups", json={}))
    assert len(server.requests) == 1
    assert "cut short" in error.cause and AMBIGUOUS in error.cause and "Check the object's state" in error.assistance


def test_a_read_cut_short_every_time_fails_without_saying_it_may_have_been_applied():
    with Server([reply(body=USER[:10], length=len(USER))]) as server:
        error = failure(lambda: client("http://127.0.0.1:%d" % server.port).get("/api/v1/users/00u1"))
    assert len(server.requests) == 5 and "cut short" in error.cause and AMBIGUOUS not in error.cause


CUT_SHORT = [
    requests.exceptions.ChunkedEncodingError(ProtocolError("Connection broken", IncompleteRead(8, 92))),
    requests.exceptions.ContentDecodingError("Received response with content-encoding: gzip, but failed"),
    requests.exceptions.ConnectionError(ProtocolError("Connection broken", IncompleteRead(8, 92))),
]


@pytest.mark.parametrize("exc", CUT_SHORT, ids=["chunked", "decoding", "incomplete-read"])
def test_a_read_cut_short_is_retried_like_a_dropped_connection(requests_mock, exc):
    requests_mock.get("https://example.okta.com/api/v1/users/00u1", [{"exc": exc}, {"json": {"id": "00u1"}}])
    assert client("https://example.okta.com").get("/api/v1/users/00u1") == {"id": "00u1"}


@pytest.mark.parametrize("exc", CUT_SHORT, ids=["chunked", "decoding", "incomplete-read"])
def test_a_write_cut_short_is_not_retried_and_says_it_may_have_been_applied(requests_mock, exc):
    requests_mock.post("https://example.okta.com/api/v1/groups", exc=exc)
    error = failure(lambda: client("https://example.okta.com").post("/api/v1/groups", json={}))
    assert requests_mock.call_count == 1 and AMBIGUOUS in error.cause


# -- TLS -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_https_to_a_plain_http_port_fails_at_once_naming_tls_and_the_port(monkeypatch, method):
    monkeypatch.setenv(ALLOW_ENV, "1")  # https to 127.0.0.1 is a private destination
    clock = FakeClock()
    with Server([reply(status="400 Bad Request")], eager=True) as server:
        error = failure(lambda: client("https://127.0.0.1:%d" % server.port, clock).request(method, "/api/v1/users"))
    assert "TLS" in error.cause and "does not speak TLS" in error.cause and "127.0.0.1:%d" % server.port in error.cause
    assert "port" in error.assistance and AMBIGUOUS not in error.cause
    assert clock.sleeps == [] and server.connections == 1


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_an_untrusted_certificate_fails_at_once_naming_the_ca_bundle_and_verify_ssl(monkeypatch, tmp_path, method):
    monkeypatch.setenv(ALLOW_ENV, "1")
    clock = FakeClock()
    with tls_server([reply(body=USER)], tmp_path) as (server, _):
        error = failure(lambda: client("https://127.0.0.1:%d" % server.port, clock).request(method, "/api/v1/users"))
    assert "TLS" in error.cause and "not trusted" in error.cause and "127.0.0.1:%d" % server.port in error.cause
    assert "REQUESTS_CA_BUNDLE" in error.assistance and "verify_ssl" in error.assistance
    assert AMBIGUOUS not in error.cause and clock.sleeps == [] and server.requests == []


def test_the_ca_bundle_the_tls_error_names_makes_the_certificate_trusted(monkeypatch, tmp_path):
    monkeypatch.setenv(ALLOW_ENV, "1")
    with tls_server([reply(body=USER)], tmp_path) as (server, ca_bundle):
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca_bundle)
        assert client("https://127.0.0.1:%d" % server.port).get("/api/v1/users/00u1")["id"] == "00u1"


# -- refused -------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_refused_connection_fails_at_once_naming_host_and_port(method):
    clock, port = FakeClock(), closed_port()
    error = failure(lambda: client("http://127.0.0.1:%d" % port, clock).request(method, "/api/v1/users"))
    assert "refused" in error.cause and "127.0.0.1:%d" % port in error.cause and "okta_url" in error.assistance
    assert AMBIGUOUS not in error.cause and clock.sleeps == []


@pytest.mark.parametrize(
    "code, ambiguous", [("TLSV1_ALERT_PROTOCOL_VERSION", False), ("UNEXPECTED_EOF_WHILE_READING", True)]
)
def test_a_write_is_called_maybe_applied_only_after_a_tls_failure_that_can_come_midway(requests_mock, code, ambiguous):
    error = ssl.SSLError(1, "[SSL: %s]" % code)
    error.reason = code
    requests_mock.post("https://example.okta.com/api/v1/groups", exc=requests.exceptions.SSLError(error))
    caught = failure(lambda: client("https://example.okta.com").post("/api/v1/groups", json={}))
    assert (AMBIGUOUS in caught.cause) is ambiguous and requests_mock.call_count == 1
