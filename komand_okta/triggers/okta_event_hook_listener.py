"""The HTTP endpoint Okta event hooks deliver to (api_facts §8), inside the plugin process.

- GET with `x-okta-verification-challenge` (Okta's one-time verification): 200
  `{"verification": <value>}`, echoed as UTF-8 (header bytes are UTF-8 text; a value that is not
  is refused with 400). Okta sends the configured auth header on it too, so it is required.
- POST: the auth header must equal the shared secret (`hmac.compare_digest` on the raw bytes,
  constant time); otherwise 401 and nothing is kept. `Content-Length` is required (411) and at
  most MAX_BODY (413, the body is not read). The body must be JSON nested at most MAX_DEPTH deep,
  with `data.events` a list, and each event's `uuid` (when it has one) a string or a number:
  otherwise 400 (Okta never retries a 4xx, and such a body is not Okta's). `accept(items)` gets
  each event with its de-duplication key and answers True only once the events are durable; the
  answer is then 200 with an empty body, else 503 so that Okta retries once (Okta waits 3 s).
- Anything else: 404 (other path) or 405 (other method). An unexpected failure answers 500 and is
  counted, never raised into the server thread. Nothing is ever logged from here (the request
  threads would interleave with the step log); counters are read by the trigger instead.
"""

import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 1024 * 1024
MAX_DEPTH = 64  # Okta's events nest about 6 deep; far deeper JSON is not a delivery
READ_TIMEOUT = 10  # seconds a client may take to send its request


class Refused(ValueError):
    """The body is not an Okta event hook delivery (answered 400)."""


def delivery_items(raw: bytes) -> list:
    """(key, event) for each event of a delivery body; Refused when it is not one.

    The key de-duplicates Okta's at-least-once delivery: the event's `uuid`, or for a number
    (not Okta's, but kept so that the runtime can quarantine it) its JSON text behind `json:`,
    and None without one (such an event is never taken for another).
    """
    try:
        body = json.loads(raw or b"null")
    except ValueError:
        raise Refused("the body is not JSON") from None
    except RecursionError:
        raise Refused("the body nests deeper than %d levels" % MAX_DEPTH) from None
    if _depth(body) > MAX_DEPTH:
        raise Refused("the body nests deeper than %d levels" % MAX_DEPTH)
    events = (body.get("data") if isinstance(body, dict) else None) or {}
    events = events.get("events") if isinstance(events, dict) else None
    if not isinstance(events, list):
        raise Refused("expected an Okta event hook delivery (data.events)")
    return [(_key(event), event) for event in events]


def _key(event):
    uuid = event.get("uuid") if isinstance(event, dict) else None
    if uuid is None or uuid == "":
        return None
    if isinstance(uuid, str):
        return uuid
    if isinstance(uuid, (int, float)):
        return "json:" + json.dumps(uuid)
    raise Refused("an event's uuid is a %s, not a string" % type(uuid).__name__)


def _depth(value) -> int:
    """How deep JSON nests, without recursion (the value came from outside)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in (value.values() if isinstance(value, dict) else value))
    return deepest


class HookListener:
    def __init__(self, host: str, port: int, path: str, auth_header: str, secret: str, accept):
        self.path = "/" + (path or "/").strip().lstrip("/")
        self.auth_header, self._secret = auth_header or "Authorization", (secret or "").encode()
        self.accept = accept
        self.counts = {"accepted": 0, "rejected": 0, "verified": 0, "refused": 0, "failed": 0, "unstored": 0}
        self._lock = threading.Lock()
        self.server = _Server((host, int(port)), _handler(self))
        self.server.listener = self
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
            counts, self.counts = self.counts, dict.fromkeys(self.counts, 0)
        return counts

    def count(self, what: str) -> None:
        with self._lock:
            self.counts[what] += 1

    def authorized(self, value) -> bool:
        """`value` is the header as http.server decodes it (Latin-1), so its bytes are the wire's."""
        if not self._secret or value is None:
            return False
        try:
            return hmac.compare_digest(value.encode("latin-1"), self._secret)
        except UnicodeEncodeError:
            return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A connection that broke mid-answer is counted, not printed as a traceback."""
        self.listener.count("failed")


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
            try:
                challenge = challenge.encode("latin-1").decode("utf-8") if challenge else None
            except UnicodeError:
                challenge = None
            if not challenge:
                return self._answer(400, {"error": "missing or not UTF-8: x-okta-verification-challenge"})
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
                items = delivery_items(self.rfile.read(int(length)))
            except Refused as exc:
                listener.count("refused")
                return self._answer(400, {"error": str(exc)})
            try:
                kept = listener.accept(items)
            except Exception:  # never let one delivery take the listener thread's answer away
                listener.count("failed")
                return self._answer(500, {"error": "the delivery could not be stored"})
            if not kept:
                listener.count("unstored")
                return self._answer(503, {"error": "the delivery could not be stored now; retry later"})
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
            data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else b""
            self.send_response(status)
            if data:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if close:  # the unread body (if any) must not be taken as the next request
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(data)

    return Handler
