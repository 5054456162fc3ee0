"""The expression grammar Okta accepts in ``filter`` and ``search`` parameters.

Why: users, groups, apps, zones, realms and the System Log all take SCIM-like
expressions (``profile.lastName eq "Smith" and (status eq "ACTIVE" or ...)``).
We tokenize, parse to a tree, check every (attribute, operator) against the
rules of the endpoint and mode (api_facts §1.2, §1.8), and compile a predicate.
Operators and string values are case-insensitive; attribute names are not.
"""

import re

from .clock import parse_iso

OPS = {"eq", "ne", "sw", "ew", "co", "pr", "gt", "ge", "lt", "le"}
_TOKEN = re.compile(r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<str>"(?:[^"\\]|\\.)*")|(?P<word>[^\s()"]+))')


class SearchError(ValueError):
    pass


def tokenize(text: str) -> list:
    pos, out = 0, []
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise SearchError(f"unexpected character at {pos}")
        pos = m.end()
        if m.group("lp"):
            out.append(("(", "("))
        elif m.group("rp"):
            out.append((")", ")"))
        elif m.group("str") is not None:
            raw = m.group("str")[1:-1]
            out.append(("str", re.sub(r"\\(.)", r"\1", raw)))
        else:
            out.append(("word", m.group("word")))
    return out


