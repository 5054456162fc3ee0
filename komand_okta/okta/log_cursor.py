"""Following the System Log polling stream across runs (the New System Logs trigger, Monitor Logs).

The stream is Okta's polling query (no `until`, ASCENDING), whose answers always carry a `next`
link (api_facts §1.8). The `next` link is the cursor: it is stored and fetched again later, so no
event is skipped or repeated, whatever the local clock says. On top of it the UUIDs of the events
at the newest `published` time are remembered (plus a bounded tail of recent UUIDs, since the
stream is ordered by persistence and `published` may be slightly out of order), and an event
already sent is dropped if Okta shows it again.

The start of the stream is the `since` given (or the server's time from a `Date` header; never
the local clock). A stored link that no longer fits (another host, or a changed filter) restarts
the stream from the newest published time sent, and the UUID memory removes the overlap.
"""
import datetime as dt
from urllib.parse import parse_qsl, urlencode, urlsplit

from .logs import MAX_PAGE
from .timestamps import okta_time, parse_time, server_time

RECENT_UUIDS = 1000  # bounded memory of recently sent events, besides those at the boundary


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
    if not link:
        return False
    parts, base = urlsplit(link), urlsplit(base_url)
    if (parts.scheme, parts.netloc.lower()) != (base.scheme, base.netloc.lower()):
        return False
    return (dict(parse_qsl(parts.query)).get("filter") or None) == (log_filter or None)


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
        state["boundary_uuids"] = self.uuids[-MAX_PAGE * 10:]
        if with_recent:
            state["recent_uuids"] = self.recent
