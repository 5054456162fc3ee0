"""The HTTP endpoint Okta event hooks deliver to (api_facts §8), inside the plugin process.

- GET with `x-okta-verification-challenge` (Okta's one-time verification): 200
  `{"verification": <value>}`. Okta sends the configured auth header on it too, so it is required.
- POST: the auth header must equal the shared secret (`hmac.compare_digest`, constant time);
  otherwise 401 and nothing is kept. `Content-Length` is required (411) and at most MAX_BODY
  (413, the body is not read). The body must be JSON with `data.events` (400 otherwise).
  The events with a `uuid` go to `accept(events)` (which de-duplicates; False = queue full → 503,
  Okta retries once); the answer is 200 with an empty body at once (Okta waits 3 s at most).
- Anything else: 404 (other path) or 405 (other method). Nothing is ever logged from here (the
  request threads would interleave with the step log); counters are read by the trigger instead.
"""
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 1024 * 1024
READ_TIMEOUT = 10  # seconds a client may take to send its request


class HookListener:
    def __init__(self, host: str, port: int, path: str, auth_header: str, secret: str, accept):
        self.path = "/" + (path or "/").strip().lstrip("/")
        self.auth_header, self._secret = auth_header or "Authorization", (secret or "").encode()
        self.accept = accept
        self.counts = {"accepted": 0, "rejected": 0, "verified": 0}
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer((host, int(port)), _handler(self))
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, name="okta-event-hook", daemon=True)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def start(self) -> "HookListener":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def take_counts(self) -> dict:
        with self._lock:
            counts, self.counts = self.counts, {key: 0 for key in self.counts}
        return counts

    def count(self, what: str) -> None:
        with self._lock:
            self.counts[what] += 1

    def authorized(self, value) -> bool:
        return bool(self._secret) and value is not None and hmac.compare_digest(value.encode(), self._secret)


def _handler(listener: HookListener):
    class Handler(BaseHTTPRequestHandler):
        timeout = READ_TIMEOUT
        server_version = "komand_okta"
        sys_version = ""

        def log_message(self, *_):  # no access log: headers may carry the secret
            pass

        def do_GET(self):
            if not self._allowed():
                return
            challenge = self.headers.get("x-okta-verification-challenge")
            if not challenge:
                return self._answer(400, {"error": "missing x-okta-verification-challenge"})
            listener.count("verified")
            self._answer(200, {"verification": challenge})

        def do_POST(self):
            if not self._allowed():
                return
            length = self.headers.get("Content-Length")
            if length is None or not length.strip().isdigit():
                return self._answer(411, {"error": "Content-Length required"}, close=True)
            if int(length) > MAX_BODY:
                return self._answer(413, {"error": "body larger than %d bytes" % MAX_BODY}, close=True)
            try:
                body = json.loads(self.rfile.read(int(length)) or b"null")
                events = body["data"]["events"]
                if not isinstance(events, list):
                    raise TypeError("events is not a list")
            except (ValueError, KeyError, TypeError):
                return self._answer(400, {"error": "expected an Okta event hook delivery (data.events)"})
            if not listener.accept([event for event in events if isinstance(event, dict) and event.get("uuid")]):
                return self._answer(503, {"error": "too many undelivered events"})
            listener.count("accepted")
            self._answer(200, None)

        def do_PUT(self):
            self._answer(405, {"error": "method not allowed"}, close=True)

        do_DELETE = do_PATCH = do_PUT

        def _allowed(self) -> bool:
            if self.path.split("?", 1)[0] != listener.path:
                self._answer(404, {"error": "not found"}, close=True)
                return False
            if not listener.authorized(self.headers.get(listener.auth_header)):
                listener.count("rejected")
                self._answer(401, {"error": "unauthorized"}, close=True)
                return False
            return True

        def _answer(self, status: int, body, close: bool = False):
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            if data:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if close:  # the unread body (if any) must not be taken as the next request
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(data)

    return Handler
