"""Raw requests: what is refused before any request, and how paths are encoded."""

import pytest

from komand_okta.okta.http import raw
from komand_okta.okta.http.client import OktaClient


@pytest.mark.parametrize(
    "path, segments",
    [
        ("users/00u1", ["users", "00u1"]),
        ("/users/00u1", ["users", "00u1"]),
        ("/api/v1/users/00u1", ["users", "00u1"]),
        ("api/v1/users/00u1/", ["users", "00u1"]),
        ("/users/jane%40example.com", ["users", "jane@example.com"]),
        ("/users/jane+soc@example.com", ["users", "jane+soc@example.com"]),
        ("/users/a%2Fb@example.com", ["users", "a/b@example.com"]),
        ("/users/.hidden", ["users", ".hidden"]),
        ("/users/100%real", ["users", "100%real"]),
    ],
)
def test_accepted_paths(path, segments):
    assert raw.path_segments(path) == segments


def test_segments_are_encoded_by_the_client_one_by_one():
    assert (
        OktaClient.path(*raw.path_segments("/users/jane+soc@example.com")) == "/api/v1/users/jane%2Bsoc%40example.com"
    )
    assert OktaClient.path(*raw.path_segments("users/jane%40example.com")) == "/api/v1/users/jane%40example.com"
    assert OktaClient.path(*raw.path_segments("users/a%2Fb")) == "/api/v1/users/a%2Fb"


REFUSED_PATHS = [
    "",
    "   ",
    "/",
    "/api/v1",
    "/api/v1/",
    "https://evil.example.com/api/v1/users",
    "http://example.okta.com/api/v1/users",
    "HTTPS://x/y",
    "//evil.example.com/api/v1/users",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "users://x",
    "../users",
    "/users/../../oauth2/v1/token",
    "/users/./00u1",
    "/api/v1/..",
    "/users/..",
    "/users/%2e%2e/x",
    "/users/%2E%2E",
    "/users/%2e",
    "/users/%252e%252e/x",
    "/users/a%2F..%2Fb",
    "/users/%2e%2e%2f%2e%2e",
    "/users\\00u1",
    "/users/%5c..",
    "/users/%5C00u1",
    "/users/00u1\r\nHost: evil",
    "/users/\x00",
    "/users/%0d%0aX: y",
    "/users/%00",
    "/users/\t",
    "/users//00u1",
    "/users?limit=1",
    "/users#x",
    "/api/v2/users",
    "/api/v10/users",
    "/api",
    "/API/v1/users",
    "api/v1/api/v1/users",
]


@pytest.mark.parametrize("path", REFUSED_PATHS)
def test_refused_paths(path):
    with pytest.raises(raw.RawRequestRefused) as caught:
        raw.path_segments(path)
    assert caught.value.field == "path"


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "SSWS other"},
        {"authorization": "Bearer x"},
        {"AUTHORIZATION": "x"},
        {"Host": "evil.example.com"},
        {"host": "x"},
        {"Cookie": "sid=1"},
        {"DPoP": "x"},
        {"dpop": "x"},
        {"Proxy-Authorization": "x"},
        {"Content-Length": "1"},
        {"Transfer-Encoding": "chunked"},
        {"Connection": "close"},
        {"X-Ok": 1},
        {"X-Ok": None},
        {"X-Ok": "a\r\nAuthorization: x"},
        {"X-Ok": "a\nb"},
        {"Bad Name": "x"},
        {"X:Y": "x"},
        {"": "x"},
        ["X-Ok", "x"],
    ],
)
def test_refused_headers(headers):
    with pytest.raises(raw.RawRequestRefused) as caught:
        raw.check_headers(headers)
    assert caught.value.field == "headers"


HOP_BY_HOP = [
    "Expect",
    "Connection",
    "Upgrade",
    "TE",
    "Trailer",
    "Keep-Alive",
    "Proxy-Connection",
    "Proxy-Authenticate",
    "proxy-authorization",
    "Transfer-Encoding",
    "Content-Length",
    "expect",
]


@pytest.mark.parametrize("name", HOP_BY_HOP)
def test_hop_by_hop_and_framing_headers_are_refused_by_name(name):
    with pytest.raises(raw.RawRequestRefused) as caught:
        raw.check_headers({name: "100-continue"})
    assert caught.value.field == "headers" and name in caught.value.reason


@pytest.mark.parametrize("value", ["\u2603 snow", "\ud800", "caf\u00e9 \U0001f600"])
def test_a_header_value_that_is_not_latin1_is_refused_naming_the_header(value):
    with pytest.raises(raw.RawRequestRefused) as caught:
        raw.check_headers({"X-Note": value})
    assert "X-Note" in caught.value.reason and "Latin-1" in caught.value.reason


def test_a_latin1_header_value_is_accepted():
    assert raw.check_headers({"X-Note": "caf\u00e9"}) == {"X-Note": "caf\u00e9"}


def test_accepted_headers_and_query():
    assert raw.check_headers({"Accept-Language": "en", "X-Okta-User-Agent-Extended": "soar\tx"}) == {
        "Accept-Language": "en",
        "X-Okta-User-Agent-Extended": "soar\tx",
    }
    assert raw.check_query({"limit": 10, "activate": True, "expand": ["a", "b"], "x": None}) == {
        "limit": "10",
        "activate": "true",
        "expand": ["a", "b"],
    }
    with pytest.raises(raw.RawRequestRefused):
        raw.check_query({"search": {"nested": 1}})
