"""Contract checking: simulator responses vs the official spec and the recordings.

Why: shapes must match Okta's.  ``record`` collects every (method, route,
status, body) the simulator returns during the test session; ``Spec`` maps a
route to its operation in ``management-minimal.patched.yaml``, resolves
``$ref``s, turns OpenAPI 3.0 into JSON Schema (nullable, discriminators) and
validates with jsonschema; ``recorded_keys`` gives, per object kind, the keys
the real recorded responses in ``okta-vcr/interactions.jsonl`` carry.
"""

import copy
import json
from pathlib import Path

RECORDS: list = []
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SPEC_PATH = SHARED / "okta-openapi" / "management-minimal.patched.yaml"
VCR_PATH = SHARED / "okta-vcr" / "interactions.jsonl"


def record(rec: dict) -> None:
    if rec.get("route") and rec.get("content_type") == "application/json":
        route = rec["route"]
        if "{action}" in route:  # our router has one lifecycle route; the spec one per action
            route = route.replace("{action}", rec["path"].rstrip("/").rsplit("/", 1)[-1])
        RECORDS.append({"method": rec["method"], "route": route, "status": rec["status"],
                        "path": rec["path"], "body": copy.deepcopy(rec["body"])})


# Our route templates use other parameter names than the spec in a few places.
def _normalize(template: str) -> str:
    import re
    return re.sub(r"\{[^}]+\}", "{}", template)


def _null_keys(node, names=None) -> set:
    names = set() if names is None else names
    if isinstance(node, dict):
        for k, v in node.items():
            if v is None:
                names.add(k)
            else:
                _null_keys(v, names)
    elif isinstance(node, list):
        for x in node:
            _null_keys(x, names)
    return names


