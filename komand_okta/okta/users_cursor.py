"""Cursors on Okta's own timestamps, for the New Users and Updated Users triggers.

A user cursor is the newest `created` (or `lastUpdated`) Okta reported, never the local clock.
Each poll searches `<field> ge "<window start>"` sorted ascending by that field and emits every
user whose key is not in the remembered set: the key is the id for `created` (it never changes)
and `id@lastUpdated` for `lastUpdated` (each update is a new event).

Okta's search index is eventually consistent (api_facts §1.2): a user created at T may show up
only after users created at T+10s are already visible. So the query starts OVERLAP seconds before
the cursor and the keys of every user inside that window are remembered; a late user is then
found on a later poll, and a user seen before is skipped. The remembered set stays bounded: when
the window holds more than MAX_KEYS users, the window start moves forward (never past the cursor,
whose users are always kept), so state never grows with the org.

The first poll is a baseline: the cursor becomes the newest user's timestamp (or the server's
`Date` when no user matches) and nothing is emitted.
"""

from datetime import datetime, timedelta

from .search import quoted
from .timestamps import okta_time, parse_time, server_time

STATE_VERSION = 1
OVERLAP = 60.0  # seconds re-read before the cursor (search index is eventually consistent)
MAX_KEYS = 1000  # users remembered inside the overlap window
PAGE = 200  # listUsers with search: at most 200 per page
MAX_NEW_PER_POLL = 1000  # a backlog is emitted over several polls (sorted ascending, so no gap)
EPOCH = "1970-01-01T00:00:00.000Z"


def expression(field: str, op: str, value: str, user_search: str | None = None) -> str:
    condition = "%s %s %s" % (field, op, quoted(value))
    return "(%s) and %s" % (user_search.strip(), condition) if user_search and user_search.strip() else condition


class UserCursor:
    """Polls `/users?search=…` on one timestamp field; the state dict is kept by the caller."""

    def __init__(self, client, field: str, log=None):
        self.client, self.field, self.log = client, field, log

    def key(self, user: dict) -> str:
        return user["id"] if self.field == "created" else "%s@%s" % (user["id"], user.get(self.field))

    def poll(self, state: dict, user_search: str | None = None) -> list:
        """The users new since the saved cursor, oldest first; `state` is updated in place."""
        if state.get("version") != STATE_VERSION or state.get("field") != self.field or not state.get("cursor"):
            self._baseline(state, user_search)
            return []
        cursor = parse_time(state["cursor"])
        start = min(parse_time(state.get("window_start") or state["cursor"]), cursor)
        times = {key: parse_time(moment) for key, moment in (state.get("keys") or {}).items()}
        new = []
        params = {
            "search": expression(self.field, "ge", okta_time(start), user_search),
            "sortBy": self.field,
            "sortOrder": "asc",
        }
        for user in self.client.pages(self.client.path("users"), params, page_size=PAGE):
            if not user.get("id") or not user.get(self.field):
                continue
            key = self.key(user)
            if key in times:
                continue
            times[key] = parse_time(user[self.field])
            new.append(user)
            if len(new) >= MAX_NEW_PER_POLL:  # sorted ascending: the rest follows next poll
                break
        self._remember(state, max([cursor, *list(times.values())]), times, start_at_least=start)
        return new

    # -- state ---------------------------------------------------------------------------
    def _remember(self, state, newest: datetime, times: dict, start_at_least: datetime | None = None) -> None:
        """Cursor = newest time; keys = the users inside [window start, newest], bounded.

        The window start never moves back (`start_at_least`: the previous one), since users
        before it are no longer remembered.

        More than MAX_KEYS users inside the overlap window move the window start up to the time
        of the MAX_KEYS-th newest one (users sharing that millisecond are all kept, so a set of
        users created in the same instant is never cut in half).
        """
        floor = newest - timedelta(seconds=OVERLAP)
        inside = sorted(((moment, key) for key, moment in times.items() if moment >= floor), reverse=True)
        start = max(floor, start_at_least) if start_at_least else floor
        inside = [(moment, key) for moment, key in inside if moment >= start]
        if len(inside) > MAX_KEYS:
            start = inside[MAX_KEYS - 1][0]
            inside = [(moment, key) for moment, key in inside if moment >= start]
        state.clear()
        state.update(
            {
                "version": STATE_VERSION,
                "field": self.field,
                "cursor": okta_time(newest),
                "window_start": okta_time(start),
                "keys": {key: okta_time(moment) for moment, key in inside},
            }
        )

    def _baseline(self, state, user_search) -> None:
        """Remember the users inside the overlap window below the newest one, following `next`.

        The window is read newest first until a user older than the window (or the end of the
        list): a server may answer a short page with a `next` link, so a page's size says nothing
        about whether the window was covered, and a user it left out would look new next poll.
        More than MAX_KEYS users in the window: reading stops past the MAX_KEYS-th newest
        timestamp (all users sharing it are read), which is where `_remember` starts the window.
        """
        params = {
            "search": expression(self.field, "gt", EPOCH, user_search),
            "sortBy": self.field,
            "sortOrder": "desc",
            "limit": PAGE,
        }
        first = self.client.request("GET", self.client.path("users"), params=params)
        newest, seen = None, []
        for user in self._descending(first):
            if not isinstance(user, dict) or not user.get("id") or not user.get(self.field):
                continue
            moment = parse_time(user[self.field])
            newest = max(newest or moment, moment)
            if moment < newest - timedelta(seconds=OVERLAP):
                break
            if len(seen) >= MAX_KEYS and moment < seen[MAX_KEYS - 1][0]:
                break
            seen.append((moment, self.key(user)))
        newest = newest or server_time(first)
        self._remember(state, newest, {key: moment for moment, key in seen})
        if self.log is not None:
            self.log.info(
                "Baseline: users are reported from %s (%s) on; nothing is sent for this first check.",
                okta_time(newest),
                self.field,
            )

    def _descending(self, first):
        """The users of the first page, then those of the pages its `next` link leads to (lazily)."""
        yield from first.body or []
        if first.links.get("next"):
            yield from self.client.pages(first.links["next"])
