"""The one HTTP path to Okta.

Every request goes through `OktaClient.request`, which owns the base URL, authentication (an
`auth.ApiTokenAuth` or `auth.OAuthAuth`; a plain string is taken as a fixed Authorization
header, so `OktaClient(base, "SSWS <token>")` keeps working), the User-Agent, timeouts, TLS
verification, URL-encoding of path segments, rate-limit pacing (`ratelimit`), retries (whose
rules are `retry.RetryPolicy`'s) and error mapping. `pages` and `page_through` walk lists with
the one pager (`paging`). Nothing outside this package imports `requests`.

One request is: pace, send once, read the answer. A TLS failure or a refused connection names the
host, port and fix at once (`failures`). A 401 is sent again only when the auth object asks for
it (OAuth: a DPoP nonce challenge, or one token refresh); Okta did not apply the refused request.
Anything else the policy decides: wait and try again, or give up with the one error that says
what happened, and whether the request may or may not have been applied.

Where a 2xx body must have a shape, the caller says so (`expect=dict` or `expect=list`; `pages`
always expects a list): another shape is an OktaError naming the request, not a crash later.
Every connection is checked against the destination policy when it is opened (`transport`).
"""

import copy
import json
import random
from urllib.parse import quote, urlsplit

import requests
import urllib3

from komand_okta.clock import SystemClock

from . import errors, failures, paging
from .auth import ApiTokenAuth
from .ratelimit import RateWindows
from .retry import IDEMPOTENT_METHODS, RetryPolicy
from .transport import check_destinations, environment_read_once

API_PREFIX = "/api/v1"
SHARE_ABOVE = 256 * 1024  # answers larger than this (big list pages) are parsed with shared strings


class Response:
    """What a caller needs from an Okta answer: status, headers, parsed body, next link."""

    def __init__(self, status: int, headers, body, links: dict, raw=None):
        self.status, self.headers, self.body, self.links = status, headers, body, links
        self._raw = raw

    @property
    def text(self) -> str:
        """The body as Okta sent it (decoded only when asked for)."""
        return self._raw.text if self._raw is not None else ""


# What `request` answers when a change's answer was lost but reading it back showed it applied.
CHECKED = Response(None, {}, None, {})


