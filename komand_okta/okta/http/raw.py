"""Raw requests to the Okta Management API, confined to the configured org's /api/v1.

Everything an analyst gives is checked before any request, and anything doubtful is refused
(`RawRequestRefused`, naming the field) rather than repaired:

- `path` is relative to /api/v1 (`users/00u1`, `/users/00u1` and `/api/v1/users/00u1` are one
  path). Refused: absolute URLs (any `scheme:` or `//host`), `?`/`#` (query parameters go in
  `query`), backslashes, control characters, empty segments, `.`/`..` segments (also when
  percent-encoded, once or several times, or hidden behind an encoded `/`), and paths under
  `/api` that are not /api/v1 (`/api/v2/...`).
  Each segment is percent-decoded once and then encoded by the client exactly as every other
  action's path, so `users/jane%40example.com` and `users/jane@example.com` are the same
  request, and `+`, `@` and `/` in a login stay inside their segment.
- `headers` are strings. Authorization, Host, Cookie and DPoP cannot be set, so the
  connection's credentials and target cannot be replaced; nor can the framing and hop-by-hop
  headers (Content-Length, Transfer-Encoding, Connection, Keep-Alive, Expect, Upgrade, TE,
  Trailer, any Proxy-*), which belong to the HTTP connection the plugin manages (an
  `Expect: 100-continue` would make every attempt wait for an answer that never comes). CR/LF
  in names or values is refused, and so is a value that is not Latin-1 (HTTP cannot carry it).
- `query` values are strings, numbers, booleans or lists of those.

The request goes through the one HTTP path (`OktaClient.request` / `pages`): its base URL,
auth, retries, rate-limit pacing and same-origin check on next links all apply, and the
analyst's headers are added per request (the client's own, such as Authorization, always win).

Answers: every status Okta gives is returned, not raised (a raw tool exists to show them); 429
is still waited out and 5xx still retried for idempotent methods by the client, and if they
persist the last answer is returned. Response headers are returned without Set-Cookie.
"""

import re
from urllib.parse import unquote

from .client import API_PREFIX
from .errors import OktaError

METHODS = ("GET", "POST", "PUT", "DELETE")
CONNECTION_OWN_HEADERS = {"authorization", "host", "cookie", "dpop"}
HOP_BY_HOP_HEADERS = {
    "connection",
    "keep-alive",
    "expect",
    "upgrade",
    "te",
    "trailer",
    "trailers",
    "transfer-encoding",
    "content-length",
    "http2-settings",
}
DROPPED_RESPONSE_HEADERS = {"set-cookie", "set-cookie2"}
FIRST_PAGE_MAX = 200  # a limit asks for at most this many on the first page (the common Okta maximum)
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_RETURNED = frozenset(status for status in range(100, 500) if status != 429)


class RawRequestRefused(ValueError):
    """The input is refused before any request; `field` names the input at fault."""

    def __init__(self, field: str, reason: str):
        super().__init__("%s: %s" % (field, reason))
        self.field, self.reason = field, reason


# -- checking inputs -------------------------------------------------------------------------
def path_segments(path) -> list:
    """The decoded segments of an /api/v1-relative path, or RawRequestRefused."""
    if not isinstance(path, str) or not path.strip():
        raise RawRequestRefused("path", "it is empty")
    if _CONTROL.search(path):
        raise RawRequestRefused("path", "it contains control characters")
    path = path.strip()
    if "\\" in path:
        raise RawRequestRefused("path", "it contains a backslash")
    if path.startswith("//") or "://" in path or _SCHEME.match(path):
        raise RawRequestRefused("path", "it is an absolute URL; give a path relative to /api/v1, such as /users")
    if "?" in path or "#" in path:
        raise RawRequestRefused("path", "it holds a query or fragment; give query parameters in 'query'")
    if path.startswith(API_PREFIX + "/") or path == API_PREFIX:
        path = path[len(API_PREFIX) :]
    elif path.startswith(API_PREFIX[1:] + "/") or path == API_PREFIX[1:]:
        path = path[len(API_PREFIX) - 1 :]
    raw_segments = path.strip("/").split("/") if path.strip("/") else []
    if not raw_segments:
        raise RawRequestRefused("path", "it names no endpoint under /api/v1")
    segments = []
    for raw in raw_segments:
        if raw == "":
            raise RawRequestRefused("path", "it has an empty segment (//)")
        decoded = unquote(raw)
        _check_segment(decoded)
        segments.append(decoded)
    if segments[0].lower() == "api":
        raise RawRequestRefused("path", "it leaves /api/v1; only Management API paths under /api/v1 are allowed")
    return segments


def _check_segment(decoded: str) -> None:
    """Refuse a segment that is, or could be made into, a dot segment or a traversal by any decoding."""
    seen, current = set(), decoded
    while current not in seen:
        seen.add(current)
        if _CONTROL.search(current):
            raise RawRequestRefused("path", "it contains encoded control characters")
        if "\\" in current:
            raise RawRequestRefused("path", "it contains an encoded backslash")
        if any(part in (".", "..") for part in current.split("/")):
            raise RawRequestRefused("path", "it has a '.' or '..' segment (possibly percent-encoded)")
        current = unquote(current)


