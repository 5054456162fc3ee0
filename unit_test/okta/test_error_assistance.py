"""Every explained error tells the analyst what to do: no error is built without an assistance text.

Read from the source (every place an explained error is constructed in komand_okta), and from the
errors whose text the okta package builds itself (Okta's answers, unreachable Okta, ambiguous names).
"""

import ast
from pathlib import Path

import pytest

from komand_okta.okta import apps, groups, hooks, users
from komand_okta.okta.http import errors

PACKAGE = Path(__file__).resolve().parents[2] / "komand_okta"
# Explained errors constructed as (cause, assistance, ...); the others build their own assistance.
CAUSE_THEN_ASSISTANCE = {
    "OktaError",
    "ClientError",
    "Error",
    "OktaConnectionError",
    "DestinationRefused",
    "AmbiguousUser",
    "PluginError",
    "ConnectionTestError",
    "RawRequestRefused",
}
NOT_EXPLAINED = {"RawRequestRefused"}  # (field, reason): turned into a ClientError with assistance by the action


def constructions():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                if name in CAUSE_THEN_ASSISTANCE - NOT_EXPLAINED:
                    yield "%s:%d %s" % (path.relative_to(PACKAGE.parent), node.lineno, name), node


def assistance_of(call: ast.Call):
    keyword = next((k.value for k in call.keywords if k.arg == "assistance"), None)
    return keyword if keyword is not None else (call.args[1] if len(call.args) > 1 else None)


def blank(node) -> bool:
    return node is None or (isinstance(node, ast.Constant) and not str(node.value).strip())


def test_the_source_builds_explained_errors():
    assert len(list(constructions())) > 50


@pytest.mark.parametrize(
    "where, call", list(constructions()), ids=lambda value: value if isinstance(value, str) else ""
)
def test_every_error_built_in_the_source_carries_an_assistance(where, call):
    assert not blank(assistance_of(call)), where


@pytest.mark.parametrize(
    "error",
    [
        errors.from_response(400, {"errorSummary": "bad"}, "POST", "/api/v1/users"),
        errors.from_response(418, None, "GET", "/api/v1/users"),
        errors.from_response(429, {}, "GET", "/api/v1/users", tries=5),
        errors.from_response(503, {}, "GET", "/api/v1/users", tries=3),
        errors.from_response(502, {}, "POST", "/api/v1/users", maybe_applied=True),
        errors.unreachable("GET", "/api/v1/users", "the connection timed out", maybe_applied=False),
        errors.unreachable("POST", "/api/v1/users", "Okta did not answer in time", maybe_applied=True),
        errors.InvalidIdentifier(".."),
        users.AmbiguousUser("2 Okta users have the email a@example.com.", "Give the ID."),
        groups.AmbiguousGroup("Staff", 2),
        apps.AmbiguousApp("Slack", 2),
        hooks.AmbiguousHook("SOAR", 2),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_the_okta_package_words_itself_carry_an_assistance(error):
    assert error.assistance.strip() and error.cause.strip()