class _Parser:
    def __init__(self, tokens):
        self.t = tokens
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def parse(self):
        if not self.t:
            raise SearchError("empty expression")
        node = self.expr()
        if self.i != len(self.t):
            raise SearchError(f"unexpected token {self.peek()[1]!r}")
        return node

    def expr(self):
        node = self.term()
        while self.peek()[0] == "word" and self.peek()[1].lower() == "or":
            self.take()
            node = ("or", node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek()[0] == "word" and self.peek()[1].lower() == "and":
            self.take()
            node = ("and", node, self.factor())
        return node

    def factor(self):
        kind, val = self.peek()
        if kind == "(":
            self.take()
            node = self.expr()
            if self.take()[0] != ")":
                raise SearchError("missing )")
            return node
        if kind != "word":
            raise SearchError(f"expected an attribute, got {val!r}")
        if val.lower() == "not":
            raise SearchError("'not' is not supported")
        attr = self.take()[1]
        if not re.match(r"^[A-Za-z_][\w.\-$]*$", attr):
            raise SearchError(f"bad attribute {attr!r}")
        kind, op = self.take()
        if kind != "word" or op.lower() not in OPS:
            raise SearchError(f"unknown operator {op!r}")
        op = op.lower()
        if op == "pr":
            return ("cmp", attr, op, None)
        kind, val = self.take()
        if kind == "str":
            value = val
        elif kind == "word":
            low = val.lower()
            if low == "true":
                value = True
            elif low == "false":
                value = False
            elif low == "null":
                value = None
            else:
                try:
                    value = int(val) if re.match(r"^-?\d+$", val) else float(val)
                except ValueError:
                    raise SearchError(f"bad value {val!r}") from None
        else:
            raise SearchError("missing value")
        return ("cmp", attr, op, value)


def parse(text: str):
    return _Parser(tokenize(text)).parse()


def walk(node):
    if node[0] == "cmp":
        yield node
    else:
        yield from walk(node[1])
        yield from walk(node[2])


def _as_time(v):
    if isinstance(v, str) and len(v) >= 10 and v[4:5] == "-":
        try:
            return parse_iso(v)
        except ValueError:
            return None
    return None


def _cmp_one(actual, op, expected) -> bool:
    if op == "pr":
        return actual is not None and actual != "" and actual != []
    if actual is None:
        if op == "eq":
            return expected is None
        if op == "ne":
            return expected is not None
        return False
    if isinstance(expected, bool) or isinstance(actual, bool):
        if op == "eq":
            return str(actual).lower() == str(expected).lower()
        if op == "ne":
            return str(actual).lower() != str(expected).lower()
        return False
    if op in ("gt", "ge", "lt", "le"):
        a, e = _as_time(actual), _as_time(expected)
        if a is None or e is None:
            a, e = actual, expected
            if isinstance(a, str) or isinstance(e, str):
                a, e = str(a).lower(), str(e).lower()
        try:
            return {"gt": a > e, "ge": a >= e, "lt": a < e, "le": a <= e}[op]
        except TypeError:
            return False
    a = str(actual).lower() if not isinstance(actual, (int, float)) else actual
    e = str(expected).lower() if not isinstance(expected, (int, float)) or isinstance(a, str) else expected
    if isinstance(a, (int, float)) and not isinstance(e, (int, float)):
        a = str(a).lower()
    if op == "eq":
        return a == e
    if op == "ne":
        return a != e
    a, e = str(a), str(e)
    if op == "sw":
        return a.startswith(e)
    if op == "ew":
        return a.endswith(e)
    if op == "co":
        return e in a
    return False


def compile_expr(node, getter):
    """Return predicate(obj) -> bool; ``getter(obj, attr)`` reads a value (or list)."""
    kind = node[0]
    if kind == "and":
        left, right = compile_expr(node[1], getter), compile_expr(node[2], getter)
        return lambda o: left(o) and right(o)
    if kind == "or":
        left, right = compile_expr(node[1], getter), compile_expr(node[2], getter)
        return lambda o: left(o) or right(o)
    _, attr, op, value = node

    def pred(o):
        actual = getter(o, attr)
        if isinstance(actual, list):
            if op == "ne":
                return all(_cmp_one(a, op, value) for a in actual)
            return any(_cmp_one(a, op, value) for a in actual)
        return _cmp_one(actual, op, value)

    return pred


class Rules:
    """Which attributes and operators one endpoint+mode accepts.

    ``attrs``: exact names; ``prefixes``: any attribute starting with these
    (e.g. ``profile.``); ``ops``: default operators; ``per_attr``: overrides;
    ``logical``: allowed connectives.
    """

    def __init__(self, attrs=(), prefixes=(), ops=("eq",), per_attr=None, logical=("and", "or"), extra=None):
        self.attrs = set(attrs)
        self.prefixes = tuple(prefixes)
        self.ops = set(ops)
        self.per_attr = per_attr or {}
        self.logical = set(logical)
        self.extra = extra or {}

    def allowed_ops(self, attr):
        if attr in self.per_attr:
            return set(self.per_attr[attr])
        for pfx, ops in self.extra.items():
            if attr.startswith(pfx):
                return set(ops)
        return self.ops

    def check(self, node):
        if node[0] in ("and", "or"):
            if node[0] not in self.logical:
                raise SearchError(f"{node[0]} not supported")
            self.check(node[1])
            self.check(node[2])
            return
        _, attr, op, _ = node
        if attr not in self.attrs and not any(attr.startswith(p) and len(attr) > len(p) for p in self.prefixes):
            raise SearchError(f"attribute {attr!r} is not supported")
        if op not in self.allowed_ops(attr):
            raise SearchError(f"operator {op!r} is not supported for {attr!r}")


def build(text: str, rules: Rules, getter):
    """Parse, check and compile; raises SearchError on anything Okta would refuse."""
    tree = parse(text)
    rules.check(tree)
    return compile_expr(tree, getter)


_DATES = ("gt", "ge", "lt", "le", "eq")

USER_FILTER = Rules(
    attrs=("status", "lastUpdated", "id", "profile.login", "profile.email", "profile.firstName", "profile.lastName"),
    ops=("eq",),
    per_attr={"lastUpdated": _DATES},
)
USER_SEARCH = Rules(
    attrs=(
        "id",
        "status",
        "created",
        "activated",
        "statusChanged",
        "lastUpdated",
        "passwordChanged",
        "lastLogin",
        "type.id",
        "realmId",
    ),
    prefixes=("profile.",),
    ops=("eq", "sw", "pr", "gt", "ge", "lt", "le"),
    per_attr={
        f"profile.{a}": ("eq", "sw", "co", "pr", "gt", "ge", "lt", "le")
        for a in ("firstName", "lastName", "email", "login")
    },
)
GROUP_FILTER = Rules(
    attrs=("id", "type", "lastUpdated", "lastMembershipUpdated"),
    ops=("eq",),
    per_attr={"lastUpdated": _DATES, "lastMembershipUpdated": _DATES},
)
GROUP_SEARCH = Rules(
    attrs=("id", "type", "created", "lastUpdated", "lastMembershipUpdated", "source.id"),
    prefixes=("profile.",),
    ops=("eq", "sw", "pr", "gt", "ge", "lt", "le"),
    per_attr={"profile.name": ("eq", "sw", "co", "pr"), "profile.description": ("eq", "sw", "co", "pr")},
)
ZONE_FILTER = Rules(attrs=("id", "usage", "system"), ops=("eq",))
APP_FILTER = Rules(
    attrs=("status", "name", "id", "user.id", "group.id", "credentials.signing.kid", "settings.slo.enabled"),
    ops=("eq",),
)
REALM_SEARCH = Rules(attrs=("profile.name",), ops=("co", "eq", "sw"))
LOG_FILTER = Rules(
    attrs=(
        "eventType",
        "legacyEventType",
        "uuid",
        "severity",
        "displayMessage",
        "outcome.result",
        "outcome.reason",
        "transaction.id",
        "transaction.type",
        "transaction.detail.requestApiTokenId",
        "client.ipAddress",
        "client.zone",
        "client.device",
        "client.id",
        "debugContext.debugData.requestId",
    ),
    prefixes=(
        "actor.",
        "target.",
        "client.",
        "authenticationContext.",
        "securityContext.",
        "debugContext.",
        "request.",
    ),
    ops=("eq", "ne", "sw", "ew", "co", "pr", "gt", "ge", "lt", "le"),
)
