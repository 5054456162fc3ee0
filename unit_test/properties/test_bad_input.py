"""Bad input, generated from the spec (issue 6 §3): every case ends in a clean error envelope, or
in requests whose path segments are correctly encoded; never a traceback, never a request for
input the schema refuses.

(a) Invalid inputs (wrong JSON type, value outside an enum, required field missing / null / "" /
    whitespace-only, wrong inner shape of a custom type or array), for every action, trigger and
    the task: an error envelope whose `exception.cause` names the field, and no HTTP request at
    all (requests_mock with nothing registered: any request is recorded and fails the test).
(b) Well-typed inputs with hostile strings, for every action: either a clean error envelope
    (`exception` present, no traceback text) or requests whose paths are exactly what
    `OktaClient.path` built from the segments it was given, each segment percent-encoded so that
    it decodes back to the value, with no `.`/`..` segment (which requests/urllib3 would resolve,
    sending the call to another resource), no `?`/`#` leaking out of a segment, under /api/v1/.

Runs use FakeClock, so retries never sleep; how many examples, and whether the same ones every
run, is the Hypothesis profile's (unit_test/conftest.py).
"""

import re
from unittest import mock
from urllib.parse import unquote, urlsplit

import pytest
import requests_mock
from hypothesis import given
from hypothesis import strategies as st

from komand_okta.okta import logout
from komand_okta.okta.http.client import API_PREFIX, OktaClient
from unit_test import factories as f
from unit_test.conftest import run_step
from unit_test.properties import strategies as s

STEPS = [(kind, name) for kind in ("action", "trigger", "task") for name in s.names(kind)]
ACTIONS = s.names("action")
ANY_URL = re.compile(r".*")
# Okta operations outside /api/v1 at a path no input takes part in (Universal Logout names the
# user in its body): a request there must be to exactly that path.
FIXED_PATHS = {logout.PATH}
COLLECTIONS = {
    "users",
    "groups",
    "zones",
    "apps",
    "factors",
    "roles",
    "eventHooks",
    "logs",
    "idps",
    "realms",
    "policies",
    "user",
    "appLinks",
    "sessions",
}


def _cause_names(cause: str, field: str) -> bool:
    return re.search(r"'%s(?:'|\.)" % re.escape(field), cause) is not None


# -- (a) invalid inputs: refused, naming the field, before any request ---------------------------
@pytest.mark.parametrize("kind,name", STEPS, ids=["%s:%s" % step for step in STEPS])
def test_invalid_input_is_refused_naming_the_field_without_any_request(kind, name):
    if s.invalid_inputs(kind, name).is_empty:
        pytest.skip("%s has no input that can be wrong" % name)

    @given(case=s.invalid_inputs(kind, name))
    def check(case):
        params, field, how = case
        with requests_mock.Mocker() as m:  # nothing registered: a request raises NoMockAddress
            result = run_step(kind, name, params)
        assert not m.called, "%s %s (%s) sent %s" % (name, field, how, [r.url for r in m.request_history])
        assert not result.ok and result.body["status"] == "error", (field, how, result.envelope)
        assert "No mock address" not in (result.error or "")
        assert result.exception is not None, result.error
        assert _cause_names(result.exception["cause"], field), (field, how, result.exception["cause"])
        assert "Traceback" not in result.error and "Traceback" not in result.body["log"]

    check()


@pytest.mark.parametrize("params", [None, [], "x", 1, True], ids=repr)
@pytest.mark.parametrize("name", ["get_user", "raw_request", "create_user"])
def test_an_input_that_is_not_an_object_is_refused_without_any_request(name, params):
    with requests_mock.Mocker() as m:
        result = run_step("action", name, params)
    assert not m.called and not result.ok and "Input must be a JSON object" in result.exception["cause"]


def test_every_step_with_inputs_has_invalid_cases_and_the_examples_are_valid():
    """The strategies are derived from the spec: the unchanged examples pass validation."""
    from komand_okta.runtime import schemas

    for kind, name in STEPS:
        fields = s.input_fields(kind, name)
        params = s.valid_input(kind, name)
        found = schemas.problems(params, schemas.section_schema(fields, s.TYPES))
        assert not found and not schemas.empty_required(params, fields), (name, found)


# -- (b) hostile strings: a clean error, or correctly encoded paths -----------------------------
class PathSpy:
    """Records every path OktaClient.path builds, with the segments it was given."""

    def __init__(self):
        self.built = []
        self._original = OktaClient.path

    def __call__(self, *segments):
        result = self._original(*segments)
        self.built.append((segments, result))
        return result

    def patch(self):
        return mock.patch.object(OktaClient, "path", staticmethod(self))


