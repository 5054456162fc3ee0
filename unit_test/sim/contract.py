"""Contract checking: simulator responses vs the official spec and the recordings.

Why: shapes must match Okta's, and where the spec and real Okta disagree, real Okta wins.
``record`` collects every (method, route, status, body) the simulator returns during the test
session.  ``problems`` validates one against its operation's schema (``spec_schema``), except
for the departures the real recorded responses in ``okta-vcr/interactions.jsonl`` make from
the spec too (``recorded_departures``: e.g. a DYNAMIC zone's ``proxyType`` of ``""``, an access policy's
``_embedded.resourceType`` string).  Per
object kind, and per discriminated subtype for zones and policies (``zone:IP``,
``policy:PASSWORD``, ...), the recordings also give the keys every real object carries
(``recorded_keys``), the keys any carries (``recorded_key_union``) and the empty forms
(null, [], {}, "") each key is seen in (``recorded_empties``).
"""

import copy
import functools
import json
import re
from pathlib import Path

from .spec_schema import Spec, normalize

RECORDS: list = []
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SPEC_PATH = SHARED / "okta-openapi" / "management-minimal.patched.yaml"
VCR_PATH = SHARED / "okta-vcr" / "interactions.jsonl"
DISCRIMINATED = {"zone": "NetworkZone", "policy": "Policy"}  # kind -> the spec's base schema


def record(rec: dict) -> None:
    if rec.get("route") and rec.get("content_type") == "application/json":
        route = rec["route"]
        if "{action}" in route:  # our router has one lifecycle route; the spec one per action
            route = route.replace("{action}", rec["path"].rstrip("/").rsplit("/", 1)[-1])
        RECORDS.append({"method": rec["method"], "route": route, "status": rec["status"],
                        "path": rec["path"], "body": copy.deepcopy(rec["body"])})


# ---- object kinds ----------------------------------------------------------------------
_KINDS = {
    "/api/v1/users": "user", "/api/v1/users/{}": "user", "/api/v1/groups/{}/users": "user",
    "/api/v1/groups": "group", "/api/v1/groups/{}": "group", "/api/v1/users/{}/groups": "group",
    "/api/v1/zones": "zone", "/api/v1/zones/{}": "zone",
    "/api/v1/eventHooks": "hook", "/api/v1/eventHooks/{}": "hook",
    "/api/v1/users/{}/roles": "role", "/api/v1/users/{}/roles/{}": "role",
    "/api/v1/apps/{}/users": "appuser", "/api/v1/apps/{}/users/{}": "appuser",
    "/api/v1/idps": "idp", "/api/v1/idps/{}": "idp",
    "/api/v1/meta/types/user": "usertype", "/api/v1/meta/types/user/{}": "usertype",
    "/api/v1/realms": "realm", "/api/v1/realms/{}": "realm",
    "/api/v1/apps": "app", "/api/v1/apps/{}": "app",
    "/api/v1/users/{}/factors": "factor", "/api/v1/users/{}/factors/{}": "factor",
    "/api/v1/policies": "policy", "/api/v1/policies/{}": "policy",
}
_LIFECYCLE = re.compile(r"^/api/v1/(zones|eventHooks|idps)/\{\}/lifecycle/\w+$")


def kind_of(method, template):
    """The kind of object a response body holds (or a list of), or None."""
    if method == "DELETE":
        return None
    t = normalize(template.rstrip("/"))
    found = _LIFECYCLE.match(t)
    if found and method == "POST":
        return {"zones": "zone", "eventHooks": "hook", "idps": "idp"}[found.group(1)]
    return _KINDS.get(t)


def subkind(kind: str, obj: dict) -> str:
    """Zones and policies are told apart by their discriminator, ``type``."""
    return f"{kind}:{obj.get('type')}" if kind in DISCRIMINATED else kind


def objects(method, template, body):
    """(subkind, object) for each object a response body holds."""
    kind = kind_of(method, template)
    if kind is None or body is None:
        return
    for it in body if isinstance(body, list) else [body]:
        if isinstance(it, dict) and it:
            yield subkind(kind, it), it


@functools.lru_cache(maxsize=1)
def _recorded_successes() -> tuple:
    with open(VCR_PATH, encoding="utf-8") as fh:
        return tuple(d for d in map(json.loads, fh) if d["status"] < 300)


def recorded_objects():
    for d in _recorded_successes():
        yield from objects(d["method"], d["path_template"], d["response_body"])


