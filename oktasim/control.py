"""The control API under ``/__sim/`` (never under ``/api/``; no auth).

Why: tests and the demo drive what the plugin cannot: inspect and reset state,
load an org, switch org features, set rate limits and faults, move the clock,
decide push transactions (or the number the user picks), emit events, simulate
sign-ins (each starts a session) and lockouts, read the request log, flush
event-hook deliveries.  Routes are listed in ``oktasim/README.md``.
"""

from . import features, orgs
from .clock import iso, parse_iso
from .errors import OktaError
from .faults import SpecError as FaultSpecError
from .ratelimit import SpecError as RateSpecError
from .resources import factors as factors_mod
from .resources import sessions as sessions_mod
from .resources.logs import public as public_event
from .router import Router
from .web import ok

KINDS = (
    "users",
    "groups",
    "memberships",
    "apps",
    "app_users",
    "app_groups",
    "factors",
    "transactions",
    "roles",
    "zones",
    "idps",
    "hooks",
    "logs",
    "user_types",
    "realms",
    "policies",
    "api_tokens",
    "sessions",
    "devices",
    "enrollments",
    "grants",
    "refresh_tokens",
    "risks",
)


def _user_public(u) -> dict:
    d = u.to_dict()
    d["has_password"] = d.pop("password") is not None
    return d


def _state(store, kind):
    if kind == "users":
        return [_user_public(store.users[i]) for i in store.user_ids]
    if kind == "memberships":
        return {gid: list(m) for gid, m in store.members.items()}
    if kind == "logs":
        return [public_event(e) for e in store.logs]
    if kind == "transactions":
        return list(store.transactions.values())
    if kind == "hooks":
        return [{k: v for k, v in h.items() if k != "_secret"} for h in store.hooks.values()]
    coll = getattr(store, kind)
    if isinstance(coll, dict):
        vals = list(coll.values())
        return vals
    return coll


