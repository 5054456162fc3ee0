"""One pager for every Okta list: follow `Link: rel="next"` until there is nothing more to want.

Okta pages a list with `next` links. Most lists end when a page has no `next` link, but the
System Log's polling query (no `until`, ASCENDING) always carries one, even on an empty page,
because it is meant to be followed forever. So the pager stops at the first of:

- `limit` items have been read (and each request asks only for what is still wanted: a `next`
  link's `limit` is lowered to min(page size, what remains), so a limit smaller than a page
  costs exactly one small request);
- there is no `next` link, or the link was already followed;
- the caller's `until(page)` says so (the System Log stops on an empty or short page).

A `next` link on another origin than the org's is refused (the list would be incomplete, and
the connection's credentials would go elsewhere): `same_origin` is the one check for it.
A long read logs its progress at a readable pace, then a summary (`Progress`).
"""
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import errors

PROGRESS_EVERY = 10.0  # seconds between progress lines of a long list


class Page:
    """One answer of a list: its items, Okta's `next` link (None at the end) and the limit asked for."""

    def __init__(self, items: list, next_url, asked):
        self.items, self.next_url, self.asked = items, next_url, asked

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


def pages(client, target: str, params=None, *, page_size: int = None, limit: int = None, headers=None,
          until=None, expect=list):
    """Yield the `Page`s of the list at `target` (a path, or a stored `next` link of this org).

    `params` are the first request's query; `page_size` caps every request, `limit` the whole
    read. `expect=list` makes a body of another shape an OktaError; with `expect=None` such a
    body reads as an empty page.
    """
    query = dict(params or {})
    cap = _cap(page_size, limit)
    url = client.url(target)
    if cap is not None:
        if _is_link(target) and not params:
            url, query = _capped(url, cap), {}
        else:
            query["limit"] = cap
    remaining, read, seen = limit, 0, set()
    progress = Progress(client, urlsplit(url).path)
    try:
        while True:
            asked = query.get("limit") or _limit_of(url) or page_size
            response = client.request("GET", url, params=query or None, headers=headers, expect=expect)
            items = response.body if isinstance(response.body, list) else []
            if remaining is not None:
                items = items[:remaining]
                remaining -= len(items)
            read += len(items)
            link = response.links.get("next")
            page = Page(items, link, int(asked) if str(asked).isdigit() else asked)
            progress.page(read)
            yield page
            if remaining is not None and remaining <= 0 or not link or link in seen or (until and until(page)):
                return
            seen.add(link)
            if not same_origin(link, client.base_url):
                raise errors.OktaError("Okta's next-page link points to another host (%s); the list is incomplete."
                                       % urlsplit(link).netloc,
                                       "Check that the Okta domain in the connection is the org's own domain.")
            cap = _cap(page_size, remaining)
            url, query = (_capped(link, cap) if cap is not None else link), {}
    finally:
        progress.done(read)


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
            self._log("Read %s: %d items in %d pages (%.1fs)", self.shown, count, max(self.pages, 1),
                      self.client.clock.monotonic() - self.started)

    def _log(self, message, *args):
        if self.client.log is not None:
            self.client.log.info(message, *args)
