"""What the real recorded Okta responses (``../shared/okta-vcr/interactions.jsonl``) say about shapes.

Why: where the spec and real Okta disagree, real Okta wins.  Per object kind, and per
discriminated subtype for zones and policies (``zone:IP``, ``policy:PASSWORD``, ...), the
recordings give the keys every real object carries (``recorded_keys``), the keys any carries
(``recorded_key_union``) and the empty forms (null, [], {}, "") each key is seen in
(``recorded_empties``); they also show the properties real Okta sends as null where the spec
does not allow it, the success statuses it answers with, and the requests it accepts.
"""

import functools
import json
import re
from pathlib import Path

from .openapi_spec import normalize

VCR_PATH = Path(__file__).resolve().parents[2] / ".." / "shared" / "okta-vcr" / "interactions.jsonl"
DISCRIMINATED = {"zone": "NetworkZone", "policy": "Policy"}  # kind -> the spec's base schema

_KINDS = {
    "/api/v1/users": "user",
    "/api/v1/users/{}": "user",
    "/api/v1/groups/{}/users": "user",
    "/api/v1/groups": "group",
    "/api/v1/groups/{}": "group",
    "/api/v1/users/{}/groups": "group",
    "/api/v1/zones": "zone",
    "/api/v1/zones/{}": "zone",
    "/api/v1/eventHooks": "hook",
    "/api/v1/eventHooks/{}": "hook",
    "/api/v1/users/{}/roles": "role",
    "/api/v1/users/{}/roles/{}": "role",
    "/api/v1/apps/{}/users": "appuser",
    "/api/v1/apps/{}/users/{}": "appuser",
    "/api/v1/idps": "idp",
    "/api/v1/idps/{}": "idp",
    "/api/v1/meta/types/user": "usertype",
    "/api/v1/meta/types/user/{}": "usertype",
    "/api/v1/realms": "realm",
    "/api/v1/realms/{}": "realm",
    "/api/v1/apps": "app",
    "/api/v1/apps/{}": "app",
    "/api/v1/users/{}/factors": "factor",
    "/api/v1/users/{}/factors/{}": "factor",
    "/api/v1/policies": "policy",
    "/api/v1/policies/{}": "policy",
    "/api/v1/groups/rules": "grouprule",
    "/api/v1/groups/rules/{}": "grouprule",
    "/api/v1/apps/{}/groups": "appgroup",
    "/api/v1/apps/{}/groups/{}": "appgroup",
    "/api/v1/groups/{}/roles": "grouprole",
    "/api/v1/groups/{}/roles/{}": "grouprole",
}
_LIFECYCLE = re.compile(r"^/api/v1/(zones|eventHooks|idps)/\{\}/lifecycle/\w+$")


def available() -> bool:
    return VCR_PATH.exists()


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
    """(subkind, object) for each non-empty object a response body holds."""
    kind = kind_of(method, template)
    if kind is None or body is None:
        return
    for it in body if isinstance(body, list) else [body]:
        if isinstance(it, dict) and it:
            yield subkind(kind, it), it


@functools.lru_cache(maxsize=1)
def all_interactions() -> tuple:
    with open(VCR_PATH, encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh)


@functools.lru_cache(maxsize=1)
def successes() -> tuple:
    return tuple(d for d in all_interactions() if d["status"] < 300)


def recorded_objects():
    for d in successes():
        yield from objects(d["method"], d["path_template"], d["response_body"])


@functools.lru_cache(maxsize=1)
def null_properties() -> frozenset:
    """Property names that real Okta responses carry as null.

    The spec leaves ``nullable`` off many of them (e.g. accessibility.errorRedirectUrl,
    AppUser.externalId, LogActor.detailEntry, NetworkZone.proxies); real Okta sends
    null, so the simulator does too and the validator accepts null for exactly these.
    """
    names: set = set()
    stack = [d["response_body"] for d in successes()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            names |= {k for k, v in node.items() if v is None}
            stack.extend(v for v in node.values() if v is not None)
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def success_statuses() -> dict:
    """(method, normalized route) -> the 2xx statuses real Okta answered it with."""
    found: dict = {}
    for d in successes():
        found.setdefault((d["method"], normalize(d["path_template"].rstrip("/"))), set()).add(d["status"])
    return found


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


_EMPTY_FORMS = {list: "[]", dict: "{}", str: '""'}


def empty_form(value):
    """null, [], {} or "" by name; None for a value that is not empty."""
    if value is None:
        return "null"
    return None if value or type(value) not in _EMPTY_FORMS else _EMPTY_FORMS[type(value)]


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
