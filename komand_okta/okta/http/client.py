"""The one HTTP path to Okta.

Every request goes through `OktaClient.request`, which owns the base URL, authentication (an
`auth.ApiTokenAuth` or `auth.OAuthAuth`; a plain string is taken as a fixed Authorization
header, so `OktaClient(base, "SSWS <token>")` keeps working), the User-Agent, timeouts,
URL-encoding of path segments, rate-limit pacing, retries and error mapping. `pages` follows
Okta's `Link: rel="next"` headers. Nothing else imports `requests` (but `auth.OAuthAuth`, for
the token request to the authorization server, on the same session).

Retry rules: a 429 is waited out (until `X-Rate-Limit-Reset`, measured against the response's
`Date`, plus jitter) and retried for any method, since Okta did not apply it. 5xx answers,
timeouts, dropped connections and answers cut short are retried with capped exponential backoff
only for idempotent calls; a non-idempotent call is retried only when it provably never reached
Okta (the connection could not be opened), and otherwise says it may or may not have been
applied. A TLS failure or a refused connection is not retried: it names the host, port and the
fix at once (`failures`). A 401 is sent again only when the auth object asks for it (OAuth: a
DPoP nonce challenge, or one token refresh); Okta did not apply the refused request.

Where a 2xx body must have a shape, the caller says so (`expect=dict` or `expect=list`; `pages`
always expects a list): another shape is an OktaError naming the request, not a crash later.
Every connection is checked against the destination policy when it is opened (`transport`).
"""
import copy
import random
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import requests
import urllib3

from komand_okta.clock import SystemClock

from . import errors, failures
from .auth import ApiTokenAuth
from .ratelimit import RateWindows
from .transport import check_destinations

API_PREFIX = "/api/v1"
IDEMPOTENT_METHODS = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
BACKOFF_CAP = 8.0
GATEWAY_STATUSES = (502, 504)  # answered by a gateway, possibly after Okta applied the request
PROGRESS_EVERY = 10.0  # seconds between progress lines of a long list


class Response:
    """What a caller needs from an Okta answer: status, headers, parsed body, next link."""

    def __init__(self, status: int, headers, body, links: dict, raw=None):
        self.status, self.headers, self.body, self.links = status, headers, body, links
        self._raw = raw

    @property
    def text(self) -> str:
        """The body as Okta sent it (decoded only when asked for)."""
        return self._raw.text if self._raw is not None else ""


class _Retry(Exception):
    """Internal: this attempt failed in a way worth another try after `wait` seconds."""

    def __init__(self, wait: float, reason: str, final: Exception):
        super().__init__(reason)
        self.wait, self.reason, self.final = wait, reason, final


class _AuthRetry(Exception):
    """Internal: the auth object wants this 401 sent once more (new DPoP nonce or refreshed token)."""