class Control:
    def __init__(self, sim):
        self.sim = sim
        self.router = Router()
        r = self.router
        r.add("GET", "/__sim/health", self.health)
        r.add("POST", "/__sim/reset", self.reset)
        r.add("POST", "/__sim/org", self.load_org)
        r.add("GET", "/__sim/features", self.get_features)
        r.add("POST", "/__sim/features", self.set_features)
        r.add("GET", "/__sim/state", self.state_summary)
        r.add("GET", "/__sim/state/{kind}", self.state_kind)
        r.add("GET", "/__sim/state/{kind}/{id}", self.state_one)
        r.add("GET", "/__sim/ratelimit", self.get_ratelimit)
        r.add("POST", "/__sim/ratelimit", self.set_ratelimit)
        r.add("DELETE", "/__sim/ratelimit", self.clear_ratelimit)
        r.add("GET", "/__sim/faults", self.get_faults)
        r.add("POST", "/__sim/faults", self.set_faults)
        r.add("DELETE", "/__sim/faults", self.clear_faults)
        r.add("GET", "/__sim/clock", self.get_clock)
        r.add("POST", "/__sim/clock", self.set_clock)
        r.add("GET", "/__sim/push", self.list_push)
        r.add("POST", "/__sim/push/{transactionId}", self.decide_push)
        r.add("POST", "/__sim/events", self.emit_events)
        r.add("GET", "/__sim/requests", self.get_requests)
        r.add("DELETE", "/__sim/requests", self.clear_requests)
        r.add("POST", "/__sim/hooks/flush", self.flush_hooks)
        r.add("GET", "/__sim/hooks/deliveries", self.hook_deliveries)
        r.add("POST", "/__sim/users/{id}/login", self.user_login)
        r.add("POST", "/__sim/users/{id}/lockout", self.user_lockout)
        r.add("POST", "/__sim/users/{id}/status", self.user_status)
        r.add("POST", "/__sim/tokens", self.set_tokens)

    def handle(self, req):
        route, params = self.router.match(req.method, req.path)
        req.params = params
        return route.handler(req)

    # ------------------------------------------------------------- handlers
    def health(self, req):
        s = self.sim.store
        return ok({"ok": True, "users": len(s.users), "now": iso(s.clock.now())})

    def reset(self, req):
        self.sim.reset()
        return ok({"ok": True, "org": self.sim.org_name()})

    def load_org(self, req):
        body = req.json() or {}
        org = body.get("org", "demo")
        gen = {k: body[k] for k in ("users", "groups", "group_size", "apps") if k in body}
        try:
            with self.sim.store.lock:
                orgs.load(self.sim.store, org, seed=body.get("seed"), **gen)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise OktaError("E0000001", "org", causes=[f"org: {exc}"]) from None
        self.sim.org = org
        return ok({"ok": True, "users": len(self.sim.store.users), "groups": len(self.sim.store.groups)})

    def state_summary(self, req):
        s = self.sim.store
        with s.lock:
            out = {}
            for k in KINDS:
                v = _state(s, k) if k in ("memberships",) else getattr(s, k, None)
                out[k] = len(v) if v is not None else 0
            out["now"] = iso(s.clock.now())
            return ok(out)

    def state_kind(self, req):
        kind = req.params["kind"]
        if kind not in KINDS:
            raise OktaError("E0000008")
        with self.sim.store.lock:
            return ok(_state(self.sim.store, kind))

    def state_one(self, req):
        kind, oid = req.params["kind"], req.params["id"]
        s = self.sim.store
        with s.lock:
            if kind == "users":
                u = s.find_user(oid)
                if u is None:
                    raise OktaError("E0000007", f"Resource not found: {oid} (User)")
                d = _user_public(u)
                d["groups"] = sorted(s.user_groups.get(u.id, ()))
                d["factors"] = list(s.factors.get(u.id, {}).values())
                d["roles"] = list(s.roles.get(u.id, {}).values())
                return ok(d)
            if kind not in KINDS:
                raise OktaError("E0000008")
            coll = getattr(s, kind)
            if isinstance(coll, dict) and oid in coll:
                v = coll[oid]
                return ok(v if not isinstance(v, set) else sorted(v))
            raise OktaError("E0000007", f"Resource not found: {oid} ({kind})")

    def get_ratelimit(self, req):
        return ok(self.sim.ratelimit.describe())

    def set_ratelimit(self, req):
        body = req.json() or {}
        try:
            self.sim.ratelimit.configure(body.get("spec"))
        except RateSpecError as exc:
            raise OktaError("E0000001", "spec", causes=[str(exc)]) from None
        return ok(self.sim.ratelimit.describe())

    def clear_ratelimit(self, req):
        self.sim.ratelimit.configure(None)
        return ok(self.sim.ratelimit.describe())

    def get_faults(self, req):
        return ok(self.sim.faults.describe())

    def set_faults(self, req):
        body = req.json() or {}
        try:
            if "rules" in body:
                self.sim.faults.configure(plan=body, seed=body.get("seed"))
            else:
                self.sim.faults.configure(body.get("spec"), seed=body.get("seed"))
        except (FaultSpecError, KeyError, TypeError, ValueError) as exc:
            raise OktaError("E0000001", "faults", causes=[str(exc)]) from None
        return ok(self.sim.faults.describe())

    def clear_faults(self, req):
        self.sim.faults.clear()
        return ok(self.sim.faults.describe())

    def get_clock(self, req):
        c = self.sim.store.clock
        return ok({"now": iso(c.now()), "epoch": c.now(), "frozen": c.frozen})

    def set_clock(self, req):
        body = req.json() or {}
        c = self.sim.store.clock
        if "freeze" in body:
            c.freeze(bool(body["freeze"]))
        if "set" in body:
            try:
                c.set(parse_iso(body["set"]) if isinstance(body["set"], str) else float(body["set"]))
            except ValueError:
                raise OktaError("E0000001", "set", causes=["set: ISO-8601 time or epoch seconds"]) from None
        if "advance" in body:
            c.advance(float(body["advance"]))
        # Expire push transactions whose lifetime passed.
        s = self.sim.store
        with s.lock:
            for tx in s.transactions.values():
                factors_mod.advance(s, tx, poll=False)
        return ok({"now": iso(c.now()), "epoch": c.now(), "frozen": c.frozen})

    def list_push(self, req):
        with self.sim.store.lock:
            return ok(list(self.sim.store.transactions.values()))

    def decide_push(self, req):
        body = req.json() or {}
        picked = body.get("picked")
        result = str(body.get("result", "")).upper()
        if "picked" in body:
            if isinstance(picked, bool) or not isinstance(picked, int):
                raise OktaError("E0000001", "picked", causes=["picked: the number the user taps, an integer"])
        elif result not in ("SUCCESS", "REJECTED", "TIMEOUT"):
            raise OktaError("E0000001", "result", causes=["result: SUCCESS, REJECTED or TIMEOUT (or picked: N)"])
        s = self.sim.store
        with s.lock:
            tx = s.transactions.get(req.params["transactionId"])
            if tx is None:
                raise OktaError("E0000007", f"Resource not found: {req.params['transactionId']} (Transaction)")
            if "picked" not in body:
                factors_mod.settle(s, tx, result)
            elif tx.get("correct_answer") is None:
                raise OktaError("E0000001", "picked", causes=["picked: this push has no number matching challenge"])
            else:
                factors_mod.pick(s, tx, picked)
            return ok(tx)

    def get_features(self, req):
        return ok(dict(self.sim.store.features))

    def set_features(self, req):
        s = self.sim.store
        with s.lock:
            try:
                return ok(features.update(s, req.json()))
            except ValueError as exc:
                raise OktaError("E0000001", "features", causes=[str(exc)]) from None

    def emit_events(self, req):
        body = req.json()
        items = body.get("events") if isinstance(body, dict) and "events" in body else body
        if isinstance(items, dict):
            items = [items]
        if not isinstance(items, list):
            raise OktaError("E0000003")
        s = self.sim.store
        out = []
        with s.lock:
            for item in items:
                if not isinstance(item, dict) or not item.get("eventType"):
                    raise OktaError("E0000001", "eventType", causes=["eventType: required"])
                targets = list(item.get("target") or [])
                if item.get("userId"):
                    u = s.find_user(item["userId"])
                    if u is not None:
                        targets.insert(0, s.user_target(u))
                if item.get("groupId") in s.groups:
                    targets.append(s.group_target(s.groups[item["groupId"]]))
                published = item.get("published")
                if published:
                    published = iso(parse_iso(published))
                ev = s.emit(
                    item["eventType"],
                    targets,
                    outcome=(item.get("outcome") or {}).get("result", "SUCCESS")
                    if isinstance(item.get("outcome"), dict)
                    else item.get("outcome", "SUCCESS"),
                    reason=(item.get("outcome") or {}).get("reason")
                    if isinstance(item.get("outcome"), dict)
                    else item.get("reason"),
                    severity=item.get("severity", "INFO"),
                    actor=item.get("actor"),
                    message=item.get("displayMessage"),
                    published=published,
                )
                if item.get("client"):
                    ev["client"].update(item["client"])
                out.append(public_event(ev))
        return ok(out)

    def get_requests(self, req):
        return ok(list(self.sim.request_log))

    def clear_requests(self, req):
        self.sim.request_log.clear()
        return ok({"ok": True})

    def flush_hooks(self, req):
        body = req.json() or {}
        done = self.sim.deliverer.flush(float(body.get("timeout", 10)))
        return ok({"ok": done, "deliveries": len(self.sim.deliverer.deliveries)})

    def hook_deliveries(self, req):
        return ok(list(self.sim.deliverer.deliveries))

    def _user(self, req):
        u = self.sim.store.find_user(req.params["id"])
        if u is None:
            raise OktaError("E0000007", f"Resource not found: {req.params['id']} (User)")
        return u

    def user_login(self, req):
        body = req.json() or {}
        s = self.sim.store
        with s.lock:
            u = self._user(req)
            if u.status not in ("ACTIVE", "PASSWORD_EXPIRED"):
                ev = s.emit(
                    "user.session.start",
                    [s.user_target(u)],
                    outcome="FAILURE",
                    reason="User is not active",
                    actor=s.actor({"user_id": u.id}),
                )
            else:
                u.last_login = s.now()
                session = sessions_mod.start(s, u, body.get("ip"))
                ev = s.emit("user.session.start", [s.user_target(u)], actor=s.actor({"user_id": u.id}))
                ev["authenticationContext"]["externalSessionId"] = session["id"]
            if body.get("ip"):
                ev["client"]["ipAddress"] = body["ip"]
                ev["request"]["ipChain"][0]["ip"] = body["ip"]
            return ok(public_event(ev))

    def user_lockout(self, req):
        s = self.sim.store
        with s.lock:
            u = self._user(req)
            if u.status != "ACTIVE":
                raise OktaError("E0000038")
            u.status = "LOCKED_OUT"
            u.status_changed = u.last_updated = s.now()
            ev = s.emit("user.account.lock", [s.user_target(u)], severity="WARN", actor=s.actor({"user_id": u.id}))
            return ok(public_event(ev))

    def user_status(self, req):
        body = req.json() or {}
        from .store import USER_STATUSES

        status = body.get("status")
        if status not in USER_STATUSES:
            raise OktaError("E0000001", "status", causes=[f"status: one of {', '.join(USER_STATUSES)}"])
        s = self.sim.store
        with s.lock:
            u = self._user(req)
            u.status = status
            u.status_changed = u.last_updated = s.now()
            return ok(_user_public(u))

    def set_tokens(self, req):
        body = req.json() or {}
        tokens = body.get("tokens")
        if not isinstance(tokens, list) or not all(isinstance(t, str) and t for t in tokens):
            raise OktaError("E0000001", "tokens", causes=["tokens: a non-empty list of strings"])
        self.sim.auth.set_tokens(tokens)
        return ok({"ok": True, "count": len(tokens)})
