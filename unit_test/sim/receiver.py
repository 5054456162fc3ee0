"""A local event-hook receiver for tests (127.0.0.1 only)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    def __init__(self, verify_ok=True, post_status=200):
        self.verify_ok = verify_ok
        self.post_status = post_status
        self.gets: list = []
        self.posts: list = []
        outer = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                outer.gets.append(dict(self.headers))
                challenge = self.headers.get("x-okta-verification-challenge", "")
                body = json.dumps({"verification": challenge if outer.verify_ok else "wrong"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                outer.posts.append({"headers": dict(self.headers), "body": json.loads(self.rfile.read(n))})
                self.send_response(outer.post_status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
