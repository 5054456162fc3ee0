"""Web-server mode: the InsightConnect HTTP routes over the same message path as the CLI.

A plain WSGI application (no framework: the routes are few and fixed), served by
`webserver.py`. Each worker keeps one connection per distinct connection input, so keep-alive to
Okta and rate-limit knowledge survive between requests; each request still gets its own log. A
request that fails becomes an error response, never a dead worker. Secrets of the connection
are masked in every response that carries step output, as the orchestrator expects.
"""

import hashlib
import json
import threading
from collections import OrderedDict

from . import spec as spec_module
from .errors import ClientError
from .messages import error_envelope, parse
from .plugin import Plugin
from .schemas import section_schema

PREFIX = "/api/v1"
KINDS = {"actions": "action", "triggers": "trigger", "tasks": "task"}
STATUS_TEXT = {
    200: "200 OK",
    204: "204 No Content",
    400: "400 Bad Request",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    422: "422 Unprocessable Entity",
    500: "500 Internal Server Error",
}


class ConnectionCache:
    """One connection object per distinct connection input, per worker process, at most `size`.

    The least recently used connection is dropped first, so a stream of distinct tokens (a
    misconfigured or hostile caller) costs a bounded amount of memory. A dropped connection is
    not closed: a request may still be using it, and its pooled sockets close when it is freed.
    """

    SIZE = 64  # an orchestrator uses a handful of connections; each costs a session and its pool

    def __init__(self, size: int = SIZE):
        self.size = size
        self._items, self._lock = OrderedDict(), threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, params: dict, build):
        key = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            connection = self._items[key] = build()
            while len(self._items) > self.size:
                self._items.popitem(last=False)
            return connection


class CachingPlugin(Plugin):
    """A Plugin whose connections are reused across requests (bound to each request's log)."""

    def __init__(self, cache: ConnectionCache, **kwargs):
        super().__init__(**kwargs)
        self.cache = cache

    def _connect(self, params, log):
        connection = self.cache.get(params, lambda: Plugin._connect(self, params, log))
        bind = getattr(connection, "bind", None)
        return bind(log) if bind else connection


class App:
    def __init__(self, spec: dict | None = None, workers: int = 1, threads: int = 4, debug: bool = False):
        self.spec = spec if spec is not None else spec_module.load()
        self.workers, self.threads, self.debug = workers, threads, debug
        self.cache = ConnectionCache()

    def __call__(self, environ, start_response):
        try:
            status, body = self.route(
                environ["REQUEST_METHOD"],
                environ.get("PATH_INFO", ""),
                environ.get("QUERY_STRING", ""),
                lambda: _read(environ),
            )
        except ClientError as exc:  # a body that cannot be read as a message
            status, body = 400, error_envelope(None, {}, exc)
        except Exception as exc:  # the worker must survive any request
            status, body = 500, {"error": "Internal error: %s" % type(exc).__name__}
        if status == 204:
            start_response(STATUS_TEXT[204], [])
            return [b""]
        if isinstance(body, str):
            payload, kind = body.encode(), "text/yaml"
        else:
            payload, kind = (json.dumps(body, sort_keys=True) + "\n").encode(), "application/json"
        start_response(
            STATUS_TEXT.get(status, "%d Error" % status),
            [("Content-Type", kind), ("Content-Length", str(len(payload)))],
        )
        return [payload]

    # -- routing -----------------------------------------------------------------------------
    def route(self, method: str, path: str, query: str, read):
        parts = [p for p in (path[len(PREFIX) :] if path.startswith(PREFIX + "/") else path).split("/") if p]
        legacy = not path.startswith(PREFIX + "/")
        if method == "POST":
            return self._post(parts, read, legacy)
        if method == "GET" and not legacy:
            return self._get(parts, query)
        return 404, {"error": "The requested endpoint is not available."}

    def _post(self, parts, read, legacy):
        if len(parts) in (2, 3) and parts[0] in KINDS and (len(parts) == 2 or parts[2] == "test"):
            kind, name, test = KINDS[parts[0]], parts[1], len(parts) == 3
            if kind == "trigger" and not test:
                return 405, {"error": "Triggers run only from the command line."}
            return self._run(read(), kind, name, test)
        if not legacy and len(parts) == 2 and parts[0] == "connection":
            if parts[1] not in ("test", "test_task"):
                return 404, {
                    "error": "The requested endpoint is not available, only ['test', 'test_task'] are supported."
                }
            return self._run(read(), None, None, True)
        return 404, {"error": "The requested endpoint is not available."}

    def _run(self, message, kind, name, test):
        if not message:
            return 400, {"error": "Empty input provided"}
        body = message.get("body") if isinstance(message, dict) else None
        if kind and isinstance(body, dict) and body.get(kind) != name:
            return 400, {
                "error": "%s name (%s) in input body is not matching with name (%s) in route"
                % (kind.capitalize(), body.get(kind), name)
            }
        plugin = CachingPlugin(self.cache, spec=self.spec, debug=self.debug)
        envelope, ok = plugin.handle(message, test=test)
        if ok:
            none_output = envelope["body"].get("output") is None
            return (204 if kind is None and none_output else 200), envelope
        return (400 if "exception" in envelope["body"] else 500), envelope

    def _get(self, parts, query):
        if parts == ["status"]:
            return 200, {"status": "Ready"}
        if parts == ["info"]:
            return 200, self._info()
        if parts == ["spec"]:
            wanted = dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("format", "json")
            if wanted == "json":
                return 200, self.spec
            if wanted == "yaml":
                return 200, spec_module.spec_path().read_text(encoding="utf-8")
            return 422, {"error": "Unsupported format %s; use json or yaml." % wanted}
        if parts == ["connection"]:
            schema = section_schema(self.spec.get("connection") or {}, self.spec.get("types"))
            return 200, {
                "properties": schema["properties"],
                "required": schema.get("required", []),
                "title": "Connection",
                "type": "object",
            }
        if len(parts) in (1, 2) and parts[0] in KINDS:
            steps = self.spec.get(parts[0]) or {}
            if len(parts) == 1:
                return 200, list(steps)
            if parts[1] not in steps:
                return 400, {"error": "%s %s does not exist" % (KINDS[parts[0]].capitalize(), parts[1])}
            step = steps[parts[1]]
            return 200, {
                key: step.get(key)
                for key in ("title", "description", "input", "output", "state", "schedule")
                if key in step
            }
        return 404, {"error": "The requested endpoint is not available."}

    def _info(self) -> dict:
        spec = self.spec
        keys = (
            "name",
            "description",
            "version",
            "vendor",
            "plugin_spec_version",
            "title",
            "support",
            "tags",
            "enable_cache",
        )
        info = {key: spec.get(key) for key in keys}
        info.update(number_of_workers=self.workers, threads=self.threads, sdk_version="komand_okta-runtime")
        return info


def _read(environ):
    """The request's JSON body, None when empty; a ClientError when it is not JSON or is nested
    too deeply to parse (the envelope checks refuse any nesting deeper than messages.MAX_DEPTH)."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length else b""
    return parse(raw) if raw.strip() else None
