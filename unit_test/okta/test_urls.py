"""normalize_base_url / normalize_token: what an admin pastes into the connection."""

import pytest

from komand_okta.okta.http.errors import OktaConnectionError
from komand_okta.okta.http.urls import is_loopback, normalize_base_url, normalize_token


def test_a_bare_okta_domain_gets_https():
    assert normalize_base_url("example.okta.com") == "https://example.okta.com"


def test_a_trailing_slash_is_stripped():
    assert normalize_base_url("https://example.okta.com/") == "https://example.okta.com"


@pytest.mark.parametrize(
    "pasted",
    [
        "https://example.okta.com/api/v1",
        "https://example.okta.com/api/v1/",
        "https://example.okta.com/api/v1/users?limit=1",
        "example.okta.com/api/v1/users",
    ],
)
def test_a_pasted_api_path_is_stripped(pasted):
    assert normalize_base_url(pasted) == "https://example.okta.com"


def test_surrounding_whitespace_is_ignored():
    assert normalize_base_url("  https://example.okta.com \n") == "https://example.okta.com"


def test_the_host_is_lowercased():
    assert normalize_base_url("HTTPS://Example.OKTA.com") == "https://example.okta.com"


def test_a_preview_org_is_accepted():
    assert normalize_base_url("acme.oktapreview.com") == "https://acme.oktapreview.com"


def test_an_emea_org_is_accepted():
    assert normalize_base_url("https://acme.okta-emea.com/") == "https://acme.okta-emea.com"


def test_a_custom_domain_is_accepted():
    assert normalize_base_url("login.acme-corp.example") == "https://login.acme-corp.example"


def test_an_explicit_port_is_kept():
    assert normalize_base_url("https://login.acme.com:8443/api/v1") == "https://login.acme.com:8443"


@pytest.mark.parametrize(
    "admin, api",
    [
        ("acme-admin.okta.com", "https://acme.okta.com"),
        ("https://acme-admin.oktapreview.com/admin/dashboard", "https://acme.oktapreview.com"),
        ("acme-admin.okta-emea.com", "https://acme.okta-emea.com"),
    ],
)
def test_the_admin_console_domain_becomes_the_api_domain(admin, api):
    assert normalize_base_url(admin) == api


def test_a_custom_domain_ending_in_admin_is_left_alone():
    assert normalize_base_url("sso-admin.acme.com") == "https://sso-admin.acme.com"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.9.9.9", "http://127.9.9.9"),
        ("http://localhost:5000/api/v1", "http://localhost:5000"),
        ("http://[::1]:8080/", "http://[::1]:8080"),
    ],
)
def test_plain_http_is_allowed_to_a_loopback_host(url, expected):
    assert normalize_base_url(url) == expected


@pytest.mark.parametrize(
    "url", ["http://example.okta.com", "http://10.0.0.5:8080", "http://localhost.evil.com", "http://127.0.0.1.nip.io"]
)
def test_plain_http_to_anything_else_is_a_connection_error(url):
    with pytest.raises(OktaConnectionError) as info:
        normalize_base_url(url)
    assert "https" in info.value.cause


@pytest.mark.parametrize("url", ["ftp://example.okta.com", "file:///etc/passwd", "gopher://example.okta.com"])
def test_other_schemes_are_a_connection_error(url):
    with pytest.raises(OktaConnectionError):
        normalize_base_url(url)


@pytest.mark.parametrize("raw", [None, "", "   ", 42, {"url": "example.okta.com"}])
def test_an_empty_or_non_text_domain_is_a_connection_error(raw):
    with pytest.raises(OktaConnectionError) as info:
        normalize_base_url(raw)
    assert "okta_url" in info.value.cause or "Okta domain" in info.value.cause


@pytest.mark.parametrize(
    "url",
    [
        "https://",
        "not a domain",
        "https://exa mple.okta.com",
        "https://-bad-.okta.com",
        "https://example.okta.com:99999",
        "https://intranet",
        "https://under_score.okta.com",
    ],
)
def test_an_invalid_host_is_a_connection_error(url):
    with pytest.raises(OktaConnectionError):
        normalize_base_url(url)


def test_credentials_in_the_url_are_refused():
    with pytest.raises(OktaConnectionError):
        normalize_base_url("https://admin:secret@example.okta.com")


def test_the_connection_error_says_what_to_set():
    with pytest.raises(OktaConnectionError) as info:
        normalize_base_url("http://example.okta.com")
    assert "example.okta.com" in info.value.assistance and "okta_url" in info.value.assistance


def test_a_bad_domain_fails_before_any_request(requests_mock):
    from komand_okta.connection import Connection

    with pytest.raises(OktaConnectionError):
        Connection({"okta_url": "http://example.okta.com", "okta_key": {"secretKey": "tok"}})
    assert requests_mock.call_count == 0


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST", "127.0.0.1", "127.255.0.1", "::1"])
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["10.0.0.1", "example.okta.com", "localhost.example.com", "::2"])
def test_non_loopback_hosts(host):
    assert not is_loopback(host)


# -- token ---------------------------------------------------------------------------------------


def test_a_plain_token_is_kept():
    assert normalize_token("00abcDEF-ghi_123") == "00abcDEF-ghi_123"


@pytest.mark.parametrize("pasted", ["SSWS 00abc", "ssws 00abc", "SSWS   00abc", "  SSWS 00abc\n"])
def test_a_pasted_ssws_prefix_is_tolerated(pasted):
    assert normalize_token(pasted) == "00abc"


def test_surrounding_whitespace_in_the_token_is_ignored():
    assert normalize_token("\t00abc \n") == "00abc"


def test_a_token_merely_starting_with_ssws_is_kept():
    assert normalize_token("SSWSabc") == "SSWSabc"


@pytest.mark.parametrize("raw", [None, "", "   ", "00a bc", 12345])
def test_an_empty_or_malformed_token_is_a_connection_error(raw):
    with pytest.raises(OktaConnectionError) as info:
        normalize_token(raw)
    assert "okta_key" in info.value.cause


@pytest.mark.parametrize("raw", ["SSWS ", "  SSWS  ", "ssws"])
def test_a_pasted_ssws_prefix_alone_is_a_connection_error(raw):
    with pytest.raises(OktaConnectionError):
        normalize_token(raw)


def test_the_token_error_never_echoes_the_token():
    with pytest.raises(OktaConnectionError) as info:
        normalize_token("secret-part another-part")
    for text in (str(info.value), info.value.cause, info.value.assistance, info.value.data):
        assert "secret-part" not in text and "another-part" not in text