def check_headers(headers) -> dict:
    if headers is None:
        return {}
    if not isinstance(headers, dict):
        raise RawRequestRefused("headers", "give an object of header names and string values")
    checked = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _TOKEN.match(name):
            raise RawRequestRefused("headers", "%r is not a valid header name" % (name,))
        lowered = name.lower()
        if lowered in CONNECTION_OWN_HEADERS:
            raise RawRequestRefused("headers", "the %s header cannot be set; the connection provides it" % name)
        if lowered in HOP_BY_HOP_HEADERS or lowered.startswith("proxy-"):
            raise RawRequestRefused(
                "headers",
                "the %s header cannot be set; it governs the HTTP connection "
                "(hop-by-hop or framing), which the plugin manages" % name,
            )
        if not isinstance(value, str):
            raise RawRequestRefused("headers", "the value of %s must be a string" % name)
        if _CONTROL.search(value.replace("\t", "")):
            raise RawRequestRefused("headers", "the value of %s contains control characters" % name)
        if not _latin1(value):
            raise RawRequestRefused(
                "headers",
                "the value of %s is not Latin-1 text, which an HTTP header cannot "
                "carry; remove or percent-encode the other characters" % name,
            )
        checked[name] = value
    return checked


def _latin1(value: str) -> bool:
    try:
        value.encode("latin-1")
        return True
    except UnicodeEncodeError:
        return False


def check_query(query) -> dict:
    if query is None:
        return {}
    if not isinstance(query, dict):
        raise RawRequestRefused("query", "give an object of parameter names and values")
    checked = {}
    for name, value in query.items():
        values = value if isinstance(value, list) else [value]
        if any(v is not None and not isinstance(v, (str, int, float, bool)) for v in values):
            raise RawRequestRefused(
                "query", "the value of %s must be a string, number, boolean or a list of them" % name
            )
        values = [_query_value(v) for v in values if v is not None]
        if values:
            checked[name] = values if isinstance(value, list) else values[0]
    return checked


def _query_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# -- sending -------------------------------------------------------------------------------
class Raw:
    """One raw request (or a paginated GET) through `client`."""

    def __init__(self, client, log=None):
        self.client, self.log = client, log

    def send(self, method: str, path: str, query=None, headers=None, body=None, paginate=False, limit=None) -> dict:
        method = (method or "GET").upper()
        if method not in METHODS:
            raise RawRequestRefused("method", "it must be one of %s" % ", ".join(METHODS))
        segments = path_segments(path)
        params, extra = check_query(query), check_headers(headers)
        if body is not None and not isinstance(body, (dict, list)):
            raise RawRequestRefused("body", "give a JSON object or array")
        if body is not None and method == "GET":
            raise RawRequestRefused("body", "a GET request has no body")
        if paginate and method != "GET":
            raise RawRequestRefused("paginate", "only GET lists can be paginated")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
            raise RawRequestRefused("limit", "it must be 1 or more")

        return self._send(method, self.client.path(*segments), params, body, paginate, limit, extra)

    def _send(self, method, url_path, params, body, paginate, limit, headers):
        # 429 and 5xx are left to the client (waited out / retried when idempotent); if they
        # persist, the client raises with the last answer attached, which is returned.
        allow = _RETURNED
        if paginate and limit is not None:
            params = dict(params)
            asked = params.get("limit")
            asked = int(asked) if isinstance(asked, str) and asked.isdigit() else FIRST_PAGE_MAX
            params["limit"] = str(min(limit, asked))
        try:
            response = self.client.request(
                method, url_path, params=params or None, json=body, allow=allow, headers=headers
            )
        except OktaError as exc:
            return self._answered(exc, method, url_path)
        self._warn(method, url_path, response.status)
        if not (paginate and isinstance(response.body, list) and 200 <= response.status < 300):
            return _output(response, limit if paginate else None)
        items = list(response.body)[:limit] if limit else list(response.body)
        following = response.links.get("next")
        if following and (limit is None or len(items) < limit):
            try:
                items.extend(self._rest(following, None if limit is None else limit - len(items), headers))
            except OktaError as exc:
                return self._answered(exc, "GET", url_path)
        return _output(response, items=items)

    def _answered(self, exc, method, url_path) -> dict:
        """Okta's last answer when it persisted (429, 5xx); errors without an answer are raised."""
        if exc.response is None:
            raise exc
        self._warn(method, url_path, exc.response.status)
        return _output(exc.response)

    def _rest(self, link: str, remaining, headers):
        """The items of the pages after the first, read by the client's pager from Okta's next link
        (which lowers each link's limit to what remains)."""
        return list(self.client.pages(link, limit=remaining, headers=headers))

    def _warn(self, method, url_path, status):
        if self.log is None:
            return
        if status in (401, 403):
            self.log.warning(
                "Okta answered %d to %s %s: the connection's credentials lack access to it; "
                "the answer is returned as output.",
                status,
                method,
                url_path,
            )
        elif status >= 400:
            self.log.info("Okta answered %d to %s %s; the answer is returned as output.", status, method, url_path)


def _output(response, limit=None, items=None) -> dict:
    output = {
        "status_code": response.status,
        "headers": {
            name: value for name, value in response.headers.items() if name.lower() not in DROPPED_RESPONSE_HEADERS
        },
    }
    if items is not None:
        return _with_body(output, items)
    body = response.body
    if body is None:
        if response.text:
            output["text"] = response.text
        return output
    if isinstance(body, list) and limit:
        body = body[:limit]
    return _with_body(output, body)


def _with_body(output: dict, body) -> dict:
    if isinstance(body, dict):
        output["body"] = body
    elif isinstance(body, list) and all(isinstance(item, dict) for item in body):
        output.update(items=body, count=len(body))
    else:  # a scalar, or an array of non-objects: the spec's items are objects, so give it as text
        import json

        output["text"] = json.dumps(body)
        if isinstance(body, list):
            output["count"] = len(body)
    return output
