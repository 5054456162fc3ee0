"""The WSGI application and the waitress server that runs it.

Why: one request pipeline for every API call -- request id, fault plan, rate
limit (and concurrency limit), authentication, routing, the handler under the
store lock, Okta's headers on every response (``X-Okta-Request-Id``,
``X-Rate-Limit-*``, ``Date`` from the sim clock, ``Link`` lines) -- served by
waitress, a maintained threaded WSGI server, on loopback by default.
"""

import itertools
import logging
import os
import socket
import struct
import sys
import threading
import time
import traceback
from collections import deque

from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import create_server

from . import DEFAULT_TOKEN, orgs
from .auth import Authenticator
from .clock import Clock, http_date
from .control import Control
from .delivery import Deliverer
from .errors import OktaError
from .faults import FaultPlan
from .oauth import OAuthServer
from .ratelimit import RateLimiter
from .resources import register_all, register_oauth
from .router import Router
from .store import Store
from .web import Request, Response

_tls = threading.local()
_STATUS = {
    200: "200 OK",
    201: "201 Created",
    202: "202 Accepted",
    204: "204 No Content",
    400: "400 Bad Request",
    401: "401 Unauthorized",
    403: "403 Forbidden",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    409: "409 Conflict",
    412: "412 Precondition Failed",
    429: "429 Too Many Requests",
    500: "500 Internal Server Error",
    502: "502 Bad Gateway",
    503: "503 Service Unavailable",
    504: "504 Gateway Timeout",
}
_GATEWAY_PAGE = "<html><head><title>{0}</title></head><body><h1>{0}</h1></body></html>"


class _Channel(HTTPChannel):
    """Remembers the channel a worker thread serves, so a fault can drop it."""

    def service(self):
        _tls.channel = self
        try:
            return super().service()
        finally:
            _tls.channel = None


def _drop_connection() -> None:
    ch = getattr(_tls, "channel", None)
    if ch is None:
        return
    try:
        ch.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        ch.socket.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    ch.will_close = True


