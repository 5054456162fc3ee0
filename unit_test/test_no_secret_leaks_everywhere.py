"""Canary secrets never show, for every step, every way it can end, in both modes (issue 6 §3).

Canaries: the API token; the OAuth private key (a real RSA key generated here, so the token
request really happens (EC, ES256), and a fake PEM the connection refuses; the marker checked is the key's
body, so a fragment of it is caught too); the OAuth access token Okta hands out; and passwords,
recovery answers, hook secrets and custom header values in every secret-ish input.

Steps: every action, every trigger (one poll through TriggerRunner with a collecting dispatcher;
the event hook listener on 127.0.0.1 port 0), the task, and the connection test.
Okta's behaviour: plausible answers; 400/401/403/429/500 whose bodies echo the request's headers
and body (the worst case); a connection failure whose message quotes them.
Modes: CLI (in-process Plugin, its stderr stream and capsys) and web server (the WSGI App
in-process: response body, plus capsys for the log it writes to stderr).

Exception, by design: an action whose purpose is to return a secret may return it in its output
field (set_password's new_password is the canary plus appended characters); that one field of a
successful envelope is not scanned, everything else is.
"""

import io
import json
import re
import threading
from urllib.parse import parse_qs
from wsgiref.util import setup_testing_defaults

import pytest
import requests

from komand_okta.clock import FakeClock
from komand_okta.runtime import plugin as plugin_module
from komand_okta.runtime import spec as spec_module
from komand_okta.runtime.http import App
from komand_okta.runtime.plugin import Plugin
from komand_okta.runtime.redact import SECRET_KEY
from komand_okta.runtime.samples import sample_message
from komand_okta.runtime.triggers import TriggerRunner
from unit_test import factories as f

SPEC = spec_module.load()
TOKEN = "canary-apitok-4e8b1d9a73"
PASSWORD = "canary-pass-b27e5c10f9"
ANSWER = "canary-answ-6d03a8e4c1"
HOOK_SECRET = "canary-hooksec-91f2e7b4"
HEADER_VALUE = "canary-hdrval-3c5a9e0d17"
ACCESS_TOKEN = "canary-access-0a7d3f9e52"
FAKE_PEM_BODY = "CanaryPemBodyQ29ubm90QmVBS2V5Rm9yUmVhbA"
FAKE_PEM = "-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----\n" % FAKE_PEM_BODY


def _real_pem():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())  # EC: loading it is fast (an RSA key costs ~70 ms a load)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    # the key's body lines, each a marker: any one of them showing is a leak
    return pem, [line for line in pem.splitlines() if line and not line.startswith("-----")]


REAL_PEM, REAL_PEM_LINES = _real_pem()
CONNECTIONS = {
    "api-token": {"okta_url": "example.okta.com", "okta_key": {"secretKey": TOKEN}},
    "oauth": {
        "okta_url": "example.okta.com",
        "client_id": "0oaCanaryClient",
        "private_key": {"secretKey": REAL_PEM},
        "key_id": "kid1",
    },
    "oauth-fake-pem": {
        "okta_url": "example.okta.com",
        "client_id": "0oaCanaryClient",
        "private_key": {"secretKey": FAKE_PEM},
    },
}
# The access token and assertions are made at run time; their own test is below.
SECRETS = [TOKEN, PASSWORD, ANSWER, HOOK_SECRET, HEADER_VALUE, FAKE_PEM_BODY] + REAL_PEM_LINES

