"""Request and response objects shared by the router, handlers and server.

Why: handlers stay tiny and independent of WSGI; the server converts a
``Response`` into status line, headers (several ``Link`` lines allowed) and a
compact JSON body in one place.
"""

import json
from urllib.parse import parse_qsl, urlencode

from .errors import OktaError

_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def dumps(obj) -> bytes:
    return _dumps(obj).encode("utf-8")


class Request:
    __slots__ = (
        "method",
        "path",
        "query_string",
        "_qs",
        "environ",
        "params",
        "_body",
        "base",
        "request_id",
        "principal",
        "route",
    )

    def __init__(self, environ: dict, base: str, request_id: str):
        self.environ = environ
        self.method = environ["REQUEST_METHOD"].upper()
        raw = environ.get("PATH_INFO", "") or "/"
        try:
            raw = raw.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        self.path = raw
        self.query_string = environ.get("QUERY_STRING", "")
        self._qs = None
        self.params = {}
        self._body = Ellipsis
        self.base = base
        self.request_id = request_id
        self.principal = None
        self.route = None

    # --- query -------------------------------------------------------------
    @property
    def query_pairs(self) -> list:
        if self._qs is None:
            self._qs = parse_qsl(self.query_string, keep_blank_values=True)
        return self._qs

    def arg(self, name: str, default=None):
        for k, v in self.query_pairs:
            if k == name:
                return v
        return default

    def has(self, name: str) -> bool:
        return any(k == name for k, _ in self.query_pairs)

    def bool_arg(self, name: str, default: bool) -> bool:
        v = self.arg(name)
        if v is None or v == "":
            return default
        v = v.lower()
        if v in ("true", "1", "yes"):
            return True
        if v in ("false", "0", "no"):
            return False
        raise OktaError("E0000001", name, causes=[f"{name}: must be true or false"])

    def header(self, name: str, default=None):
        key = "HTTP_" + name.upper().replace("-", "_")
        if name.lower() == "content-type":
            key = "CONTENT_TYPE"
        return self.environ.get(key, default)

    # --- body --------------------------------------------------------------
    def raw_body(self) -> bytes:
        try:
            n = int(self.environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            n = 0
        return self.environ["wsgi.input"].read(n) if n > 0 else b""

    def json(self, required: bool = False):
        """Parsed JSON body (None when empty); bad JSON -> 400 E0000003."""
        if self._body is Ellipsis:
            raw = self.raw_body()
            if not raw.strip():
                self._body = None
            else:
                try:
                    self._body = json.loads(raw)
                except ValueError:
                    raise OktaError("E0000003") from None
        if required and not isinstance(self._body, dict):
            raise OktaError("E0000003")
        return self._body

    def url(self, path: str, pairs=None) -> str:
        qs = urlencode(pairs) if pairs else ""
        return self.base + path + ("?" + qs if qs else "")


class Response:
    __slots__ = ("status", "body", "headers", "raw", "content_type")

    def __init__(
        self,
        status: int = 200,
        body=None,
        headers=None,
        raw: bytes | None = None,
        content_type: str = "application/json",
    ):
        self.status = status
        self.body = body
        self.headers = headers or []
        self.raw = raw
        self.content_type = content_type

    def encoded(self) -> bytes:
        if self.raw is not None:
            return self.raw
        if self.body is None:
            return b""
        return dumps(self.body)


def ok(body=None, status: int = 200, headers=None) -> Response:
    return Response(status, body, headers)


def no_content() -> Response:
    return Response(204)