def answer(mode):
    def respond(request, context):
        if mode == "404":
            context.status_code = 404
            return f.error("E0000007", "Not found: Resource not found: x")
        last = urlsplit(request.url).path.rstrip("/").rsplit("/", 1)[-1]
        if request.method == "DELETE":
            context.status_code = 204
            return None
        if request.method == "GET" and last in COLLECTIONS:
            return []
        return f.user()

    return respond


def path_problems(spy: PathSpy, urls: list) -> list:
    problems = []
    for segments, built in spy.built:
        parts = built[len(API_PREFIX) :].split("/")[1:] if built.startswith(API_PREFIX + "/") else None
        if parts is None or len(parts) != len(segments):
            problems.append("path(%r) -> %r: segment count changed" % (segments, built))
            continue
        for segment, part in zip(segments, parts, strict=True):
            if unquote(part) != str(segment):
                problems.append("path segment %r encoded as %r does not decode back" % (segment, part))
            if part in (".", ".."):
                problems.append("path segment %r is a dot segment in %r" % (segment, built))
            if any(c in part for c in "/?#\r\n\x00"):
                problems.append("path segment %r leaks a raw %r" % (segment, part))
    built_paths = {built for _, built in spy.built}
    for url in urls:
        parts = urlsplit(url)
        if parts.path in FIXED_PATHS and not parts.query and not parts.fragment and "#" not in url:
            continue
        if not (parts.path + "/").startswith(API_PREFIX + "/"):
            problems.append("request outside /api/v1: %s" % url)
        if parts.fragment or "#" in url:
            problems.append("fragment in request URL: %s" % url)
        if any(p in (".", "..") for p in parts.path.split("/")):
            problems.append("raw dot segment in request URL: %s" % url)
        if parts.path not in built_paths:
            problems.append("request path not built by OktaClient.path (or rewritten on the way): %s" % url)
    return problems


def _run_nasty(name, params, mode):
    spy = PathSpy()
    with requests_mock.Mocker() as m, spy.patch():
        m.register_uri(requests_mock.ANY, ANY_URL, json=answer(mode))
        result = run_step("action", name, params)
        urls = [r.url for r in m.request_history]
    return result, spy, urls


@pytest.mark.parametrize("name", ACTIONS)
def test_hostile_strings_end_in_a_clean_error_or_correctly_encoded_paths(name, request):
    if not s._string_targets(s.input_fields("action", name)):
        pytest.skip("%s has no string input" % name)

    @given(case=s.nasty_inputs("action", name), mode=st.sampled_from(["404", "200"]))
    def check(case, mode):
        params, chosen = case
        result, spy, urls = _run_nasty(name, params, mode)
        if not result.ok:
            assert result.exception is not None, "unexplained error for %s: %s" % (chosen, result.error)
            assert "Traceback" not in result.error and "Traceback" not in result.body["log"]
        problems = path_problems(spy, urls)
        assert not problems, problems

    check()


@pytest.mark.parametrize("name", ACTIONS)
def test_dot_segment_ids_never_reach_okta_as_dot_segments(name):
    """Each string field set to '.' and '..' in turn: URL libraries resolve dot segments, so one
    reaching a path would address another resource."""
    fields = s.input_fields("action", name)
    for key in s._string_targets(fields):
        if str(fields[key].get("type")) not in ("string", "[]string"):
            continue
        for value in (".", ".."):
            for mode in ("404", "200"):
                params = s.valid_input("action", name)
                params[key] = [value] if str(fields[key].get("type")).startswith("[]") else value
                result, spy, urls = _run_nasty(name, params, mode)
                assert not [p for p in path_problems(spy, urls) if "dot segment" in p], (key, value, mode, urls)


def test_remove_user_from_group_with_group_id_dotdot_never_deletes_the_user():
    """The worst consequence found: '..' as a group id turns 'remove from group' into a user delete."""
    params = {"email": "user@example.com", "group_id": ".."}
    _, _, urls = _run_nasty("remove_user_from_group", params, "200")
    wrong = [
        u
        for u in urls
        if not urlsplit(u).path.startswith("/api/v1/users/user%40example.com")
        and not urlsplit(u).path.startswith("/api/v1/groups/")
    ]
    assert not wrong, wrong