# Every secret-ish input of the spec, with its canary (test_every_secret_input_gets_a_canary keeps
# this complete: a new secret-looking field fails it until it is added here).
CANARY_INPUTS = {
    ("actions", "create_user", "credentials"): {
        "password": {"value": PASSWORD},
        "recovery_question": {"question": "Colour?", "answer": ANSWER},
    },
    ("actions", "set_password", "new_password"): PASSWORD,
    ("actions", "update_app_user", "credentials"): {"userName": "user@example.com", "password": {"value": PASSWORD}},
    ("actions", "create_event_hook", "secret"): HOOK_SECRET,
    ("actions", "update_event_hook", "secret"): HOOK_SECRET,
    ("actions", "create_event_hook", "headers"): {"X-Hook-Secret": HEADER_VALUE},
    ("actions", "update_event_hook", "headers"): {"X-Hook-Secret": HEADER_VALUE},
    ("actions", "raw_request", "body"): {"credentials": {"password": {"value": PASSWORD}}},
    ("actions", "raw_request", "headers"): {"X-Secret-Header": HEADER_VALUE},
    ("triggers", "okta_event_hook", "secret"): HOOK_SECRET,
}
NOT_SECRETS = {  # names that look secret-ish but carry no secret
    ("actions", "expire_password", "temp_password"),  # a boolean: whether to get a temporary password
    ("actions", "clear_user_sessions", "oauth_tokens"),  # a boolean
    ("actions", "create_event_hook", "auth_header"),
    ("actions", "update_event_hook", "auth_header"),
    ("triggers", "okta_event_hook", "auth_header"),  # header names
    ("actions", "create_user", "profile"),
    ("actions", "update_user", "profile"),
    ("actions", "update_app_user", "profile"),
    ("actions", "assign_user_to_app_sso", "appuser"),
    ("actions", "raw_request", "query"),
    ("actions", "revoke_user_tokens", "token_id"),  # the id of a refresh token, not the token
    ("actions", "revoke_api_token", "token"),
    ("actions", "restrict_api_token", "token"),  # an API token's id or name
}
# Output fields that exist to return a secret (generated, or derived from the input by design).
SECRET_OUTPUTS = {
    "set_password": "new_password",
    "reset_password": "reset_password_url",
    "expire_password": "temp_password",
    "activate_user": "activation_token",
    "reactivate_user": "activation_token",
}
OVERRIDES = {  # inputs that make the step do its real work (and send its secrets)
    "create_user": {"nextLogin": False},
    "okta_event_hook": {"port": 0, "register": True, "public_url": "https://hooks.example.com/okta/events"},
}


def step_input(section: str, name: str) -> dict:
    params = sample_message(SPEC, name)["body"]["input"]
    params.update(OVERRIDES.get(name, {}))
    for (sec, step, key), value in CANARY_INPUTS.items():
        if sec == section and step == name:
            params[key] = json.loads(json.dumps(value))
    return params


def message(section: str, name: str, connection: dict) -> dict:
    kind = section[:-1]
    body = {kind: name, "meta": {"jobId": "j1"}, "connection": connection, "input": step_input(section, name)}
    if section == "tasks":
        body["state"] = {}
    if section == "triggers":
        body["dispatcher"] = {"url": "http://127.0.0.1:9/events", "webhook_url": ""}
    return {"type": kind + "_start", "version": "v1", "body": body}


# -- Okta's behaviours ---------------------------------------------------------------------------
def _echo(request) -> str:
    return " | ".join("%s: %s" % item for item in request.headers.items()) + " | " + (request.text or "")


def plausible(request, context):
    path = request.path
    if path.endswith("/oauth2/v1/token"):
        return {
            "access_token": ACCESS_TOKEN,
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": " ".join(SPEC["connection"]["scopes"]["default"]),
        }
    if request.method == "DELETE":
        context.status_code = 204
        return None
    last = path.rstrip("/").rsplit("/", 1)[-1]
    if request.method == "GET" and last == "factors":
        return [{"id": "opf1", "factorType": "push", "provider": "OKTA", "status": "ACTIVE"}]
    if request.method == "GET" and last in (
        "users",
        "groups",
        "zones",
        "apps",
        "roles",
        "eventhooks",
        "logs",
        "idps",
        "realms",
        "policies",
        "user",
        "applinks",
    ):
        return []
    return f.user()


def echoing(status, token_endpoint=False):
    """Okta's API (or, with token_endpoint, its authorization server) failing with `status`."""

    def respond(request, context):
        echo = _echo(request)
        if request.path.endswith("/oauth2/v1/token"):
            if not token_endpoint:
                return plausible(request, context)
            context.status_code = status
            return {"error": "invalid_client", "error_description": echo}
        if token_endpoint:
            return plausible(request, context)
        context.status_code = status
        return {
            "errorCode": "E0000001",
            "errorSummary": "Api validation failed: %s" % echo,
            "errorCauses": [{"errorSummary": echo}],
        }

    respond.__name__ = ("token-echo-%d" if token_endpoint else "echo-%d") % status
    return respond


def connection_fails(request, context):
    raise requests.exceptions.ConnectionError("connection reset while sending %s" % _echo(request))


BEHAVIOURS = (
    [plausible]
    + [echoing(status) for status in (400, 401, 403, 429, 500)]
    + [echoing(status, token_endpoint=True) for status in (400, 401, 500)]
    + [connection_fails]
)


# -- running ---------------------------------------------------------------------------------------
class Collecting:
    def __init__(self):
        self.events = []

    def send(self, envelope):
        self.events.append(envelope)


