"""Contract checks: what the simulator answers, and every request it accepts, against Okta's spec.

Why: shapes must match Okta's, and where the spec and real Okta disagree, real Okta wins.
``RECORDER`` (an oktasim observer) collects each API exchange while a check is open; the
fixture every simulator-backed test uses opens one per test and, at teardown, fails the test
with ``problems(records)``:

- the route is an operation of the official spec (management or OAuth file), or it fails
  loudly: that catches invented endpoints;
- a success status is one the spec documents, or one real Okta was recorded answering;
- the response body validates against its operation's schema (zones and policies against the
  subtype their ``type`` maps to), less the departures real recorded responses make too
  (e.g. a DYNAMIC zone's ``proxyType`` of ``""``);
- a request the simulator accepted (2xx) sends only the spec's query parameters, with values
  its schemas allow, and a JSON or form body that validates against the operation's request body;
- each object carries the top-level keys every recorded object of its kind carries, empty
  values only in forms the recordings show, and (zones, policies) only keys its subtype or a
  recording has.

Speed: validators are built once per operation, a list page is validated item by item, and an
item whose signature (``signature.Probes``) was already found valid is not validated again.
"""

import contextlib
import functools
import json
import pickle
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from . import recordings
from .openapi_spec import FORM, Spec, normalize
from .recordings import DISCRIMINATED, empty_form, kind_of, objects, subkind
from .signature import Probes

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SPEC_PATH = SHARED / "okta-openapi" / "management-minimal.patched.yaml"
OAUTH_SPEC_PATH = SHARED / "okta-openapi" / "oauth-minimal.yaml"
VCR_PATH = recordings.VCR_PATH
# Departures real Okta makes that no recording shows but its documentation does: a DPoP-bound
# access token's token_type is "DPoP" (Okta's DPoP guide); the spec's enum predates it.
DOCUMENTED_DEPARTURES = {("/oauth2/v1/token", ("token_type",), '"DPoP"')}
# Empty values no recording can show either way: no recorded IP zone is empty, but a new
# org's BlockedIpZone has no addresses.
UNRECORDED_EMPTIES = {("zone:IP", "gateways", "[]")}


def available() -> bool:
    return SPEC_PATH.exists() and OAUTH_SPEC_PATH.exists() and recordings.available()


@functools.lru_cache(maxsize=1)
def load_spec() -> Spec:
    return Spec(SPEC_PATH, OAUTH_SPEC_PATH, null_ok=recordings.null_properties())


# ---- recording ---------------------------------------------------------------------------
class Recorder:
    """An oktasim observer keeping each routed API exchange for every check open (they nest)."""

    def __init__(self):
        self.open: list = []

    def __call__(self, rec: dict) -> None:
        if not self.open or not rec.get("route"):
            return
        route = rec["route"]
        if "{action}" in route:  # our router has one lifecycle route; the spec one per action
            route = route.replace("{action}", rec["path"].rstrip("/").rsplit("/", 1)[-1])
        request = rec.get("request") or {}
        json_body = rec.get("content_type") == "application/json" and rec["body"] is not None
        entry = {
            "method": rec["method"],
            "route": route,
            "status": rec["status"],
            "path": rec["path"],
            # a copy: the simulator may change the objects it answered with afterwards
            "body": pickle.loads(pickle.dumps(rec["body"], -1)) if json_body else None,
            "query": request.get("query", ""),
            "request_type": request.get("content_type", ""),
            "request_body": request.get("body", b""),
        }
        for bucket in list(self.open):
            bucket.append(entry)

    @contextlib.contextmanager
    def recording(self):
        """The exchanges answered inside the block, as a list that fills while it runs.  They
        are this block's alone: an enclosing recording does not get them as well."""
        bucket: list = []
        self.open.append(bucket)
        try:
            yield bucket
        finally:
            self.open[:] = [b for b in self.open if b is not bucket]
            mine = {id(e) for e in bucket}
            for outer in self.open:
                outer[:] = [e for e in outer if id(e) not in mine]


RECORDER = Recorder()


def install() -> None:
    """Have every simulator ``oktasim.testing`` starts report to ``RECORDER``."""
    from oktasim import testing

    if RECORDER not in testing.OBSERVERS:
        testing.OBSERVERS.append(RECORDER)


@contextlib.contextmanager
def checked():
    """Fail (at the end of the block) when what the simulators answered in it breaks the
    contract; does nothing without ../shared."""
    if not available():
        yield
        return
    with RECORDER.recording() as records:
        yield
    found = problems(records) if records else []
    if found:
        pytest.fail("the simulator's exchanges break Okta's contract:\n  " + "\n  ".join(found[:30]), pytrace=False)


