"""One pager for every Okta list: follow `Link: rel="next"` until there is nothing more to want.

Okta pages a list with `next` links. Most lists end when a page has no `next` link, but the
System Log's polling query (no `until`, ASCENDING) always carries one, even on an empty page,
because it is meant to be followed forever. So the pager stops at the first of:

- `limit` items have been read (and each request asks only for what is still wanted: a `next`
  link's `limit` is lowered to min(page size, what remains), so a limit smaller than a page
  costs exactly one small request);
- there is no `next` link, or the link was already followed;
- the caller's `until(page)` says so (the System Log stops on an empty or short page).

Every request costs capacity in a rate-limit bucket the whole org shares, so a list is read in
the largest pages Okta allows for it (`PAGE_MAXIMA`, from the official spec; a caller's larger
`page_size` is lowered to it, and a caller that names none gets it). Okta warns that a large page
can time out (a 500, or no answer in time): such a page is asked for again at half the size, from
the same cursor, and the rest of the list is read at that size, so the list stays complete.

A `next` link on another origin than the org's is refused (the list would be incomplete, and
the connection's credentials would go elsewhere): `same_origin` is the one check for it.
A long read logs its progress at a readable pace, then a summary (`Progress`).
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import errors

PROGRESS_EVERY = 10.0  # seconds between progress lines of a long list

# The largest `limit` Okta's official API spec allows per list, by path under /api/v1 (`*`: one
# segment): the parameter's `maximum`, for /logs the range in its `format`, and where the spec
# gives no maximum its default (users, group members, realms). Lists not named here are read in
# Okta's default pages. unit_test/okta/test_page_maxima.py checks this table against the spec.
PAGE_MAXIMA = {
    "apps": 200,
    "apps/*/groups": 200,
    "apps/*/users": 500,
    "devices": 200,
    "groups": 10000,
    "groups/*/users": 1000,
    "groups/rules": 200,
    "idps": 200,
    "logs": 1000,
    "realms": 200,
    "trustedOrigins": 200,
    "users": 200,
    "users/*/clients/*/grants": 200,
    "users/*/clients/*/tokens": 200,
    "users/*/grants": 200,
}
API_PREFIX = "/api/v1/"


class Page:
    """One answer of a list: its items, Okta's `next` link (None at the end) and the limit asked for."""

    def __init__(self, items: list, next_url, asked):
        self.items, self.next_url, self.asked = items, next_url, asked

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


def pages(
    client, target: str, params=None, *, page_size: int = None, limit: int = None, headers=None, until=None, expect=list
):
    """Yield the `Page`s of the list at `target` (a path, or a stored `next` link of this org).

    `params` are the first request's query; `page_size` caps every request (at most the list's
    `PAGE_MAXIMA`, which is also the default), `limit` the whole read. `expect=list` makes a body
    of another shape an OktaError; with `expect=None` such a body reads as an empty page.
    """
    query = dict(params or {})
    url = client.url(target)
    page_size = page_maximum(urlsplit(url).path, page_size)
    cap = _cap(page_size, limit)
    if cap is not None:
        if _is_link(target) and not params:
            url, query = _capped(url, cap), {}
        else:
            query["limit"] = cap
    remaining, read, seen = limit, 0, set()
    progress = Progress(client, urlsplit(url).path)
    try:
        while True:
            asking = _Asking(url, query, client.log)
            response = client.request(
                "GET", url, params=query or None, headers=headers, expect=expect, shrink=asking.halve
            )
            url, query = asking.url, asking.query
            asked = query.get("limit") or _limit_of(url) or page_size
            if asking.halved:
                page_size = int(asked)  # the rest of the list at the size Okta could answer
            items = response.body if isinstance(response.body, list) else []
            link = response.links.get("next")
            del response  # the answer's raw bytes go now; only the items live on
            if remaining is not None and len(items) > remaining:
                items = items[:remaining]
            if remaining is not None:
                remaining -= len(items)
            read += len(items)
            page = Page(items, link, int(asked) if str(asked).isdigit() else asked)
            progress.page(read)
            yield page
            if (remaining is not None and remaining <= 0) or not link or link in seen or (until and until(page)):
                return
            seen.add(link)
            if not same_origin(link, client.base_url):
                raise errors.OktaError(
                    "Okta's next-page link points to another host (%s); the list is incomplete."
                    % urlsplit(link).netloc,
                    "Check that the Okta domain in the connection is the org's own domain.",
                )
            cap = _cap(page_size, remaining)
            url, query = (_capped(link, cap) if cap is not None else link), {}
    finally:
        progress.done(read)


def page_maximum(path: str, page_size: int | None = None):
    """The page size to ask for on `path`: `page_size` lowered to the list's maximum, or the
    maximum when none is given (None for a list Okta pages by its own default)."""
    maximum = PAGE_MAXIMA.get(_template(path))
    if maximum is None:
        return page_size
    return maximum if page_size is None else min(page_size, maximum)


def _template(path: str) -> str:
    """The `PAGE_MAXIMA` key a request path falls under (ids as `*`; a literal key wins)."""
    if not path.startswith(API_PREFIX):
        return ""
    segments = path[len(API_PREFIX) :].strip("/").split("/")
    best = ""
    for key in PAGE_MAXIMA:
        parts = key.split("/")
        if len(parts) == len(segments) and all(p in ("*", s) for p, s in zip(parts, segments)):
            if not best or best.count("*") > key.count("*"):
                best = key
    return best


class _Asking:
    """The page request in flight, which the client may shrink before it tries again."""

    def __init__(self, url: str, query: dict, log):
        self.url, self.query, self.log, self.halved = url, dict(query), log, False

    def halve(self):
        """(url, params) asking for half as many items from the same cursor; None when one item
        was asked for, or the list takes no size, so there is nothing to shrink."""
        size = self.query.get("limit") or _limit_of(self.url)
        if not str(size).isdigit() or int(size) <= 1:
            return None
        half = int(size) // 2
        if "limit" in self.query:
            self.query["limit"] = half
        else:
            self.url = _capped(self.url, half)
        self.halved = True
        if self.log is not None:
            self.log.info("Asking for pages of %d instead of %s: Okta may time out on large pages.", half, size)
        return self.url, self.query or None


def same_origin(url: str, base: str) -> bool:
    """Whether `url` is on the org's own scheme, host and port."""
    a, b = urlsplit(url), urlsplit(base)
    return (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower())


def _cap(page_size, remaining):
    sizes = [size for size in (page_size, remaining) if size is not None]
    return max(1, min(sizes)) if sizes else None


def _is_link(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def _limit_of(link: str):
    return dict(parse_qsl(urlsplit(link).query)).get("limit")


def _capped(link: str, size: int) -> str:
    """The link asking for at most `size` items (Okta's links repeat the first request's limit);
    unchanged when it already asks for no more."""
    current = _limit_of(link)
    if current and current.isdigit() and int(current) <= size:
        return link
    parts = urlsplit(link)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "limit"]
    return urlunsplit(parts._replace(query=urlencode([*pairs, ("limit", str(size))])))


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
            self._log("Reading %s: %d items in %d pages so far", self.shown, count, self.pages)

    def done(self, count: int) -> None:
        if self.pages > 1 or self.last != self.started:
            self._log(
                "Read %s: %d items in %d pages (%.1fs)",
                self.shown,
                count,
                max(self.pages, 1),
                self.client.clock.monotonic() - self.started,
            )

    def _log(self, message, *args):
        if self.client.log is not None:
            self.client.log.info(message, *args)