class OktaClient:
    def __init__(
        self,
        base_url: str,
        auth,
        *,
        user_agent: str = "komand_okta",
        session=None,
        clock=None,
        log=None,
        timeout=(10, 60),
        max_tries: int = 5,
        max_wait: float = 300.0,
        jitter=random.random,
        verify_tls: bool = True,
        rate_file=None,
    ):
        self.base_url = base_url.rstrip("/")
        self.auth = ApiTokenAuth.from_header(auth) if isinstance(auth, str) else auth
        self.session = check_destinations(session or requests.Session())
        if not verify_tls:  # diagnosis only; the connection warns in every step's log instead of urllib3
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            self.session.verify = False
        environment_read_once(self.session, self.base_url)
        self.session.headers.update(
            {"Accept": "application/json", "Content-Type": "application/json", "User-Agent": user_agent}
        )
        if getattr(self.auth, "session", False) is None:  # OAuth's token requests share the session
            self.auth.session = self.session
        self.clock = clock or SystemClock()
        self.log = log
        self.timeout = timeout
        self.retry = RetryPolicy(self.clock, max_tries, max_wait, jitter)
        # shared by bound copies (one view of Okta's limits), and with other processes through
        # `rate_file` (a `windowfile.WindowFile`), when there is one
        self.rate = RateWindows(self.clock, jitter, shared=rate_file)

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

    def url(self, path: str) -> str:
        """The absolute URL of a path, or of a stored link when it is on the org's own origin."""
        if path.startswith(("http://", "https://")):
            if not paging.same_origin(path, self.base_url):
                raise errors.ClientError(
                    "Refused to follow a link to another host: %s." % urlsplit(path).netloc,
                    "Links are followed only on the connection's Okta domain; check the Okta domain in the connection.",
                )
            return path
        return self.base_url + path

    # -- requests ------------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        params=None,
        json=None,
        idempotent: bool = None,
        allow=(),
        headers=None,
        expect=None,
        shrink=None,
        check=None,
    ) -> Response:
        """Send one logical request (with retries). Statuses in `allow` are returned, not raised.

        `headers` are added to this request only; the client's own (authentication) always win.
        Booleans in `params` are sent as Okta spells them (`true`/`false`).
        `expect` (`dict` or `list`) is the shape a 2xx body other than 204 must have.
        `shrink()` (a list page) answers the (url, params) of a smaller page to try after a 500 or
        a read timeout, or None. `check()` (a change whose outcome can be read back) answers
        whether the goal holds after a transient failure left it unknown: True ends the request
        with `CHECKED` (status None, no body), False lets it be sent again within the retry
        budget, None (unknown) leaves the error as it was.
        An error raised for an Okta answer carries that answer as `error.response`.
        """
        method = method.upper()
        if params:
            params = {
                key: ("true" if value else "false") if isinstance(value, bool) else value
                for key, value in params.items()
            }
        idempotent = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        url = self.url(path)
        shown = urlsplit(url).path
        tries, waited, auth_state = 0, 0.0, {}
        while True:
            tries += 1
            self._pace(url)
            raw, failure, too_slow = self._send(method, url, params, json, headers)
            if failure is None:
                body, complete = _body(raw)
                response = Response(raw.status_code, raw.headers, body, _links(raw), raw)
                if response.status in allow or (200 <= response.status < 300 and complete):
                    return _shaped(response, expect, method, shown)
                if response.status == 401 and self.auth.on_unauthorized(raw, auth_state):
                    tries -= 1  # the auth object bounds these (one refresh, a nonce or two)
                    continue
                if 200 <= response.status < 300:  # a cut-off body: the request happened, the answer was lost
                    failure = failures.truncated()
            if failure is None:
                decision = self.retry.after_status(response.status, raw.headers, method, idempotent, tries, waited)
                transient = response.status >= 500
            else:
                decision = self.retry.after_failure(failure, method, idempotent, tries, waited)
                transient = failure.retryable
            if decision.wait is None and check is not None and transient:
                reason = failure.reason if failure is not None else "Okta answered %d" % response.status
                held = self._read_back(check, method, shown, reason)
                if held:
                    return CHECKED
                if held is False:
                    decision = self.retry.after_unapplied(reason, tries, waited)
            if decision.wait is None:
                if failure is not None:
                    raise errors.unreachable(
                        method, shown, failure.reason, decision.maybe_applied, failure.assistance
                    ) from None
                raise self._refusal(response, method, shown, tries, decision.maybe_applied)
            self._log(
                "warning",
                "%s %s: %s; retrying in %.1fs (try %d of %d)",
                method,
                shown,
                decision.reason,
                decision.wait,
                tries + 1,
                self.retry.max_tries,
            )
            self.clock.sleep(decision.wait)
            waited += decision.wait
            if shrink is not None and (too_slow or (failure is None and response.status == 500)):
                smaller = shrink()
                if smaller is not None:
                    url, params = smaller

    def _read_back(self, check, method: str, shown: str, reason: str):
        """Whether the change's goal holds, read back after `reason` left it unknown (None: still unknown)."""
        try:
            held = check()
        except errors.Error as exc:
            self._log(
                "warning", "%s %s: %s, and reading the outcome back failed too: %s", method, shown, reason, exc.cause
            )
            return None
        if held:
            self._log(
                "info",
                "%s %s: %s, but reading it back shows the change is in place; nothing more to do.",
                method,
                shown,
                reason,
            )
        elif held is False:
            self._log("info", "%s %s: %s; reading it back shows the change was not applied.", method, shown, reason)
        return held

    def _send(self, method, url, params, json, extra):
        """(requests' response, None, False), or (None, the `failures.Failure`, whether it was a read
        timeout) when no answer came."""
        headers = dict(extra or {})
        try:
            headers.update(self.auth.headers(method, url))
        finally:
            self._mask_auth_secrets()
        sent_at = self.clock.now()
        try:
            raw = self.session.request(
                method, url, params=params, json=json, headers=headers, timeout=self.timeout, allow_redirects=False
            )
        except failures.TRANSPORT_ERRORS as exc:
            return None, failures.classify(exc, url), isinstance(exc, requests.exceptions.ReadTimeout)
        self.rate.observe(_bucket(url), raw.headers, raw.status_code, sent_at)
        self._log("debug", "%s %s -> %d", method, urlsplit(url).path, raw.status_code)
        return raw, None, False

    def _refusal(self, response, method, shown, tries, maybe_applied) -> errors.OktaError:
        """The error for Okta's error answer, explained by the auth object for 401 and 403."""
        error = errors.from_response(
            response.status, response.body, method, shown, tries, maybe_applied=maybe_applied, response=response
        )
        if response.status in (401, 403):
            error = self.auth.explain(error, response._raw, method, shown)
        return error

    def get(self, path, params=None, **kwargs):
        return self.request("GET", path, params=params, **kwargs).body

    def post(self, path, json=None, params=None, **kwargs):
        return self.request("POST", path, json=json, params=params, **kwargs).body

    def put(self, path, json=None, params=None, **kwargs):
        return self.request("PUT", path, json=json, params=params, **kwargs).body

    def delete(self, path, params=None, **kwargs):
        return self.request("DELETE", path, params=params, **kwargs).body

    def page_through(self, path: str, params=None, **kwargs):
        """The `paging.Page`s of a list (see `paging.pages` for the stop rules and arguments)."""
        return paging.pages(self, path, params, **kwargs)

    def pages(self, path: str, params=None, *, page_size: int = None, limit: int = None, headers=None):
        """Every item of a list, following `next` links, stopping after `limit` items."""
        for page in paging.pages(self, path, params, page_size=page_size, limit=limit, headers=headers):
            yield from page.items

    # -- helpers -----------------------------------------------------------------------------
    def _pace(self, url: str) -> None:
        """Wait as Okta's rate-limit headers advise until the next request to this bucket may go."""
        bucket, waited = _bucket(url), 0.0
        while True:
            wait = self.rate.wait_before(bucket)
            if wait <= 0:
                return
            if waited + wait > self.retry.max_wait:
                raise errors.OktaError(
                    "Okta's rate limit for %s is exhausted for another %.0fs." % (bucket, wait), errors.ASSISTANCE[429]
                )
            self._log("info", "Okta rate limit for %s nearly or fully spent; waiting %.1fs", bucket, wait)
            self.clock.sleep(wait)
            waited += wait

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