# ---- the checks --------------------------------------------------------------------------
def problems(records, spec: Spec | None = None) -> list:
    """Every way these exchanges break the contract, each named by its request (no repeats)."""
    spec = spec or load_spec()
    found: list = []
    for rec in records:
        if spec.operation(rec["method"], rec["route"]) is None:
            if not 400 <= rec["status"] < 500:  # refused (e.g. an unknown lifecycle action): nothing served
                found.append(f'{rec["method"]} {rec["route"]}: no such operation in Okta\'s official spec')
            continue
        found += status_problems(spec, rec) + response_problems(spec, rec)
        if 200 <= rec["status"] < 300:
            found += request_problems(spec, rec) + object_problems(spec, rec)
    return list(dict.fromkeys(found))


def status_problems(spec: Spec, rec: dict) -> list:
    status, key = rec["status"], (rec["method"], normalize(rec["route"].rstrip("/")))
    if not 200 <= status < 300 or status in spec.documented_statuses(*key):
        return []
    if status in recordings.success_statuses().get(key, ()):
        return []
    return [f'{key[0]} {rec["route"]}: answered {status}, which neither the spec nor a recording shows']


def response_problems(spec: Spec, rec: dict) -> list:
    """Why a response body does not validate, less what real Okta does too."""
    errors = _errors(spec, "response", rec["method"], rec["route"], rec["status"], rec["body"])
    excused = recorded_departures(spec, "response", _group(rec["method"], rec["route"])) if errors else set()
    return [
        f'{rec["method"]} {rec["route"]} {rec["status"]}: {e.message[:300]} at {list(e.absolute_path)}'
        for item, e in errors
        if _departure(rec["method"], rec["route"], item, e) not in excused
    ]


def request_problems(spec: Spec, rec: dict) -> list:
    """Why an accepted request does not pass the spec (its query, its body), less what real
    clients were recorded sending and Okta accepted."""
    method, route = rec["method"], rec["route"]
    name = f"{method} {route} (request)"
    sent = parse_qsl(rec["query"], keep_blank_values=True)
    excused = recorded_queries(spec, method, normalize(route))
    found = [f"{name}: {text}" for key, text in _query_departures(spec, method, route, sent) if key not in excused]
    body, content_type = _request_body(rec)
    if body is None:
        _, required = spec.request_body(method, route, "application/json")
        return found + ([f"{name}: the spec requires a body"] if required else [])
    schema, _ = spec.request_body(method, route, content_type)
    if schema is None:
        return [*found, f"{name}: the spec takes no {content_type} body here"]
    errors = _errors(spec, "request", method, route, content_type, body)
    excused = recorded_departures(spec, "request", _group(method, route)) if errors else set()
    return found + [
        f"{name}: {e.message[:300]} at {list(e.absolute_path)}"
        for item, e in errors
        if _departure(method, route, item, e) not in excused
    ]


def object_problems(spec: Spec, rec: dict) -> list:
    """Each object against the recordings of its kind: keys carried, empty forms, undeclared keys."""
    keys, empties = recordings.recorded_keys(), recordings.recorded_empties()
    name, found = f'{rec["method"]} {rec["route"]}', []
    for sk, obj in objects(rec["method"], rec["route"], rec["body"]):
        missing = keys.get(sk, set()) - obj.keys()
        if missing:
            found.append(f"{name}: a {sk} lacks {sorted(missing)}, which every recorded one carries")
        seen = empties.get(sk, {})
        wrong = sorted(
            (key, form)
            for key, value in obj.items()
            if key in seen
            and (form := empty_form(value))
            and form not in seen[key]
            and (sk, key, form) not in UNRECORDED_EMPTIES
        )
        if wrong:
            found.append(f"{name}: a {sk} has {wrong}, empty forms no recorded one shows")
        extra = sorted(undeclared_keys(spec, sk, obj))
        if extra:
            found.append(f"{name}: a {sk} carries {extra}, which neither its subtype nor a recording has")
    return found


def undeclared_keys(spec: Spec, sk: str, obj: dict) -> set:
    """Keys of a zone or policy that neither its spec subtype nor any recorded one of its kind has."""
    kind, _, value = sk.partition(":")
    target = spec.subtype(DISCRIMINATED[kind], value) if kind in DISCRIMINATED else None
    if target is None:
        return set()
    return set(obj) - spec.declared_properties(target) - recordings.recorded_key_union().get(sk, set())


# ---- requests ----------------------------------------------------------------------------
def _request_body(rec: dict):
    """(decoded body, its content type) or (None, None) for an empty one."""
    raw, content_type = rec["request_body"], rec["request_type"].split(";")[0].strip().lower()
    if not raw.strip():
        return None, None
    if content_type == FORM:
        return dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)), FORM
    try:
        return json.loads(raw), "application/json"
    except ValueError:
        return raw.decode("utf-8", "replace"), content_type or "(no content type)"