class OktaClient:
    def __init__(self, base_url: str, auth, *, user_agent: str = "komand_okta", session=None,
                 clock=None, log=None, timeout=(10, 60), max_tries: int = 5, max_wait: float = 300.0,
                 jitter=random.random, verify_tls: bool = True):
        self.base_url = base_url.rstrip("/")
        self.auth = ApiTokenAuth.from_header(auth) if isinstance(auth, str) else auth
        self.session = check_destinations(session or requests.Session())
        if not verify_tls:  # diagnosis only; the connection warns in every step's log instead of urllib3
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            self.session.verify = False
        self.session.headers.update({"Accept": "application/json", "Content-Type": "application/json",
                                     "User-Agent": user_agent})
        if getattr(self.auth, "session", False) is None:  # OAuth's token requests share the session
            self.auth.session = self.session
        self.clock = clock or SystemClock()
        self.log = log
        self.timeout = timeout
        self.max_tries = max_tries
        self.max_wait = max_wait
        self._jitter = jitter
        self.rate = RateWindows(self.clock, jitter)  # shared by bound copies: one view of Okta's limits

    def bind(self, log) -> "OktaClient":
        """This client writing to another step's log; session, auth and rate-limit state are shared."""
        bound = copy.copy(self)
        bound.log = log
        return bound

    # -- building paths --------------------------------------------------------------------
    @staticmethod
    def path(*segments) -> str:
        """`/api/v1/<seg>/<seg>…` with every segment URL-encoded (logins hold + # / @).

        A segment that is empty, `.` or `..` is refused: URL libraries resolve dot segments, so
        `groups/../users/{id}` would silently address another resource (and a DELETE there
        would delete the user instead of a membership).
        """
        texts = [str(segment) for segment in segments]
        for text in texts:
            if text.strip() in ("", ".", ".."):
                raise errors.InvalidIdentifier(text)
        return API_PREFIX + "".join("/" + quote(text, safe="") for text in texts)

    # -- requests ------------------------------------------------------------------------------
    def request(self, method: str, path: str, *, params=None, json=None, idempotent: bool = None,
                allow=(), headers=None, expect=None) -> Response:
        """Send one logical request (with retries). Statuses in `allow` are returned, not raised.

        `headers` are added to this request only; the client's own (authentication) always win.
        Booleans in `params` are sent as Okta spells them (`true`/`false`).
        `expect` (`dict` or `list`) is the shape a 2xx body other than 204 must have.
        An error raised for an Okta answer carries that answer as `error.response`.
        """
        method = method.upper()
        if params:
            params = {key: ("true" if value else "false") if isinstance(value, bool) else value
                      for key, value in params.items()}
        idempotent = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        url = self._url(path)
        shown = urlsplit(url).path
        waited, tries, auth_state = 0.0, 0, {}
        while True:
            tries += 1
            self._pace(url)
            try:
                response = self._attempt(method, url, shown, params, json, idempotent, allow, tries, auth_state,
                                         headers)
                return _shaped(response, expect, method, shown)
            except _AuthRetry:
                tries -= 1  # the auth object bounds these (one refresh, a nonce or two)
            except _Retry as retry:
                if tries >= self.max_tries or waited + retry.wait > self.max_wait:
                    raise retry.final from None
                self._log("warning", "%s %s: %s; retrying in %.1fs (try %d of %d)", method, shown,
                          retry.reason, retry.wait, tries + 1, self.max_tries)
                self.clock.sleep(retry.wait)
                waited += retry.wait

    def _attempt(self, method, url, shown, params, json, idempotent, allow, tries, auth_state, extra) -> Response:
        headers = dict(extra or {})
        try:
            headers.update(self.auth.headers(method, url))
        finally:
            self._mask_auth_secrets()
        try:
            raw = self.session.request(method, url, params=params, json=json, headers=headers,
                                       timeout=self.timeout, allow_redirects=False)
        except failures.TRANSPORT_ERRORS as exc:
            raise self._failed(failures.classify(exc, url), method, shown, idempotent, tries) from None
        self._remember_limits(url, raw)
        body, parsed = _body(raw)
        status = raw.status_code
        self._log("debug", "%s %s -> %d", method, shown, status)
        response = Response(status, raw.headers, body, _links(raw), raw)
        if status in allow or (200 <= status < 300 and parsed):
            return response
        if 200 <= status < 300:  # a cut-off body: the request happened, the answer was lost
            raise self._failed(failures.truncated(), method, shown, idempotent, tries)
        if status == 401 and self.auth.on_unauthorized(raw, auth_state):
            raise _AuthRetry()
        final = errors.from_response(status, body, method, shown, tries)
        if status in (401, 403):
            final = self.auth.explain(final, raw, method, shown)
        final.response = response
        if status == 429:
            raise _Retry(self._reset_wait(raw, tries), "rate limited (429)", final)
        if status >= 500 and idempotent:
            raise _Retry(self._backoff(tries), "Okta answered %d" % status, final)
        if status in GATEWAY_STATUSES and not idempotent:  # a gateway gave up; Okta may have gone on
            final.cause = final.cause.rstrip(".") + ". The request may or may not have been applied."
            final.assistance = "Check the object's state in Okta before running this action again."
        raise final

    def _failed(self, failure, method, shown, idempotent, tries) -> Exception:
        """The retry (or the final error) for a request that got no complete answer."""
        maybe_applied = failure.sent and method not in READ_METHODS
        final = errors.unreachable(method, shown, failure.reason, maybe_applied, failure.assistance)
        if failure.retryable and (idempotent or not failure.sent):
            return _Retry(self._backoff(tries), failure.reason, final)
        return final

    def get(self, path, params=None, **kwargs):
        return self.request("GET", path, params=params, **kwargs).body

    def post(self, path, json=None, params=None, **kwargs):
        return self.request("POST", path, json=json, params=params, **kwargs).body

    def put(self, path, json=None, params=None, **kwargs):
        return self.request("PUT", path, json=json, params=params, **kwargs).body

    def delete(self, path, params=None, **kwargs):
        return self.request("DELETE", path, params=params, **kwargs).body

    def pages(self, path: str, params=None, *, page_size: int = None, limit: int = None, headers=None):
        """Every item of a list, following `next` links, stopping after `limit` items.

        Each request asks for no more than is still wanted, so a limit smaller than a page
        costs exactly one small request.
        """
        params = dict(params or {})
        if page_size or limit:
            params["limit"] = min(x for x in (page_size, limit) if x)
        url, seen, count = self._url(path), set(), 0
        progress = self.progress(urlsplit(url).path)
        while url:
            response = self.request("GET", url, params=params, headers=headers, expect=list)
            params = None  # the next link carries its own query
            for item in response.body:
                yield item
                count += 1
                if limit and count >= limit:
                    progress.done(count)
                    return
            progress.page(count)
            url = self._next(response, seen, limit - count if limit else None)
        progress.done(count)

    def progress(self, shown: str) -> "Progress":
        """A reporter for a long read of `shown`: progress lines at a readable pace, then a summary."""
        return Progress(self, shown)

    # -- helpers -----------------------------------------------------------------------------
    def _url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            if not _same_origin(path, self.base_url):
                raise errors.OktaError("Refused to follow a link to another host: %s." % urlsplit(path).netloc,
                                       "This is unexpected from Okta; check the Okta domain in the connection.")
            return path
        return self.base_url + path

    def _next(self, response, seen: set, remaining):
        link = response.links.get("next")
        if not link or link in seen:
            return None
        seen.add(link)
        if not _same_origin(link, self.base_url):
            raise errors.OktaError("Okta's next-page link points to another host (%s); the list is incomplete."
                                   % urlsplit(link).netloc,
                                   "Check that the Okta domain in the connection is the org's own domain.")
        if remaining:
            parts = urlsplit(link)
            query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "limit"]
            current = dict(parse_qsl(parts.query)).get("limit")
            size = min(int(current), remaining) if current and current.isdigit() else remaining
            link = urlunsplit(parts._replace(query=urlencode(query + [("limit", str(size))])))
        return link

    def _pace(self, url: str) -> None:
        """Wait as Okta's rate-limit headers advise before the next request to this bucket."""
        bucket = _bucket(url)
        wait = self.rate.wait_before(bucket)
        if wait > self.max_wait:
            raise errors.OktaError("Okta's rate limit for %s is exhausted for another %.0fs." % (bucket, wait),
                                   errors.ASSISTANCE[429])
        if wait > 0:
            self._log("info", "Okta rate limit for %s nearly or fully spent; waiting %.1fs", bucket, wait)
            self.clock.sleep(wait)

    def _remember_limits(self, url: str, raw) -> None:
        if raw.status_code != 429:
            self.rate.observe(_bucket(url), raw.headers)

    def _reset_wait(self, raw, tries: int) -> float:
        seconds = self._until_reset(raw)
        return seconds if seconds is not None else self._backoff(tries)

    def _until_reset(self, raw):
        """Seconds until the window of this 429 resets, measured by its own Date, plus jitter."""
        reset, date = raw.headers.get("X-Rate-Limit-Reset"), raw.headers.get("Date")
        try:
            now = parsedate_to_datetime(date).timestamp() if date else self.clock.now()
            return max(0.0, float(reset) - now) + 1.0 * self._jitter()
        except (TypeError, ValueError):
            return None

    def _backoff(self, tries: int) -> float:
        return min(BACKOFF_CAP, 0.5 * 2 ** (tries - 1)) * (1 + 0.5 * self._jitter())

    def _mask_auth_secrets(self) -> None:
        """Tell this step's log about secrets the auth minted (tokens, assertions, proofs), so they
        are masked in its lines and in the step's error, whichever request minted them."""
        add = getattr(self.log, "add_secret", None)
        if add is not None:
            for secret in self.auth.secrets():
                add(secret)

    def _log(self, level, message, *args):
        if self.log is not None:
            getattr(self.log, level)(message, *args)