# ---- what the recordings say -----------------------------------------------------------
def recorded_null_properties() -> set:
    """Property names that real Okta responses carry as null.

    The spec leaves ``nullable`` off many of them (e.g. accessibility.errorRedirectUrl,
    AppUser.externalId, LogActor.detailEntry, NetworkZone.proxies); real Okta sends
    null, so the simulator does too and the validator accepts null for exactly these.
    """
    names: set = set()
    stack = [d["response_body"] for d in _recorded_successes()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            names |= {k for k, v in node.items() if v is None}
            stack.extend(v for v in node.values() if v is not None)
        elif isinstance(node, list):
            stack.extend(node)
    return names


@functools.lru_cache(maxsize=1)
def recorded_keys() -> dict:
    """Per (sub)kind, the top-level keys every recorded object carries."""
    keys: dict = {}
    for sk, it in recorded_objects():
        keys[sk] = set(it) if sk not in keys else keys[sk] & set(it)
    return keys


@functools.lru_cache(maxsize=1)
def recorded_key_union() -> dict:
    """Per (sub)kind, the top-level keys any recorded object carries."""
    keys: dict = {}
    for sk, it in recorded_objects():
        keys.setdefault(sk, set()).update(it)
    return keys


def empty_form(value):
    """null, [], {} or "" by name; None for a value that is not empty."""
    for form, empty in (("null", None), ("[]", []), ("{}", {}), ('""', "")):
        if value == empty and type(value) is type(empty):
            return form
    return None


@functools.lru_cache(maxsize=1)
def recorded_empties() -> dict:
    """Per (sub)kind and top-level key, the empty forms real objects show it in."""
    seen: dict = {}
    for sk, it in recorded_objects():
        for key, value in it.items():
            forms = seen.setdefault(sk, {}).setdefault(key, set())
            if empty_form(value):
                forms.add(empty_form(value))
    return seen


# ---- validation ------------------------------------------------------------------------
def load_spec() -> Spec:
    return Spec(SPEC_PATH, null_ok=recorded_null_properties())


def _departure(method, route, body, error) -> tuple:
    """Where and how a body departs from the spec: (subkind or route, path without list indices, value)."""
    path = list(error.absolute_path)
    item = body[path[0]] if isinstance(body, list) and path else body
    kind = kind_of(method, route)
    where = subkind(kind, item) if kind and isinstance(item, dict) else normalize(route)
    return where, tuple(p for p in path if not isinstance(p, int)), json.dumps(error.instance, sort_keys=True)


_VALIDATORS: dict = {}


def _errors(spec: Spec, method, route, status, body) -> list:
    import jsonschema
    schema, _ = spec.response_schema(method, route, status)
    if schema is None:
        return []
    key = (id(spec), method.upper(), normalize(route), int(status))
    if key not in _VALIDATORS:
        _VALIDATORS[key] = jsonschema.Draft202012Validator(schema)
    return sorted(_VALIDATORS[key].iter_errors(body), key=lambda e: list(e.absolute_path))


_DEPARTURES: dict = {}


def recorded_departures(spec: Spec, group: str) -> set:
    """The departures from the spec that the real recorded responses of one group (an object
    kind, or else a route) make themselves.  Computed on demand: the recordings are large."""
    key = (id(spec), group)
    if key not in _DEPARTURES:
        _DEPARTURES[key] = {
            _departure(d["method"], d["path_template"], d["response_body"], e)
            for d in _recorded_successes() if _group(d["method"], d["path_template"]) == group
            for e in _errors(spec, d["method"], d["path_template"], d["status"], d["response_body"])}
    return _DEPARTURES[key]


def _group(method, route) -> str:
    return kind_of(method, route) or normalize(route)


def problems(spec: Spec, rec: dict) -> list:
    """Why a simulator response does not validate, less what real Okta does too."""
    errors = _errors(spec, rec["method"], rec["route"], rec["status"], rec["body"])
    excused = recorded_departures(spec, _group(rec["method"], rec["route"])) if errors else set()
    return [f'{rec["method"]} {rec["route"]} {rec["status"]}: {e.message[:300]} at {list(e.absolute_path)}'
            for e in errors if _departure(rec["method"], rec["route"], rec["body"], e) not in excused]


def validate(spec: Spec, rec: dict):
    """None if the response is valid (or not checkable), else the first problem."""
    found = problems(spec, rec)
    return found[0] if found else None


def undeclared_keys(spec: Spec, sk: str, obj: dict) -> set:
    """Keys of a zone or policy that neither its spec subtype nor any recorded one of its kind has."""
    kind, _, value = sk.partition(":")
    target = spec.subtype(DISCRIMINATED[kind], value) if kind in DISCRIMINATED else None
    if target is None:
        return set()
    return set(obj) - spec.declared_properties(target) - recorded_key_union().get(sk, set())