def run_cli(msg, tmp_path):
    stderr, dispatcher = io.StringIO(), Collecting()
    runner = TriggerRunner(dispatcher, state_dir=tmp_path, max_polls=1) if msg["type"] == "trigger_start" else None
    envelope, _ = Plugin(clock=FakeClock(), stderr=stderr, debug=True).handle(msg, trigger_runner=runner)
    if runner is not None:
        from komand_okta.triggers import okta_event_hook

        okta_event_hook.close_all()  # stops the listener and deletes the hook it registered (logged)
    return {"envelope": envelope, "stderr": stderr.getvalue(), "events": dispatcher.events}


def run_connection_test_cli(msg, tmp_path):
    stderr = io.StringIO()
    envelope, _ = Plugin(clock=FakeClock(), stderr=stderr, debug=True).handle(msg, test=True)
    return {"envelope": envelope, "stderr": stderr.getvalue()}


def call_app(app, path, body):
    raw = json.dumps(body).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "CONTENT_LENGTH": str(len(raw)),
        "wsgi.input": io.BytesIO(raw),
    }
    setup_testing_defaults(environ)
    seen = {}
    chunks = app(environ, lambda status, headers: seen.update(status=status, headers=headers))
    return {"status": seen["status"], "headers": repr(seen["headers"]), "response": b"".join(chunks).decode()}


def run_web(msg, path):
    return call_app(App(debug=True), path, msg)


def sent_assertions(requests_mock) -> list:
    """The signed client assertions sent to the token endpoint: credentials too, never to be shown."""
    found = []
    for request in requests_mock.request_history:
        if request.path.endswith("/oauth2/v1/token"):
            found += parse_qs(request.text or "").get("client_assertion", [])
    return found


def leaks(places: dict, name: str, extra=()) -> list:
    found = []
    for place, value in places.items():
        if place == "envelope" and name in SECRET_OUTPUTS:
            value = json.loads(json.dumps(value))
            (value.get("body", {}).get("output") or {}).pop(SECRET_OUTPUTS[name], None)
        if place == "response" and name in SECRET_OUTPUTS:
            try:
                parsed = json.loads(value)
                (parsed.get("body", {}).get("output") or {}).pop(SECRET_OUTPUTS[name], None)
                value = parsed
            except ValueError:
                pass
        text = value if isinstance(value, str) else json.dumps(value)
        found += ["%s in %s" % (secret[:24], place) for secret in list(SECRETS) + list(extra) if secret in text]
    return found


@pytest.fixture(autouse=True)
def no_real_waits_and_loopback_listener(monkeypatch):
    from komand_okta.triggers import okta_event_hook

    monkeypatch.setattr(plugin_module, "SystemClock", FakeClock)  # the web App's plugins: retries never sleep
    from komand_okta.triggers import okta_event_hook_listener as hook_listener

    monkeypatch.setattr(okta_event_hook, "LISTEN_HOST", "127.0.0.1")
    original_init = hook_listener.HookListener.__init__

    def quick_to_stop(self, *args, **kwargs):  # shutdown() waits up to serve_forever's poll interval
        original_init(self, *args, **kwargs)
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    monkeypatch.setattr(hook_listener.HookListener, "__init__", quick_to_stop)
    yield
    okta_event_hook.close_all()


ANY = re.compile(r"https?://.*")


def _register(requests_mock, behaviour):
    import requests_mock as rm

    requests_mock._adapter._matchers.clear()
    requests_mock.register_uri(rm.ANY, ANY, json=behaviour)


STEPS = [(section, name) for section in ("actions", "triggers", "tasks") for name in sorted(SPEC.get(section) or {})]


@pytest.mark.parametrize("connection", sorted(CONNECTIONS))
@pytest.mark.parametrize("section,name", STEPS, ids=["%s:%s" % step for step in STEPS])
def test_no_canary_leaks_in_cli_mode(section, name, connection, requests_mock, capsys, tmp_path):
    problems = []
    for behaviour in BEHAVIOURS:
        _register(requests_mock, behaviour)
        result = run_cli(message(section, name, CONNECTIONS[connection]), tmp_path)
        printed = capsys.readouterr()
        result.update(stdout=printed.out, captured_stderr=printed.err)
        problems += ["%s: %s" % (behaviour.__name__, leak) for leak in leaks(result, name)]
    assert not problems, problems


