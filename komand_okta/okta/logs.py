"""System Log (GET /api/v1/logs): reads that always end, and following the polling stream across runs.

Reading (`log_pages`) goes through the client's one pager (`http.paging`) with the System Log's
stop condition. A *polling* query (no `until`, sortOrder ASCENDING) always carries a `next`
link, even on an empty page, because it is meant to be followed forever by a SIEM; so besides
the pager's own rules (`limit` reached, no or a repeated `next` link) a read stops at an empty
page, and at a page holding fewer events than were asked for (when `stop_when_short`, the
default): Okta had nothing more at that moment, so the next link would only return new arrivals.
Every page is yielded, the empty or short last one included, so a caller always sees the most
recent `next_url`. Errors are the client's `OktaError` (400 E0000053 for a bad filter or a
`since` older than 180 days, 400 E0000001 for a bad date, 429 after retries).

Following the stream across runs (the New System Logs trigger, Monitor Logs): Okta's `next`
link is the cursor (api_facts §1.8). It is stored and fetched again later, so no event is
skipped or repeated, whatever the local clock says. On top of it the UUIDs of the events at the
newest `published` time are remembered (plus a bounded tail of recent UUIDs, since the stream is
ordered by persistence and `published` may be slightly out of order), and an event already sent
is dropped if Okta shows it again. The start of the stream is the `since` given (or the server's
time from a `Date` header; never the local clock). A stored link that no longer fits (another
origin, or a changed filter) restarts the stream from the newest published time sent, and the
UUID memory removes the overlap.
"""

import datetime as dt
from urllib.parse import parse_qsl, urlencode, urlsplit

from .http.paging import same_origin
from .timestamps import okta_time, parse_time, server_time

MAX_PAGE = 1000  # Okta's maximum `limit` for /logs
RETENTION_DAYS = 180  # Okta refuses a `since` further back (400 E0000053)
RECENT_UUIDS = 1000  # bounded memory of recently sent events, besides those at the boundary


def log_pages(
    client, params, page_size: int = MAX_PAGE, stop_when_short: bool = True, *, limit: int = None, url: str = None
):
    """The `http.paging.Page`s of System Log events, stopping by the rules in the module docstring.

    `params` are the query parameters of the first request (`since`, `until`, `filter`, `q`,
    `sortOrder`, `after`); its `limit` is set from `page_size` and `limit`. `url` resumes from a
    stored `next` link instead (it must be on the org's own origin; `params` are then ignored).
    `limit=None` means no overall cap: the stop rules alone end the read, so a caller of an
    endless polling stream should pass `stop_when_short=True` or a `limit`.
    """
    page_size = max(1, min(int(page_size or MAX_PAGE), MAX_PAGE))

    def until(page) -> bool:
        return not page.items or (stop_when_short and len(page.items) < page.asked)

    return client.page_through(
        url or client.path("logs"),
        None if url else dict(params or {}),
        page_size=page_size,
        limit=limit,
        until=until,
        expect=None,
    )


# -- following the polling stream across runs -------------------------------------------------
def server_now(client) -> dt.datetime:
    """The server's time: one cheap /logs request (limit 1), read from its Date header."""
    return server_time(client.request("GET", client.path("logs"), params={"limit": 1, "sortOrder": "DESCENDING"}))


def start_params(since: dt.datetime, log_filter: str = None) -> dict:
    params = {"since": okta_time(since), "sortOrder": "ASCENDING"}
    if log_filter:
        params["filter"] = log_filter
    return params


def query_url(client, params: dict) -> str:
    """The full URL of a fresh polling query, storable like a `next` link."""
    return "%s%s?%s" % (client.base_url, client.path("logs"), urlencode(dict(params, limit=MAX_PAGE)))


def link_fits(link: str, base_url: str, log_filter: str = None) -> bool:
    """The stored link is on this org and carries the filter asked for now."""
    if not link or not same_origin(link, base_url):
        return False
    return (dict(parse_qsl(urlsplit(link).query)).get("filter") or None) == (log_filter or None)


def resume_point(client, state: dict, log_filter: str, since_text: str = None, lookback=None):
    """(url, params) to fetch next: the stored link, or a fresh polling query and its start time."""
    link = state.get("next_page_link")
    if link_fits(link, client.base_url, log_filter):
        return link, None
    if state.get("last_published"):
        return None, start_params(parse_time(state["last_published"]), log_filter)
    if since_text:
        return None, start_params(parse_time(since_text), log_filter)
    now = server_now(client)
    return None, start_params(now - dt.timedelta(hours=lookback or 0), log_filter)


class Boundary:
    """The UUIDs already sent near the newest published time; bounded."""

    def __init__(self, state: dict):
        self.last = state.get("last_published")
        self.last_time = parse_time(self.last) if self.last else None
        self.uuids = list(state.get("boundary_uuids") or [])
        self.recent = list(state.get("recent_uuids") or [])
        self._known = set(self.uuids) | set(self.recent)

    def fresh(self, events: list) -> list:
        """The events not sent before (and not twice within `events`), remembered as sent."""
        out = []
        for event in events:
            uuid = event.get("uuid") if isinstance(event, dict) else None
            if not uuid or uuid in self._known:
                continue
            self._known.add(uuid)
            out.append(event)
            self._note(uuid, event.get("published"))
        return out

    def _note(self, uuid: str, published) -> None:
        self.recent.append(uuid)
        if len(self.recent) > RECENT_UUIDS:
            self.recent = self.recent[-RECENT_UUIDS:]
        if not published:
            return
        moment = parse_time(published)
        if self.last_time is None or moment > self.last_time:
            self.last, self.last_time, self.uuids = published, moment, [uuid]
        elif moment == self.last_time:
            self.uuids.append(uuid)

    def save(self, state: dict, with_recent: bool = True) -> None:
        """Into `state`: last_published, boundary_uuids, and (unless the state has no room) recent_uuids."""
        if self.last:
            state["last_published"] = self.last
        state["boundary_uuids"] = self.uuids[-MAX_PAGE * 10 :]
        if with_recent:
            state["recent_uuids"] = self.recent
