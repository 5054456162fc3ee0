"""Every action, fed a canary token and canary passwords, never shows them anywhere.

Okta is mocked twice: once answering plausibly, once answering with errors that echo the
secrets back (the worst case), so both the success and the error paths are checked. stdout,
stderr (at debug level) and the envelope's log, output and error must all be clean.
"""

import io
import json
import re

import pytest

from komand_okta.clock import FakeClock
from komand_okta.runtime import spec as spec_module
from komand_okta.runtime.plugin import Plugin
from komand_okta.runtime.samples import sample_message
from unit_test import factories as f

TOKEN = "canary-tok-5d1e9b7f3a"
PASSWORD = "canary-pw-0c4f8e2a6b"
ANSWER = "canary-answer-93b1d7"
SECRETS = (TOKEN, PASSWORD, ANSWER)
ACTIONS = sorted(spec_module.load().get("actions") or {})
ANY = re.compile(r"https://example\.okta\.com/.*")


def message_for(action: str) -> dict:
    message = sample_message(spec_module.load(), action)
    message["body"]["connection"] = {"okta_url": "example.okta.com", "okta_key": {"secretKey": TOKEN}}
    params = message["body"]["input"]
    if action == "create_user":
        params["credentials"] = {
            "password": {"value": PASSWORD},
            "recovery_question": {"question": "Colour?", "answer": ANSWER},
        }
        params["nextLogin"] = False
    return message


def plausible(request, context):
    if request.method == "GET" and request.path.endswith(("/factors", "/groups", "/zones", "/users")):
        return [] if "factors" not in request.path else [{"id": "opf1", "factorType": "push", "status": "ACTIVE"}]
    return f.user()


def echoing(request, context):
    """An error quoting back everything the request carried: its auth header and body."""
    context.status_code = 400
    return {
        "errorCode": "E0000001",
        "errorSummary": "Api validation failed: %s" % (request.text or ""),
        "errorCauses": [
            {"errorSummary": request.headers.get("Authorization", "")},
            {"errorSummary": request.text or ""},
        ],
    }


@pytest.mark.parametrize("answer", [plausible, echoing], ids=["okta-answers", "okta-echoes-secrets"])
@pytest.mark.parametrize("action", ACTIONS)
def test_no_secret_appears_in_stdout_stderr_or_the_envelope(action, answer, requests_mock, capsys):
    for method in ("GET", "POST", "PUT", "DELETE"):
        requests_mock.register_uri(method, ANY, json=answer)
    stderr = io.StringIO()
    plugin = Plugin(clock=FakeClock(), stderr=stderr, debug=True)
    message = message_for(action)
    given = [secret for secret in SECRETS if secret in json.dumps(message)]
    envelope, _ = plugin.handle(message)
    printed = capsys.readouterr()
    for place, text in (
        ("envelope", json.dumps(envelope)),
        ("stderr", stderr.getvalue()),
        ("stdout", printed.out),
        ("stderr (captured)", printed.err),
    ):
        for secret in given:
            assert secret not in text, "%s leaked into %s" % (secret, place)


def test_the_canary_really_reaches_okta_so_the_check_means_something(requests_mock):
    requests_mock.register_uri("POST", ANY, json=f.user())
    requests_mock.register_uri("GET", ANY, json=[])
    Plugin(clock=FakeClock(), stderr=io.StringIO()).handle(message_for("create_user"))
    sent = [r for r in requests_mock.request_history if r.method == "POST"]
    assert sent and sent[0].headers["Authorization"] == "SSWS " + TOKEN and PASSWORD in sent[0].text