@pytest.mark.parametrize("connection", sorted(CONNECTIONS))
@pytest.mark.parametrize("section,name", STEPS, ids=["%s:%s" % step for step in STEPS])
def test_no_canary_leaks_in_web_mode(section, name, connection, requests_mock, capsys):
    problems = []
    msg = message(section, name, CONNECTIONS[connection])
    # a trigger runs only from the CLI; the web server answers 405 and tests its connection
    routes = ["/api/v1/%s/%s/test" % (section, name)] + (
        [] if section == "triggers" else ["/api/v1/%s/%s" % (section, name)]
    )
    for behaviour in BEHAVIOURS:
        _register(requests_mock, behaviour)
        for route in routes:
            result = run_web(msg, route)
            printed = capsys.readouterr()
            result.update(stdout=printed.out, captured_stderr=printed.err)
            problems += ["%s %s: %s" % (route, behaviour.__name__, leak) for leak in leaks(result, name)]
        if section == "triggers":
            result = run_web(msg, "/api/v1/triggers/%s" % name)
            problems += ["run route: %s" % leak for leak in leaks(result, name)]
    assert not problems, problems


@pytest.mark.parametrize("connection", sorted(CONNECTIONS))
def test_no_canary_leaks_from_the_connection_test_in_either_mode(connection, requests_mock, capsys, tmp_path):
    msg = {"type": "connection_test", "version": "v1", "body": {"connection": CONNECTIONS[connection]}}
    problems = []
    for behaviour in BEHAVIOURS:
        _register(requests_mock, behaviour)
        cli = run_connection_test_cli(msg, tmp_path)
        web = call_app(App(debug=True), "/api/v1/connection/test", msg)
        printed = capsys.readouterr()
        places = dict(cli, **web, stdout=printed.out, captured_stderr=printed.err)
        problems += ["%s: %s" % (behaviour.__name__, leak) for leak in leaks(places, "connection")]
    assert not problems, problems


# -- the test means something ------------------------------------------------------------------
def test_every_secret_input_gets_a_canary():
    for section in ("actions", "triggers", "tasks"):
        for name, step in (SPEC.get(section) or {}).items():
            for key, field in (step.get("input") or {}).items():
                secretish = (
                    SECRET_KEY.search(key)
                    or key in ("credentials", "headers", "body")
                    or str(field.get("type")) in ("password", "credentials_input")
                )
                if secretish:
                    assert (section, name, key) in CANARY_INPUTS or (section, name, key) in NOT_SECRETS, (
                        "%s %s.%s looks secret: give it a canary" % (section, name, key)
                    )


@pytest.mark.parametrize("connection", ["api-token", "oauth"])
def test_the_canaries_really_reach_okta(connection, requests_mock, tmp_path):
    _register(requests_mock, plausible)
    for section, name in [
        ("actions", "create_user"),
        ("actions", "set_password"),
        ("actions", "create_event_hook"),
        ("actions", "raw_request"),
        ("triggers", "okta_event_hook"),
    ]:
        run_cli(message(section, name, CONNECTIONS[connection]), tmp_path)
    texts = " ".join((r.text or "") + repr(dict(r.headers)) for r in requests_mock.request_history)
    expected = [PASSWORD, ANSWER, HOOK_SECRET, HEADER_VALUE]
    expected += [TOKEN] if connection == "api-token" else [ACCESS_TOKEN]
    assert all(secret in texts for secret in expected), [s[:20] for s in expected if s not in texts]
    if connection == "oauth":
        token_requests = [r for r in requests_mock.request_history if r.path.endswith("/oauth2/v1/token")]
        assert token_requests and "client_assertion" in token_requests[0].text


def test_the_echoing_okta_really_puts_the_secrets_in_its_errors(requests_mock, tmp_path):
    _register(requests_mock, echoing(400))
    envelope = run_cli(message("actions", "create_user", CONNECTIONS["api-token"]), tmp_path)["envelope"]
    assert envelope["body"]["status"] == "error" and "********" in json.dumps(envelope)


@pytest.mark.parametrize("mode", ["cli", "web"])
@pytest.mark.parametrize("behaviour", [echoing(400), echoing(400, token_endpoint=True)], ids=lambda b: b.__name__)
def test_oauth_access_tokens_and_client_assertions_never_show(behaviour, mode, requests_mock, capsys, tmp_path):
    _register(requests_mock, behaviour)
    msg = message("actions", "get_user", CONNECTIONS["oauth"])
    result = run_cli(msg, tmp_path) if mode == "cli" else run_web(msg, "/api/v1/actions/get_user")
    printed = capsys.readouterr()
    result.update(stdout=printed.out, captured_stderr=printed.err)
    assert sent_assertions(requests_mock), "no token request was made"
    found = leaks(result, "get_user", [ACCESS_TOKEN] + sent_assertions(requests_mock))
    assert not found, found