def _body(raw):
    """(parsed JSON or None, whether the body was complete)."""
    if not raw.content:
        return None, True
    try:
        if len(raw.content) > SHARE_ABOVE:
            return json.loads(raw.content, object_hook=_SharedStrings()), True
        return raw.json(), True
    except ValueError:
        return None, False


class _SharedStrings:
    """A JSON object hook that makes equal string values one object. A large list page repeats the
    same types, statuses, timestamps and link URLs thousands of times; parsed apart, they are a
    quarter of the memory a 10,000-group page takes (and such lists are kept whole for the output)."""

    def __init__(self):
        self.seen = {}

    def __call__(self, obj: dict) -> dict:
        seen = self.seen
        for key, value in obj.items():
            if value.__class__ is str:
                obj[key] = seen.setdefault(value, value)
            elif value.__class__ is list:
                value[:] = [seen.setdefault(item, item) if item.__class__ is str else item for item in value]
        return obj


def _links(raw) -> dict:
    return {rel: link.get("url") for rel, link in (raw.links or {}).items()}


def _bucket(url: str) -> str:
    """Okta meters per endpoint family: a collection and its members count separately. A path
    outside /api/v1 (raw_request to /oauth2/…) is its own bucket, never folded into an API one."""
    path = urlsplit(url).path
    if not path.startswith(API_PREFIX + "/"):
        return path
    segments = path[len(API_PREFIX) :].strip("/").split("/")
    return "/".join(segments[:1] + (["*"] if len(segments) > 1 else []))


def _shaped(response, expect, method: str, shown: str):
    """`response`, or an OktaError when its 2xx body is not of the `expect`ed shape."""
    if (
        expect is None
        or not 200 <= response.status < 300
        or response.status == 204
        or isinstance(response.body, expect)
    ):
        return response
    found = {dict: "an object", list: "a list", type(None): "an empty body"}.get(type(response.body), "a single value")
    wanted = {dict: "an object", list: "a list"}.get(expect, getattr(expect, "__name__", str(expect)))
    raise errors.OktaError(
        "Okta answered %s %s with %s where %s was expected." % (method, shown, found, wanted),
        "This is not how Okta answers this request: check that okta_url is the Okta org's own domain (not a proxy, "
        "gateway or other service), then try again.",
        status=response.status,
    )
