"""Okta's official OpenAPI 3.0 spec as JSON Schema, per operation and response status.

Why: the contract suite validates every simulator response against the schema the spec gives
its operation.  OpenAPI 3.0 is not JSON Schema: ``$ref``s are resolved into ``$defs``,
``nullable`` becomes ``anyOf [..., null]`` (also for the properties real Okta sends as null
though the spec says otherwise: ``null_ok``), and a ``discriminator`` mapping becomes one
``if type == X then <subtype>`` branch per value, so an IP zone is checked against
IPNetworkZone, a DYNAMIC one against DynamicNetworkZone, a PASSWORD policy against
PasswordPolicy, and so on.  ``declared_properties`` lists what a subtype may carry.
"""

import re

SKIPPED_KEYWORDS = ("discriminator", "nullable", "example", "examples", "x-okta-tags", "xml", "externalDocs",
                    "deprecated", "readOnly", "writeOnly", "format")


def normalize(template: str) -> str:
    """A path template with its parameter names dropped (ours and the spec's name them differently)."""
    return re.sub(r"\{[^}]+\}", "{}", template)


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


class Spec:
    def __init__(self, path, null_ok=()):
        import yaml
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with open(path, encoding="utf-8") as fh:
            self.doc = yaml.load(fh, Loader=loader)
        self.schemas = self.doc["components"]["schemas"]
        # Okta's own examples in the spec show these as null too.
        self.null_ok = set(null_ok) | _null_keys(self.doc["components"].get("examples") or {}, set())
        self.ops = {}
        for p, item in self.doc["paths"].items():
            for method, op in item.items():
                if isinstance(op, dict) and "responses" in op:
                    self.ops[(method.upper(), normalize(p))] = op
        self._defs = {}
        self._cache = {}

    def operation(self, method, route):
        return self.ops.get((method.upper(), normalize(route)))

    def response_schema(self, method, route, status):
        """(JSON Schema, "ok") or (None, why there is nothing to check)."""
        key = (method.upper(), normalize(route), int(status))
        if key not in self._cache:
            self._cache[key] = self._response_schema(*key)
        return self._cache[key]

    def _response_schema(self, method, route, status):
        op = self.ops.get((method, route))
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

    # ---- discriminated subtypes ---------------------------------------------------------
    def subtype(self, base: str, value: str):
        """The schema name the discriminator of ``base`` maps ``value`` to, or None."""
        mapping = (self.schemas[base].get("discriminator") or {}).get("mapping") or {}
        ref = mapping.get(value)
        return ref.split("/")[-1] if ref else None

    def declared_properties(self, name: str) -> set:
        """Every property a schema declares, through its allOf parts and their $refs."""
        return self._declared(self.schemas[name])

    def _declared(self, s) -> set:
        if "$ref" in s:
            return self.declared_properties(s["$ref"].split("/")[-1])
        names = set(s.get("properties") or {})
        for part in s.get("allOf") or []:
            names |= self._declared(part)
        return names

    # ---- OpenAPI 3.0 -> JSON Schema (draft 2020-12 via $defs) ----------------------------
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
            if k in SKIPPED_KEYWORDS:
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
            else:
                out[k] = v
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
            branches.append({"if": {"properties": {prop: {"const": value}}, "required": [prop]},
                             "then": self._ref(target, in_allof=True)})
        out.pop("oneOf", None)
        out.pop("anyOf", None)
        return {"allOf": [out, *branches]}
