"""The connection: exactly one authentication method, what the test reports, lazy OAuth imports."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from komand_okta.connection import Connection, auth_method, requested_scopes
from komand_okta.okta.http.errors import OktaConnectionError
from komand_okta.runtime import spec

from .conftest import API, BASE, TOKEN, run_step

ROOT = Path(__file__).resolve().parents[1]
TOKEN_URL = BASE + "/oauth2/v1/token"


@pytest.fixture(scope="module")
def pem():
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def oauth(pem, **extra):
    return dict(
        {
            "okta_url": "example.okta.com",
            "okta_key": {"secretKey": ""},
            "client_id": "0oa1",
            "private_key": {"secretKey": pem},
            "key_id": "",
            "scopes": ["okta.users.read"],
            "dpop": False,
        },
        **extra,
    )


@pytest.mark.parametrize(
    "okta_key,client_id,private_key,expected",
    [
        ("tok", "", "", "api_token"),
        ("tok", None, None, "api_token"),
        ("", "0oa1", "PEM", "oauth2_private_key_jwt"),
        (None, "0oa1", "PEM", "oauth2_private_key_jwt"),
        ("tok", "0oa1", "PEM", "Both an API token"),
        ("tok", "0oa1", "", "Both an API token"),
        ("tok", "", "PEM", "Both an API token"),
        ("", "", "", "No authentication is configured"),
        ("  ", "  ", " ", "No authentication is configured"),
        (None, None, None, "No authentication is configured"),
        ("", "0oa1", "", "needs a private_key"),
        ("", "", "PEM", "needs a client_id"),
    ],
)
def test_exactly_one_method_must_be_configured(okta_key, client_id, private_key, expected):
    params = {"okta_url": "example.okta.com"}
    if okta_key is not None:
        params["okta_key"] = {"secretKey": okta_key}
    if client_id is not None:
        params["client_id"] = client_id
    if private_key is not None:
        params["private_key"] = {"secretKey": private_key}
    if expected in ("api_token", "oauth2_private_key_jwt"):
        assert auth_method(params) == expected
        return
    with pytest.raises(OktaConnectionError) as caught:
        auth_method(params)
    assert expected in caught.value.cause
    if "Both" in expected or "No authentication" in expected:
        assert "exactly one" in caught.value.assistance


def test_a_conflicting_connection_fails_before_any_request(okta, pem):
    result = run_step(
        "action", "get_user", {"email": "a@example.com"}, connection=oauth(pem, okta_key={"secretKey": TOKEN})
    )
    assert not result.ok and "Both an API token" in result.error and "exactly one" in result.error
    assert okta.request_history == []


def test_scopes_default_to_the_spec_list_and_accept_spaces_and_commas():
    default = spec.load()["connection"]["scopes"]["default"]
    assert requested_scopes({}) == default and requested_scopes({"scopes": []}) == default
    assert requested_scopes({"scopes": ["okta.users.read okta.groups.read", "okta.users.read,okta.apps.read"]}) == [
        "okta.users.read",
        "okta.groups.read",
        "okta.apps.read",
    ]


def test_the_api_token_connection_test_reports_the_method(okta):
    okta.get(API + "/users?limit=1", json=[])
    result = run_step("action", "get_user", {"email": "a@example.com"}, test=True)
    assert result.ok and result.output == {"success": True, "auth_method": "api_token"}


def test_the_oauth_connection_test_reports_the_method_and_granted_scopes(okta, pem):
    okta.post(
        TOKEN_URL,
        json={
            "token_type": "Bearer",
            "expires_in": 3600,
            "access_token": "at-123456",
            "scope": "okta.users.read okta.groups.read",
        },
    )
    okta.get(API + "/users?limit=1", json=[])
    result = run_step(
        "action",
        "get_user",
        {"email": "a@example.com"},
        test=True,
        connection=oauth(pem, scopes=["okta.users.read", "okta.groups.read"]),
    )
    assert result.ok, result.envelope
    assert result.output == {
        "success": True,
        "auth_method": "oauth2_private_key_jwt",
        "dpop": False,
        "scopes": ["okta.users.read", "okta.groups.read"],
    }
    assert [r.path for r in okta.request_history] == ["/oauth2/v1/token", "/api/v1/users"]
    assert okta.request_history[-1].headers["Authorization"] == "Bearer at-123456"
    assert "at-123456" not in result.stderr


def test_the_oauth_connection_test_reads_with_a_granted_scope(okta, pem):
    okta.post(
        TOKEN_URL, json={"token_type": "Bearer", "expires_in": 3600, "access_token": "at-1", "scope": "okta.logs.read"}
    )
    okta.get(API + "/logs?limit=1", json=[])
    result = run_step(
        "action", "get_user", {"email": "a@example.com"}, test=True, connection=oauth(pem, scopes=["okta.logs.read"])
    )
    assert result.ok and result.output["scopes"] == ["okta.logs.read"]


def test_a_failed_token_request_is_a_connection_test_failure(okta, pem):
    okta.post(TOKEN_URL, status_code=401, json={"error": "invalid_client", "error_description": "bad signature"})
    result = run_step("action", "get_user", {"email": "a@example.com"}, test=True, connection=oauth(pem))
    assert not result.ok and result.error.startswith("Connection test failed!") and "invalid_client" in result.error
    assert pem.splitlines()[1] not in result.error + result.stderr


def test_an_api_token_connection_does_not_import_the_oauth_stack():
    code = (
        "import sys, json\n"
        "from komand_okta.connection import Connection\n"
        "Connection({'okta_url': 'example.okta.com', 'okta_key': {'secretKey': 'tok'}})\n"
        "print(json.dumps([m for m in ('jwt', 'cryptography', 'komand_okta.okta.http.oauth') if m in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_an_oauth_connection_builds_its_auth(pem):
    connection = Connection(oauth(pem, dpop=True, key_id="k1"))
    assert connection.method == "oauth2_private_key_jwt" and connection.client.auth is connection.auth
    assert connection.auth.dpop and connection.auth.scopes == ["okta.users.read"]
    assert connection.auth.session is connection.client.session


def test_tls_verification_is_on_by_default():
    from komand_okta.connection import Connection

    connection = Connection({"okta_url": "example.okta.com", "okta_key": {"secretKey": "tok12345"}})
    assert connection.client.session.verify is not False


def test_turning_tls_verification_off_warns_in_every_steps_log():
    from komand_okta.connection import Connection
    from komand_okta.runtime.steplog import StepLog

    first, second = StepLog(stream=False), StepLog(stream=False)
    connection = Connection(
        {"okta_url": "example.okta.com", "okta_key": {"secretKey": "tok12345"}, "verify_ssl": False}, log=first
    )
    connection.bind(second)
    assert connection.client.session.verify is False
    assert "verification is OFF" in first.text() and "verification is OFF" in second.text()