def _query_departures(spec: Spec, method, route, sent: list) -> list:
    """(key, text) for each way a query departs from the operation's query parameters."""
    declared = spec.query_parameters(method, route)
    names = {name for name, _ in sent}
    found = [
        (("missing", name), f"the spec requires the query parameter {name!r}")
        for name, (_, required) in declared.items()
        if required and name not in names
    ]
    for name, value in sent:
        if name not in declared:
            found.append(
                (("undeclared", name), f"query parameter {name!r} is not one the spec declares ({sorted(declared)})")
            )
        elif not any(_validator(spec, "query", method, route, name)[0].is_valid(v) for v in _readings(value)):
            found.append((("value", name, value), f"query parameter {name}={value!r} is not what the spec allows"))
    return found


def _readings(text: str) -> list:
    """The ways a query string value can stand for a JSON value (a string, number, boolean, list)."""
    found = [text, text.split(",")]
    for parse in (int, float):
        with contextlib.suppress(ValueError):
            found.append(parse(text))
    if text in ("true", "false"):
        found.append(text == "true")
    return found


@functools.cache
def recorded_queries(spec: Spec, method, route) -> frozenset:
    """The query departures real clients were recorded making to one operation, Okta accepting them."""
    found = set()
    for d in recordings.successes():
        if d["method"] == method and normalize(d["path_template"]) == route and d["query"]:
            sent = [(name, value) for name, values in d["query"].items() for value in values]
            found |= {key for key, _ in _query_departures(spec, method, route, sent)}
    return frozenset(found)


# ---- validation, by operation and signature ----------------------------------------------
_VALID: set = set()  # (validator key, signature) of every unit found valid


@functools.cache
def _validator(spec: Spec, direction, method, route, which):
    """(validator, probes or None, splits pages) for one body (``which``: a status or content type)."""
    import jsonschema

    if direction == "response":
        schema = spec.response_schema(method, route, which)[0]
    elif direction == "request":
        schema = spec.request_body(method, route, which)[0]
    else:
        schema = spec.query_parameters(method, route)[which][0]
    if schema is None:
        return None, None, False
    splits = (
        schema.get("type") == "array"
        and isinstance(schema.get("items"), dict)
        and not (
            set(schema) & {"minItems", "maxItems", "uniqueItems", "contains", "prefixItems", "anyOf", "allOf", "oneOf"}
        )
    )
    if splits:  # a page is validated item by item, each against the items schema
        schema = {**schema["items"], "$defs": schema["$defs"]}
    return jsonschema.Draft202012Validator(schema), Probes.of(schema), splits


def _errors(spec: Spec, direction, method, route, which, body) -> list:
    """(item, error) for each error in a body; an item is the body, or one element of a page."""
    validator, probes, splits = _validator(spec, direction, method, route, which)
    if validator is None or body is None:
        return []
    units = [(body, ())]
    if splits:
        if not isinstance(body, list):
            return [(body, _NotAList(body))]
        units = [(item, (i,)) for i, item in enumerate(body)]
    key = (id(spec), direction, method.upper(), normalize(route), which)
    found = []
    for item, at in units:
        sig = (key, probes.signature(item) if probes else json.dumps(item, sort_keys=True))
        if sig in _VALID:
            continue
        errors = list(validator.iter_errors(item))
        if not errors:
            _VALID.add(sig)
        for e in sorted(errors, key=lambda e: list(e.absolute_path)):
            e.path.extendleft(reversed(at))
            found.append((item, e))
    return found


class _NotAList:
    """The error for a page that is not a JSON array."""

    def __init__(self, body):
        self.message, self.absolute_path, self.instance = f"{type(body).__name__} is not of type 'array'", (), body


# ---- departures real Okta makes too --------------------------------------------------------
def _group(method, route) -> str:
    return kind_of(method, route) or normalize(route)


def _departure(method, route, item, error) -> tuple:
    """Where and how a body departs from the spec: (subkind or route, path without list indices, value)."""
    kind = kind_of(method, route)
    where = subkind(kind, item) if kind and isinstance(item, dict) else normalize(route)
    path = tuple(p for p in error.absolute_path if not isinstance(p, int))
    return where, path, json.dumps(error.instance, sort_keys=True)


@functools.cache
def recorded_departures(spec: Spec, direction: str, group: str) -> frozenset:
    """The departures from the spec that real recorded responses (or accepted requests) of one
    group (an object kind, or else a route) make themselves, and the few Okta documents
    elsewhere.  Computed on demand: the recordings are large."""
    found = set(DOCUMENTED_DEPARTURES)
    for d in recordings.successes():
        method, route = d["method"], d["path_template"]
        if _group(method, route) != group or spec.operation(method, route) is None:
            continue
        if direction == "response":
            errors = _errors(spec, direction, method, route, d["status"], d["response_body"])
        else:
            errors = _errors(spec, direction, method, route, "application/json", d["request_body"])
        found |= {_departure(method, route, item, e) for item, e in errors}
    return frozenset(found)