class SimApp:
    """The simulator as a WSGI callable, plus its state and knobs."""

    def __init__(
        self,
        org="demo",
        tokens=(DEFAULT_TOKEN,),
        rate_limit=None,
        faults=None,
        seed=0,
        clock: Clock | None = None,
        request_log_size: int = 100_000,
        **gen,
    ):
        self.seed = seed
        self.org = org
        self.gen = gen
        self.tokens = tuple(tokens) or (DEFAULT_TOKEN,)
        self.initial_rate_limit = rate_limit
        self.initial_faults = faults
        self.store = Store(seed=seed, clock=clock or Clock())
        self.deliverer = Deliverer(self.store)
        orgs.load(self.store, org, seed=seed, **gen)
        self.auth = Authenticator(self.tokens, store=self.store)
        self.ratelimit = RateLimiter(self.store.clock, rate_limit)
        self.faults = FaultPlan(faults, seed)
        self.router = Router()
        register_all(self.router)
        register_oauth(self.router)
        self.control = Control(self)
        self.oauth = OAuthServer(self)  # /oauth2/v1/token, Bearer/DPoP auth, /__sim/oauth/*
        self.oauth.install()
        self.request_log: deque = deque(maxlen=request_log_size)
        self.observers: list = []  # callables(record) -- e.g. the contract recorder
        self.slow_wait = time.sleep  # how a `slow` fault holds its answer; tests inject their own
        self._rid = itertools.count(1)
        self._rid_prefix = "sim" + os.urandom(4).hex()
        self._bases: dict = {}

    def org_name(self):
        return self.org if isinstance(self.org, str) else "custom"

    def reset(self) -> None:
        with self.store.lock:
            self.store.clock.freeze(False)
            self.store.clock.set(time.time())
            orgs.load(self.store, self.org, seed=self.seed, **self.gen)
        self.auth.set_tokens(self.tokens)
        self.oauth.reset()
        self.ratelimit.configure(self.initial_rate_limit)
        self.faults.configure(self.initial_faults or "", seed=self.seed)
        self.request_log.clear()

    # ----------------------------------------------------------------- WSGI
    def _base(self, environ) -> str:
        host = environ.get("HTTP_HOST") or f'{environ.get("SERVER_NAME")}:{environ.get("SERVER_PORT")}'
        base = self._bases.get(host)
        if base is None:
            base = f'{environ.get("wsgi.url_scheme", "http")}://{host}'
            self._bases[host] = base
            self.store.org.setdefault("base_url", base)
        return base

    def __call__(self, environ, start_response):
        rid = f"{self._rid_prefix}{next(self._rid):x}"
        req = Request(environ, self._base(environ), rid)
        clock = self.store.clock
        extra = []
        fault = None
        route = None
        if req.path.startswith("/__sim/"):
            try:
                resp = self.control.handle(req)
            except OktaError as exc:
                resp = Response(exc.status, exc.body())
            except Exception:
                traceback.print_exc(file=sys.stderr)
                resp = Response(500, OktaError("E0000009").body())
            return self._finish(req, resp, start_response, rid, None, None, control=True)
        fault = self.faults.decide(req.method, req.path)
        delay = 0.0
        if fault is not None:
            kind = fault.kind
            if kind == "slow":
                delay = (fault.arg or 0) / 1000.0
                fault = None
            elif kind == "reset_before":
                _drop_connection()
                self._log(req, 0, None, "reset_before")
                start_response("500 Internal Server Error", [("Content-Length", "0")])
                return [b""]
            elif kind in ("500", "502", "503", "504", "429"):
                resp = self._fault_response(int(kind))
                return self._finish(req, resp, start_response, rid, None, fault)
        allowed, limit, remaining, reset, (bucket, first) = self.ratelimit.check(req.method, req.path)
        rl = (limit, remaining, reset)
        if not allowed:
            if first:
                with self.store.lock:
                    self.store.emit(
                        "system.org.rate_limit.violation",
                        [],
                        req,
                        outcome="RATE_LIMIT",
                        severity="WARN",
                        message=f"Rate limit violation for {bucket.pattern}",
                    )
            err = OktaError("E0000047")
            return self._finish(req, Response(429, err.body()), start_response, rid, rl, fault)
        if not self.ratelimit.enter():
            with self.store.lock:
                self.store.emit("core.concurrency.org.limit.violation", [], req, outcome="RATE_LIMIT", severity="WARN")
            err = OktaError("E0000047")
            return self._finish(
                req, Response(429, err.body()), start_response, rid, (0, 0, int(clock.now()) + 1), fault
            )
        try:
            if delay:
                self.slow_wait(delay)  # a slow answer occupies a concurrency slot
            if self.auth.protects(req.path):
                req.principal = self.auth.authenticate(req)
            route, params = self.router.match(req.method, req.path)
            req.params = params
            req.route = route.template
            handler = route.handler
            if getattr(handler, "manages_lock", False):
                resp = handler(req, self.store)
            else:
                with self.store.lock:
                    resp = handler(req, self.store)
        except OktaError as exc:
            resp = Response(exc.status, exc.body(), headers=exc.headers)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            resp = Response(500, OktaError("E0000009").body())
        finally:
            self.ratelimit.leave()
        return self._finish(req, resp, start_response, rid, rl, fault, extra=extra)

    def _fault_response(self, status: int) -> Response:
        if status == 500:
            return Response(500, OktaError("E0000009").body())
        if status == 429:
            return Response(429, OktaError("E0000047").body())
        return Response(status, raw=_GATEWAY_PAGE.format(_STATUS[status]).encode(), content_type="text/html")

    def _finish(self, req, resp, start_response, rid, rl, fault, control=False, extra=()):
        now = self.store.clock.now()
        body = b"" if resp.status == 204 or req.method == "HEAD" else resp.encoded()
        headers = []
        if resp.status != 204:
            ct = resp.content_type
            headers.append(("Content-Type", ct))
        headers.append(("X-Okta-Request-Id", rid))
        headers.append(("Date", http_date(now)))
        if not control:
            if rl is None:
                limit, remaining, reset = 1_000_000, 1_000_000, int(now) + 60
            else:
                limit, remaining, reset = rl
            headers.append(("X-Rate-Limit-Limit", str(limit)))
            headers.append(("X-Rate-Limit-Remaining", str(remaining)))
            headers.append(("X-Rate-Limit-Reset", str(reset)))
        headers.extend(resp.headers)
        headers.extend(extra)
        headers.append(("Content-Length", str(len(body))))
        status_line = _STATUS.get(resp.status) or f"{resp.status} Status"
        kind = fault.kind if fault is not None else None
        if not control:  # the request log holds API traffic only, not /__sim/ calls
            self._log(req, resp.status, resp, kind)
        if self.observers and not control:
            record = {
                "method": req.method,
                "path": req.path,
                "route": req.route,
                "status": resp.status,
                "body": resp.body if resp.raw is None else None,
                "headers": headers,
                "content_type": resp.content_type,
            }
            for obs in list(self.observers):
                try:
                    obs(record)
                except Exception:
                    traceback.print_exc(file=sys.stderr)
        if kind == "truncate" and len(body) > 1:
            start_response(status_line, headers)
            return [body[: len(body) // 2]]
        if kind == "reset_after":
            _drop_connection()
        start_response(status_line, headers)
        return [body]

    def _log(self, req, status, resp, fault_kind):
        self.request_log.append(
            {
                "method": req.method,
                "path": req.path,
                "query": req.query_string,
                "status": status,
                "requestId": req.request_id,
                "route": req.route,
                "fault": fault_kind,
                "time": self.store.clock.now(),
            }
        )


class ServerHandle:
    """A running waitress server around a SimApp (background or foreground)."""

    def __init__(self, app: SimApp, host: str = "127.0.0.1", port: int = 8080, threads: int = 8):
        logging.getLogger("waitress").setLevel(logging.ERROR)
        self.app = app
        self.server = create_server(
            app,
            host=host,
            port=port,
            threads=threads,
            ident="oktasim",
            asyncore_use_poll=True,
            connection_limit=1000,
            channel_timeout=120,
            clear_untrusted_proxy_headers=False,
        )
        self.server.channel_class = _Channel
        self.host = host
        self.port = self.server.effective_port
        shown = host if ":" not in host else f"[{host}]"
        self.url = f"http://{shown}:{self.port}"
        app.store.org["base_url"] = self.url
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def serve_forever(self) -> None:
        m = self.server._map
        while not self._stop.is_set():
            wasyncore.loop(timeout=0.5, map=m, use_poll=True, count=1)
        self._shutdown()

    def start(self) -> "ServerHandle":
        self._thread = threading.Thread(target=self.serve_forever, name="oktasim-server", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        if self._stop.is_set():
            return
        self._stop.set()
        try:
            self.server.pull_trigger()
        except OSError:
            pass
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _shutdown(self) -> None:
        for disp in list(self.server._map.values()):
            try:
                disp.close()
            except OSError:
                pass
        self.server.task_dispatcher.shutdown(cancel_pending=True, timeout=2)
        self.app.deliverer.stop()
