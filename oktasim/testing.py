"""In-process harness for tests: ``running_sim(...)`` starts the simulator on an
ephemeral loopback port in a background thread and stops it on exit.

Why: integration tests of the plugin and the simulator's own tests need a real
HTTP server with direct access to its state, the control API and the request
log, without subprocesses or sleeps.

    with running_sim(org="demo") as sim:
        requests.get(sim.url + "/api/v1/users/me",
                     headers={"Authorization": f"SSWS {sim.token}"})
        sim.control("POST", "/clock", json={"advance": 301})
        assert sim.requests()[-1]["status"] == 200
"""

import contextlib
import io
import json
import threading
import urllib.request

from .server import ServerHandle, SimApp

# Callables(record) added to every SimApp this module starts (the contract recorder uses it).
# Their record also holds "request": the query string, content type and raw body it answers.
OBSERVERS: list = []


class _ObservedApp(SimApp):
    """A SimApp whose observers also see the request: it reads the body first (waitress has
    it buffered already) and hands the handlers an identical copy."""

    _answering = threading.local()

    def __call__(self, environ, start_response):
        try:
            size = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = 0
        body = environ["wsgi.input"].read(size) if size > 0 else b""
        environ["wsgi.input"] = io.BytesIO(body)
        self._answering.request = {
            "query": environ.get("QUERY_STRING", ""),
            "content_type": environ.get("CONTENT_TYPE", ""),
            "body": body,
        }
        try:
            return super().__call__(environ, start_response)
        finally:
            self._answering.request = None

    def _with_request(self, observer):
        return lambda record: observer({**record, "request": getattr(self._answering, "request", None)})


class RunningSim:
    def __init__(self, handle: ServerHandle, token: str):
        self._handle = handle
        self.app: SimApp = handle.app
        self.url: str = handle.url
        self.token: str = token
        self.store = handle.app.store

    @property
    def headers(self) -> dict:
        return {"Authorization": f"SSWS {self.token}", "Accept": "application/json", "Content-Type": "application/json"}

    def control(self, method: str, path: str, json=None):
        """Call ``/__sim/<path>`` and return the decoded JSON (raises on HTTP errors)."""
        import json as _json

        if not path.startswith("/__sim"):
            path = "/__sim" + (path if path.startswith("/") else "/" + path)
        data = _json.dumps(json).encode() if json is not None else None
        req = urllib.request.Request(
            self.url + path, data=data, method=method.upper(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
        return _json.loads(raw) if raw else None

    def requests(self) -> list:
        """The request log: dicts with method, path, query, status (+ requestId, route, fault, time)."""
        return list(self.app.request_log)

    def stop(self) -> None:
        self._handle.stop()


@contextlib.contextmanager
def running_sim(org="demo", tokens=("test-token",), rate_limit=None, faults=None, seed=0, threads=8, **gen):
    app = _ObservedApp(org=org, tokens=tokens, rate_limit=rate_limit, faults=faults, seed=seed, **gen)
    app.observers.extend(app._with_request(obs) for obs in OBSERVERS)
    handle = ServerHandle(app, host="127.0.0.1", port=0, threads=threads).start()
    sim = RunningSim(handle, tokens[0] if tokens else "")
    try:
        yield sim
    finally:
        handle.stop()


__all__ = ["OBSERVERS", "RunningSim", "json", "running_sim"]