def recorded_null_properties() -> set:
    """Property names that real Okta responses (the recordings) carry as null.

    The spec leaves ``nullable`` off many of them (e.g. accessibility.errorRedirectUrl,
    AppUser.externalId, LogActor.detailEntry, NetworkZone.proxies); real Okta sends
    null, so the simulator does too and the validator accepts null for exactly these.
    """
    names: set = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if v is None:
                    names.add(k)
                else:
                    walk(v)
        elif isinstance(node, list):
            for x in node:
                walk(x)
    with open(VCR_PATH, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["status"] < 300:
                walk(d["response_body"])
    return names


class Spec:
    def __init__(self, path=SPEC_PATH, null_ok=None):
        self.null_ok = recorded_null_properties() if null_ok is None else set(null_ok)
        import yaml
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with open(path, encoding="utf-8") as fh:
            self.doc = yaml.load(fh, Loader=loader)
        self.schemas = self.doc["components"]["schemas"]
        if null_ok is None:  # Okta's own examples in the spec show these as null too
            self.null_ok |= _null_keys(self.doc["components"].get("examples") or {})
        self.ops = {}
        for p, item in self.doc["paths"].items():
            for method, op in item.items():
                if isinstance(op, dict) and "responses" in op:
                    self.ops[(method.upper(), _normalize(p))] = op
        self._defs = {}

    def operation(self, method, route):
        return self.ops.get((method.upper(), _normalize(route)))

    def response_schema(self, method, route, status):
        op = self.operation(method, route)
        if op is None:
            return None, "no-operation"
        resp = op["responses"].get(str(status))
        if resp is None:
            return None, "undocumented-status"
        if "$ref" in resp:
            resp = self._resolve(resp["$ref"])
        content = (resp.get("content") or {}).get("application/json")
        if not content or "schema" not in content:
            return None, "no-schema"
        return self.to_jsonschema(content["schema"]), "ok"

    def _resolve(self, ref):
        node = self.doc
        for part in ref.lstrip("#/").split("/"):
            node = node[part]
        return node

    # ---- OpenAPI 3.0 -> JSON Schema (draft 2020-12 via $defs) ----------------
    def to_jsonschema(self, schema):
        self._defs = {}
        root = self._conv(schema, in_allof=False)
        root = dict(root) if isinstance(root, dict) else root
        root["$defs"] = self._defs
        return root

    def _ref(self, name, in_allof):
        key = name + ("__base" if in_allof else "")
        if key not in self._defs:
            self._defs[key] = {}
            self._defs[key] = self._conv(self.schemas[name], in_allof=in_allof, name=name)
        return {"$ref": f"#/$defs/{key}"}

    def _conv(self, s, in_allof=False, name=None):
        if isinstance(s, list):
            return [self._conv(x) for x in s]
        if not isinstance(s, dict):
            return s
        if "$ref" in s:
            return self._ref(s["$ref"].split("/")[-1], in_allof)
        out = {}
        for k, v in s.items():
            if k in ("discriminator", "nullable", "example", "examples", "x-okta-tags", "xml",
                     "externalDocs", "deprecated", "readOnly", "writeOnly"):
                continue
            if k == "allOf":
                out[k] = [self._conv(x, in_allof=True) for x in v]
            elif k in ("oneOf", "anyOf"):
                out[k] = [self._conv(x) for x in v]
            elif k == "properties":
                out[k] = {pk: ({"anyOf": [self._conv(pv), {"type": "null"}]} if pk in self.null_ok
                               else self._conv(pv)) for pk, pv in v.items()}
            elif k in ("items", "additionalProperties", "not"):
                out[k] = self._conv(v) if isinstance(v, dict) else v
            elif k == "format":
                continue
            else:
                out[k] = v
        disc = s.get("discriminator")
        if disc and disc.get("mapping") and not in_allof:
            prop = disc["propertyName"]
            branches = []
            for value, ref in disc["mapping"].items():
                target = ref.split("/")[-1]
                if target == name:
                    continue
                branches.append({"if": {"properties": {prop: {"const": value}}, "required": [prop]},
                                 "then": self._ref(target, in_allof=True)})
            out.pop("oneOf", None)
            out.pop("anyOf", None)
            out = {"allOf": [out] + branches}
        if s.get("nullable"):
            out = {"anyOf": [out, {"type": "null"}]}
        return out


def validate(spec: Spec, rec: dict):
    """Return None if valid (or not checkable), else an error string."""
    import jsonschema
    schema, why = spec.response_schema(rec["method"], rec["route"], rec["status"])
    if schema is None:
        return None
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(rec["body"]), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        return f'{rec["method"]} {rec["route"]} {rec["status"]}: {e.message[:300]} at {list(e.path)}'
    return None


def recorded_keys() -> dict:
    """Per object kind, the union of top-level keys seen in real recorded responses
    (only kinds whose keys are stable across records: the intersection)."""
    kinds: dict = {}
    with open(VCR_PATH, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["status"] >= 300 or d["response_body"] is None:
                continue
            kind = kind_of(d["method"], d["path_template"])
            if kind is None:
                continue
            items = d["response_body"] if isinstance(d["response_body"], list) else [d["response_body"]]
            for it in items:
                if isinstance(it, dict) and it:
                    keys = set(it)
                    kinds[kind] = keys if kind not in kinds else kinds[kind] & keys
    return kinds


def kind_of(method, template):
    t = template.rstrip("/")
    table = {
        "/api/v1/users": "user", "/api/v1/users/{userId}": "user", "/api/v1/users/{id}": "user",
        "/api/v1/groups": "group", "/api/v1/groups/{groupId}": "group",
        "/api/v1/users/{userId}/groups": "group", "/api/v1/users/{id}/groups": "group",
        "/api/v1/groups/{groupId}/users": "user",
        "/api/v1/zones/{zoneId}": "zone", "/api/v1/zones": "zone",
        "/api/v1/eventHooks/{eventHookId}": "hook", "/api/v1/eventHooks": "hook",
        "/api/v1/users/{userId}/roles": "role", "/api/v1/users/{userId}/roles/{roleId}": "role",
        "/api/v1/apps/{appId}/users/{userId}": "appuser", "/api/v1/apps/{appId}/users": "appuser",
        "/api/v1/idps": "idp", "/api/v1/idps/{idpId}": "idp",
        "/api/v1/meta/types/user": "usertype", "/api/v1/meta/types/user/{typeId}": "usertype",
        "/api/v1/realms": "realm", "/api/v1/realms/{realmId}": "realm",
        "/api/v1/apps": "app", "/api/v1/apps/{appId}": "app",
        "/api/v1/users/{userId}/factors/{factorId}": "factor", "/api/v1/users/{userId}/factors": "factor",
        "/api/v1/policies": "policy", "/api/v1/policies/{policyId}": "policy",
    }
    if method != "GET" and t in ("/api/v1/users/{userId}/roles",):
        return "role"
    if method == "DELETE":
        return None
    return table.get(t)
