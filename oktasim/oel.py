"""A small subset of the Okta Expression Language, enough for group rules.

Why: an ACTIVE group rule must really assign the users its expression matches (that is how an
attacker's rule keeps them in a group), so the simulator parses and evaluates expressions
instead of storing them as text.  Supported, as in Okta's group-rule expressions:

    user.<attr> == "x"   user.<attr> != "x"      (profile attributes; a missing one is null)
    String.stringContains(a, b)   String.startsWith(a, b)   String.endsWith(a, b)
    String.toLowerCase(a)         String.toUpperCase(a)
    isMemberOfGroup("00g…")   isMemberOfAnyGroup("00g…", …)   isMemberOfGroupName("name")
    &&  ||  !  (also AND, OR, NOT)   ( … )   "strings" 'strings'   true false null

Anything else is a syntax error, which Okta reports as 400 E0000001 ``validateRule``.
"""

import re

_TOKEN = re.compile(
    r"""\s*(?:(?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(?P<op>==|!=|&&|\|\||[!(),.])"""
    r"""|(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*))"""
)
_KEYWORDS = {"and": "&&", "or": "||", "not": "!"}


class OelError(ValueError):
    """The expression is not valid (in the subset we understand)."""


def _tokens(text: str) -> list:
    out, pos, text = [], 0, text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise OelError(f"unexpected character at {pos}")
        pos = m.end()
        if m.group("str"):
            out.append(("lit", re.sub(r"\\(.)", r"\1", m.group("str")[1:-1])))
        elif m.group("num"):
            out.append(("lit", float(m.group("num")) if "." in m.group("num") else int(m.group("num"))))
        elif m.group("op"):
            out.append(("op", m.group("op")))
        elif m.group("name").lower() in _KEYWORDS:
            out.append(("op", _KEYWORDS[m.group("name").lower()]))
        else:
            out.append(("name", m.group("name")))
    return out


def _predicate(test):
    """A String test; null (a missing attribute) is never a match."""

    def call(_ctx, *args):
        return all(isinstance(a, str) for a in args) and test(*args)

    return call


def _transform(op):
    def call(_ctx, value):
        return op(value) if isinstance(value, str) else None

    return call


def _member_of_any(ctx, *group_ids):
    return any(gid in ctx.groups for gid in group_ids)


def _member_of_name(ctx, name):
    return any(ctx.group_name(gid) == name for gid in ctx.groups)


FUNCTIONS = {
    # name -> (minimum args, maximum args or None, implementation(ctx, *args))
    "String.stringContains": (2, 2, _predicate(lambda s, sub: sub in s)),
    "String.startsWith": (2, 2, _predicate(str.startswith)),
    "String.endsWith": (2, 2, _predicate(str.endswith)),
    "String.toLowerCase": (1, 1, _transform(str.lower)),
    "String.toUpperCase": (1, 1, _transform(str.upper)),
    "isMemberOfGroup": (1, 1, _member_of_any),
    "isMemberOfAnyGroup": (1, None, _member_of_any),
    "isMemberOfGroupName": (1, 1, _member_of_name),
}


class _Parser:
    def __init__(self, tokens):
        self.t, self.i = tokens, 0

    def peek(self, value=None):
        tok = self.t[self.i] if self.i < len(self.t) else (None, None)
        return tok if value is None else tok == ("op", value)

    def take(self, value=None):
        tok = self.peek()
        if tok[0] is None or (value is not None and tok != ("op", value)):
            raise OelError(f"expected {value or 'more'} at token {self.i}")
        self.i += 1
        return tok

    def parse(self):
        if not self.t:
            raise OelError("empty expression")
        node = self.disjunction()
        if self.i != len(self.t):
            raise OelError(f"unexpected {self.peek()[1]!r}")
        return node

    def disjunction(self):
        node = self.conjunction()
        while self.peek("||"):
            self.take()
            node = ("or", node, self.conjunction())
        return node

    def conjunction(self):
        node = self.negation()
        while self.peek("&&"):
            self.take()
            node = ("and", node, self.negation())
        return node

    def negation(self):
        if self.peek("!"):
            self.take()
            return ("not", self.negation())
        return self.comparison()

    def comparison(self):
        node = self.operand()
        if self.peek("==") or self.peek("!="):
            op = self.take()[1]
            node = (op, node, self.operand())
        return node

    def operand(self):
        kind, value = self.take()
        if (kind, value) == ("op", "("):
            node = self.disjunction()
            self.take(")")
            return node
        if kind == "lit":
            return ("lit", value)
        if kind != "name":
            raise OelError(f"unexpected {value!r}")
        if value in ("true", "false", "null"):
            return ("lit", {"true": True, "false": False, "null": None}[value])
        path = [value]
        while self.peek("."):
            self.take()
            kind, part = self.take()
            if kind != "name":
                raise OelError(f"unexpected {part!r} after '.'")
            path.append(part)
        if self.peek("("):
            return self.call(".".join(path))
        if path[0] != "user" or len(path) != 2:
            raise OelError(f"unknown property {'.'.join(path)}")
        return ("attr", path[1])

    def call(self, name):
        if name not in FUNCTIONS:
            raise OelError(f"unknown function {name}")
        self.take("(")
        args = []
        if not self.peek(")"):
            args.append(self.disjunction())
            while self.peek(","):
                self.take()
                args.append(self.disjunction())
        self.take(")")
        low, high, _ = FUNCTIONS[name]
        if len(args) < low or (high is not None and len(args) > high):
            raise OelError(f"{name} takes {low}{'' if high == low else '+'} arguments")
        return ("call", name, args)


def parse(text: str):
    """The expression's tree; OelError when it is not valid."""
    if not isinstance(text, str):
        raise OelError("the expression must be a string")
    return _Parser(_tokens(text)).parse()


class Context:
    """What an expression sees of one user: profile attributes and group ids (names on demand)."""

    def __init__(self, profile: dict, groups, group_name):
        self.profile, self.groups, self.group_name = profile, groups, group_name


def evaluate(node, ctx: Context):
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "attr":
        return ctx.profile.get(node[1])
    if kind == "not":
        return evaluate(node[1], ctx) is not True
    if kind == "and":
        return evaluate(node[1], ctx) is True and evaluate(node[2], ctx) is True
    if kind == "or":
        return evaluate(node[1], ctx) is True or evaluate(node[2], ctx) is True
    if kind in ("==", "!="):
        equal = evaluate(node[1], ctx) == evaluate(node[2], ctx)
        return equal if kind == "==" else not equal
    _, name, args = node
    return FUNCTIONS[name][2](ctx, *(evaluate(a, ctx) for a in args))


def matches(node, ctx: Context) -> bool:
    """Whether the expression is true for the user (a non-boolean result is not a match)."""
    return evaluate(node, ctx) is True
