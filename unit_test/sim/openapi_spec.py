"""Okta's official OpenAPI 3.0 specs as JSON Schema, per operation: responses, request bodies, queries.

Why: the contract checks validate every simulator response, and every request the simulator
accepts, against what the spec gives its operation.  Two files make the spec: the management
API and the OAuth one (``/oauth2/v1/token``, ``/oauth2/v1/global-token-revocation``, ...); an
operation is looked up in each in turn.  OpenAPI 3.0 is not JSON Schema: ``$ref``s are resolved
into ``$defs``, ``nullable`` becomes ``anyOf [..., null]`` (also for the properties real Okta
sends as null though the spec says otherwise: ``null_ok``), a ``discriminator`` mapping becomes
one ``if type == X then <subtype>`` branch per value (an IP zone is checked against
IPNetworkZone, a PASSWORD policy against PasswordPolicy, ...), any other ``oneOf`` is read as
``anyOf`` (Okta's alternatives overlap: none closes its properties, so a factor verify body
``{"passCode": ...}`` fits several and "exactly one" would refuse every valid body), a list
operation whose schema is one object while its own examples are lists answers a page of them,
and ``required`` leaves out the properties the direction never carries (readOnly ones in a
request, writeOnly ones in a response).  ``declared_properties`` lists what a subtype may carry.
"""

import contextlib
import functools
import hashlib
import json
import os
import re
from pathlib import Path

SKIPPED_KEYWORDS = (
    "discriminator",
    "nullable",
    "example",
    "examples",
    "x-okta-tags",
    "xml",
    "externalDocs",
    "deprecated",
    "readOnly",
    "writeOnly",
    "format",
)
FORM = "application/x-www-form-urlencoded"


def normalize(template: str) -> str:
    """A path template with its parameter names dropped (ours and the spec's name them differently)."""
    return re.sub(r"\{[^}]+\}", "{}", template)


def load_yaml(path):
    """The parsed spec file.  Parsing 3.4 MB of YAML takes seconds; its JSON copy, kept in the
    user's cache directory under the file's SHA-256 (so a changed spec is parsed anew), a tenth
    of that.  Without a writable cache directory it is parsed every time."""
    import yaml

    with open(path, "rb") as fh:
        text = fh.read()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "komand_okta" / "okta-openapi"
    cached = cache / (hashlib.sha256(text).hexdigest() + ".json")
    with contextlib.suppress(OSError, ValueError):
        return json.loads(cached.read_bytes())
    doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    with contextlib.suppress(OSError, TypeError, ValueError):
        copy = json.dumps(doc)
        if json.loads(copy) == doc:  # only a document JSON keeps whole (string keys, no dates)
            cache.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(copy, encoding="utf-8")
            os.replace(partial, cached)
    return doc


def _null_keys(node, names: set) -> set:
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


class Document:
    """One OpenAPI file: its operations and its schemas, converted on demand."""

    def __init__(self, doc: dict, null_ok: set):
        self.doc = doc
        self.schemas = doc["components"]["schemas"]
        # Okta's own examples in the spec show these as null too.
        self.null_ok = set(null_ok) | _null_keys(doc["components"].get("examples") or {}, set())
        self.ops = {}
        for p, item in doc["paths"].items():
            shared = item.get("parameters") or []
            for method, op in item.items():
                if isinstance(op, dict) and "responses" in op:
                    self.ops[(method.upper(), normalize(p))] = (op, shared)

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            target = self.doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def convert(self, schema, direction: str):
        return _Converter(self, direction).root(schema)