class Progress:
    """Progress of a long list, logged at a readable pace (every PROGRESS_EVERY seconds)."""

    def __init__(self, client, shown: str):
        self.client, self.shown, self.pages = client, shown, 0
        self.started = self.last = client.clock.monotonic()

    def page(self, count: int) -> None:
        self.pages += 1
        now = self.client.clock.monotonic()
        if now - self.last >= PROGRESS_EVERY:
            self.last = now
            self.client._log("info", "Reading %s: %d items in %d pages so far", self.shown, count, self.pages)

    def done(self, count: int) -> None:
        if self.pages > 1 or self.last != self.started:
            self.client._log("info", "Read %s: %d items in %d pages (%.1fs)", self.shown, count, max(self.pages, 1),
                             self.client.clock.monotonic() - self.started)


def _body(raw):
    """(parsed JSON or None, whether the body was complete)."""
    if not raw.content:
        return None, True
    try:
        return raw.json(), True
    except ValueError:
        return None, False


def _links(raw) -> dict:
    return {rel: link.get("url") for rel, link in (raw.links or {}).items()}


def _same_origin(url: str, base: str) -> bool:
    a, b = urlsplit(url), urlsplit(base)
    return (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower())


def _bucket(url: str) -> str:
    """Okta meters per endpoint family: a collection and its members count separately."""
    segments = urlsplit(url).path[len(API_PREFIX):].strip("/").split("/")
    return "/".join(segments[:1] + (["*"] if len(segments) > 1 else []))


def _shaped(response, expect, method: str, shown: str):
    """`response`, or an OktaError when its 2xx body is not of the `expect`ed shape."""
    if expect is None or not 200 <= response.status < 300 or response.status == 204 or \
            isinstance(response.body, expect):
        return response
    found = {dict: "an object", list: "a list", type(None): "an empty body"}.get(type(response.body), "a single value")
    wanted = {dict: "an object", list: "a list"}.get(expect, getattr(expect, "__name__", str(expect)))
    raise errors.OktaError(
        "Okta answered %s %s with %s where %s was expected." % (method, shown, found, wanted),
        "This is not how Okta answers this request: check that okta_url is the Okta org's own domain (not a proxy, "
        "gateway or other service), then try again.", status=response.status)
