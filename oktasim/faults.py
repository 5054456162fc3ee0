"""A deterministic fault plan per path pattern.

Why: clients must survive 5xx, dropped connections, slow and truncated
responses; tests need the same faults on every run (``--seed``).
SPEC: rules separated by ``;``.  Each rule is ``[METHOD ]PATTERN:ACTIONS``;
PATTERN is a glob when it contains ``*``, else a path prefix.  ACTIONS is either
a comma list of ``ACTION[@P]`` (P = probability, default 1; one random draw per
request picks at most one action) or ``seq=A,B,C`` (consumed one per matching
request, then ``ok`` forever).  ACTION is one of ``500 502 503 504 429``,
``reset`` (= ``reset_before``: connection dropped, request NOT applied),
``reset_after`` (request applied, then the connection is dropped),
``slow=MS`` (delay, then answer normally), ``truncate`` (body cut short),
``ok``.  Example: ``/api/v1/users*:500@0.1,reset@0.02;/api/v1/zones*:seq=503,503,ok``.
"""

import fnmatch
import random
import re
import threading

KINDS = {"500", "502", "503", "504", "429", "reset", "reset_before", "reset_after", "truncate", "ok", "slow"}


class SpecError(ValueError):
    pass


class Fault:
    __slots__ = ("kind", "arg")

    def __init__(self, kind, arg=None):
        self.kind = "reset_before" if kind == "reset" else kind
        self.arg = arg

    def __repr__(self):
        return f"Fault({self.kind!r}, {self.arg!r})"


def _action(text: str):
    text = text.strip()
    m = re.match(r"^(slow)\s*=\s*(\d+)$", text) or re.match(r"^([a-z_0-9]+)$", text)
    if not m or m.group(1) not in KINDS:
        raise SpecError(f"unknown fault action {text!r}")
    return (m.group(1), int(m.group(2)) if m.lastindex == 2 else None)


class Rule:
    def __init__(self, pattern, method=None, actions=(), seq=None, seed=0, index=0):
        self.pattern = pattern
        self.method = method
        self.actions = list(actions)  # [(kind, arg, p)]
        self.seq = list(seq) if seq is not None else None  # [(kind, arg)]
        self.pos = 0
        self.rng = random.Random(f"{seed}:{index}:{pattern}")
        self.hits = 0

    def matches(self, method, path) -> bool:
        if self.method and self.method != method:
            return False
        if "*" in self.pattern or "?" in self.pattern:
            return fnmatch.fnmatchcase(path, self.pattern)
        return path.startswith(self.pattern)

    def next(self):
        self.hits += 1
        if self.seq is not None:
            if self.pos >= len(self.seq):
                return None
            kind, arg = self.seq[self.pos]
            self.pos += 1
            return None if kind == "ok" else Fault(kind, arg)
        roll = self.rng.random()
        acc = 0.0
        for kind, arg, p in self.actions:
            acc += p
            if roll < acc:
                return None if kind == "ok" else Fault(kind, arg)
        return None

    def describe(self) -> dict:
        return {
            "pattern": self.pattern,
            "method": self.method,
            "actions": [{"kind": k, "arg": a, "p": p} for k, a, p in self.actions],
            "seq": [{"kind": k, "arg": a} for k, a in self.seq] if self.seq is not None else None,
            "position": self.pos,
            "hits": self.hits,
        }


def parse(spec: str, seed: int = 0) -> list:
    rules = []
    for index, chunk in enumerate(s for s in (spec or "").split(";") if s.strip()):
        head, sep, body = chunk.strip().rpartition(":")
        if not sep or not head:
            raise SpecError(f"fault rule needs PATTERN:ACTIONS, got {chunk!r}")
        # "PATTERN:ACTIONS" -- the pattern itself has no ':' except "METHOD:/path".
        method = None
        m = re.match(r"^(GET|POST|PUT|DELETE|PATCH|HEAD)[ :](.+)$", head.strip(), re.I)
        if m:
            method, head = m.group(1).upper(), m.group(2)
        body = body.strip()
        if body.startswith("seq="):
            seq = [_action(a) for a in body[4:].split(",") if a.strip()]
            rules.append(Rule(head.strip(), method, seq=seq, seed=seed, index=index))
            continue
        actions = []
        for part in body.split(","):
            if not part.strip():
                continue
            act, _, p = part.partition("@")
            kind, arg = _action(act)
            try:
                prob = float(p) if p else 1.0
            except ValueError:
                raise SpecError(f"bad probability in {part!r}") from None
            if not 0.0 <= prob <= 1.0:
                raise SpecError(f"probability out of range in {part!r}")
            actions.append((kind, arg, prob))
        rules.append(Rule(head.strip(), method, actions=actions, seed=seed, index=index))
    return rules


def from_json(plan: dict, seed: int = 0) -> list:
    """``{"rules": [{"pattern", "method"?, "actions": [{"kind","arg"?,"p"?}] | "seq": [...]}]}``."""
    rules = []
    for index, r in enumerate(plan.get("rules") or []):

        def act(a):
            if isinstance(a, str):
                k, arg = _action(a)
                return k, arg
            k = str(a["kind"])
            if k not in KINDS:
                raise SpecError(f"unknown fault action {k!r}")
            return k, a.get("arg")

        if r.get("seq") is not None:
            rules.append(Rule(r["pattern"], r.get("method"), seq=[act(a) for a in r["seq"]], seed=seed, index=index))
        else:
            acts = []
            for a in r.get("actions") or []:
                k, arg = act(a)
                acts.append((k, arg, float(a.get("p", 1.0)) if isinstance(a, dict) else 1.0))
            rules.append(Rule(r["pattern"], r.get("method"), actions=acts, seed=seed, index=index))
    return rules


class FaultPlan:
    def __init__(self, spec: str | None = None, seed: int = 0):
        self._lock = threading.Lock()
        self.seed = seed
        self.spec = None
        self.rules: list[Rule] = []
        if spec:
            self.configure(spec, seed)

    def configure(self, spec=None, seed=None, plan: dict | None = None) -> None:
        seed = self.seed if seed is None else seed
        rules = from_json(plan, seed) if plan is not None else parse(spec or "", seed)
        with self._lock:
            self.seed = seed
            self.spec = spec if plan is None else None
            self.rules = rules

    def clear(self) -> None:
        with self._lock:
            self.rules = []
            self.spec = None

    def decide(self, method: str, path: str):
        if not self.rules:
            return None
        with self._lock:
            for rule in self.rules:
                if rule.matches(method, path):
                    return rule.next()
        return None

    def describe(self) -> dict:
        return {"spec": self.spec, "seed": self.seed, "rules": [r.describe() for r in self.rules]}