class Spec:
    """The official spec, from one or more OpenAPI files (the first that has an operation wins)."""

    def __init__(self, *paths, null_ok=()):
        self.documents = [Document(load_yaml(p), set(null_ok)) for p in paths]
        self.doc = self.documents[0].doc  # the management API, as parsed
        self.schemas = self.documents[0].schemas

    def _find(self, method, route):
        key = (method.upper(), normalize(route))
        for document in self.documents:
            if key in document.ops:
                return document, *document.ops[key]
        return None, None, None

    def operation(self, method, route):
        return self._find(method, route)[1]

    @functools.cache  # noqa: B019 - one Spec per session; the cache is the point
    def response_schema(self, method, route, status):
        """(JSON Schema, "ok") or (None, why there is nothing to check)."""
        document, op, _ = self._find(method, route)
        if op is None:
            return None, "no-operation"
        resp = op["responses"].get(str(status))
        if resp is None:
            return None, "undocumented-status"
        content = (document.resolve(resp).get("content") or {}).get("application/json")
        if not content or "schema" not in content:
            return None, "no-schema"
        schema = content["schema"]
        if self._lists_one_object(document, op, content):
            schema = {"type": "array", "items": schema}
        return document.convert(schema, "response"), "ok"

    @staticmethod
    def _lists_one_object(document, op, content) -> bool:
        """A list operation whose schema is one object, while its own examples are lists
        (listAuthenticatorEnrollments): the examples and the operation's name agree."""
        examples = [document.resolve(e).get("value") for e in (content.get("examples") or {}).values()]
        return (
            op.get("operationId", "").startswith("list")
            and bool(examples)
            and all(isinstance(x, list) for x in examples)
            and document.resolve(content["schema"]).get("type") != "array"
        )

    def documented_statuses(self, method, route) -> set:
        _, op, _ = self._find(method, route)
        return {int(s) for s in (op or {}).get("responses", {}) if s.isdigit()}

    @functools.cache  # noqa: B019
    def request_body(self, method, route, content_type):
        """(JSON Schema or None, required) for a request body of this content type
        ("application/json" or the form type); (None, False) when the spec has no such body."""
        document, op, _ = self._find(method, route)
        body = document.resolve(op.get("requestBody")) if op else None
        if not body:
            return None, False
        content = (body.get("content") or {}).get(content_type)
        schema = content.get("schema") if content else None
        converted = document.convert(schema, "request") if schema else None
        return converted, bool(body.get("required"))

    @functools.cache  # noqa: B019
    def query_parameters(self, method, route) -> dict:
        """Name -> (JSON Schema, required) for the operation's query parameters."""
        document, op, shared = self._find(method, route)
        found = {}
        for p in [*shared, *((op or {}).get("parameters") or [])]:
            p = document.resolve(p)
            if p.get("in") == "query":
                found[p["name"]] = (document.convert(p.get("schema") or {}, "request"), bool(p.get("required")))
        return found

    # ---- discriminated subtypes (management API) ----------------------------------------
    def subtype(self, base: str, value: str):
        """The schema name the discriminator of ``base`` maps ``value`` to, or None."""
        mapping = (self.schemas[base].get("discriminator") or {}).get("mapping") or {}
        ref = mapping.get(value)
        return ref.split("/")[-1] if ref else None

    @functools.cache  # noqa: B019
    def declared_properties(self, name: str) -> frozenset:
        """Every property a schema declares, through its allOf parts and their $refs."""
        return frozenset(self._declared(self.schemas[name]))

    def _declared(self, s) -> set:
        if "$ref" in s:
            return self.declared_properties(s["$ref"].split("/")[-1])
        names = set(s.get("properties") or {})
        for part in s.get("allOf") or []:
            names |= self._declared(part)
        return names


class _Converter:
    """OpenAPI 3.0 -> JSON Schema (draft 2020-12, components as $defs) for one direction."""

    def __init__(self, document: Document, direction: str):
        self.document = document
        self.schemas = document.schemas
        self.null_ok = document.null_ok
        self.never_carried = "readOnly" if direction == "request" else "writeOnly"
        self.defs = {}

    def root(self, schema):
        converted = self._conv(schema)
        converted = dict(converted) if isinstance(converted, dict) else converted
        converted["$defs"] = self.defs
        return converted

    def _ref(self, name, in_allof):
        key = name + ("__base" if in_allof else "")
        if key not in self.defs:
            self.defs[key] = {}
            self.defs[key] = self._conv(self.schemas[name], in_allof=in_allof, name=name)
        return {"$ref": f"#/$defs/{key}"}

    def _conv(self, s, in_allof=False, name=None):
        if isinstance(s, list):
            return [self._conv(x) for x in s]
        if not isinstance(s, dict):
            return s
        if "$ref" in s:
            return self._ref(s["$ref"].split("/")[-1], in_allof)
        out, one_of = {}, None
        for k, v in s.items():
            if k in SKIPPED_KEYWORDS:
                continue
            if k == "allOf":
                out[k] = [self._conv(x, in_allof=True) for x in v]
            elif k == "anyOf":
                out[k] = [self._conv(x) for x in v]
            elif k == "oneOf":
                one_of = [self._conv(x) for x in v]
            elif k == "properties":
                out[k] = {
                    pk: ({"anyOf": [self._conv(pv), {"type": "null"}]} if pk in self.null_ok else self._conv(pv))
                    for pk, pv in v.items()
                }
            elif k in ("items", "additionalProperties", "not"):
                out[k] = self._conv(v) if isinstance(v, dict) else v
            elif k == "required":
                props = s.get("properties") or {}
                out[k] = [r for r in v if not (props.get(r) or {}).get(self.never_carried)]
            else:
                out[k] = v
        if one_of is not None and "anyOf" in out:
            out["allOf"] = [*out.get("allOf", []), {"anyOf": one_of}]
        elif one_of is not None:
            out["anyOf"] = one_of
        disc = s.get("discriminator")
        if disc and disc.get("mapping") and not in_allof:
            out = self._discriminated(out, disc, name)
        if s.get("nullable"):
            out = {"anyOf": [out, {"type": "null"}]}
        return out

    def _discriminated(self, out: dict, disc: dict, name):
        """The base schema and, per mapped value, "if the discriminator is X, also its subtype"."""
        prop = disc["propertyName"]
        branches = []
        for value, ref in disc["mapping"].items():
            target = ref.split("/")[-1]
            if target == name:
                continue
            branches.append(
                {
                    "if": {"properties": {prop: {"const": value}}, "required": [prop]},
                    "then": self._ref(target, in_allof=True),
                }
            )
        out.pop("anyOf", None)  # the subtypes' list (oneOf): the branches above say it precisely
        return {"allOf": [out, *branches]}
