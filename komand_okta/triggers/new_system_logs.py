"""New System Logs: one event per System Log event, following Okta's polling `next` link.

With a `preset` (komand_okta.presets), only the event types of that named set are read: the
preset becomes an `eventType eq "…" or …` filter, and-ed with the `filter` input when both are
given. A changed preset or filter no longer fits the stored link, so reading restarts from the
newest event sent.

State: `next_page_link` (the stream's cursor), `last_published`, `boundary_uuids` (events at that
time) and `recent_uuids` (a bounded tail), see `komand_okta.okta.logs`. The first poll starts
at `since`, or at the server's time from a `Date` header (never the local clock).

One poll reads full pages (1,000 events) while they come, and stops at the first short page or
after MAX_PER_POLL events, storing the `next` link: the polling stream always has a `next` link,
so following it until it disappears would never end, and the empty page that follows a short one
would only burn rate-limit budget (peer_connectors §3).

Failures: the client waits out a 429 until `X-Rate-Limit-Reset` (within its max wait) and retries.
If the first page still fails the poll fails and the runtime keeps the previous state, so the next
poll continues from the same link: no gap, no repeat. If a later page fails, the events already
read are sent and the link of the failed page is stored, so progress is kept.
"""

from komand_okta import inputs, presets
from komand_okta.okta import logs
from komand_okta.okta.http.errors import Error, OktaError
from komand_okta.runtime.components import Trigger as Base

STATE_VERSION = 1
MAX_PER_POLL = 10 * logs.MAX_PAGE


class Trigger(Base):
    def poll(self, params, state):
        client = self.connection.client
        log_filter = presets.log_filter(params.get("preset"), inputs.text(params, "filter"))
        if state.get("version") != STATE_VERSION:
            state.clear()
        url, query = logs.resume_point(client, state, log_filter, params.get("since"))
        if query is not None and not state.get("last_published"):
            # first start: only fix where the stream begins (persisted now, so a failing first
            # read cannot move the start later and lose events); reading starts next poll
            state.update({"version": STATE_VERSION, "next_page_link": logs.query_url(client, query)})
            self.log.info("System Log events published from %s on will be sent.", query["since"])
            return []
        if query is not None:
            self.log.info("Reading the System Log again from %s (filter or domain changed).", query["since"])
        boundary, events, link, read = logs.Boundary(state), [], url, 0
        pages = logs.log_pages(client, query, logs.MAX_PAGE, limit=MAX_PER_POLL, url=url)
        try:
            for page in pages:
                read += 1
                events.extend(boundary.fresh(page.items))
                link = page.next_url or link
        except Error as exc:
            if read == 0:
                raise
            self.log.warning(
                "Reading the System Log stopped after %d page(s): %s; the rest follows next poll.", read, exc
            )
        if link is None:  # a fresh query that never answered cannot happen here; keep the query's start
            raise OktaError("Okta's System Log answer had no next link.", "Try again later.")
        state.update({"version": STATE_VERSION, "next_page_link": link})
        boundary.save(state)
        if events:
            self.log.info("%d new System Log event(s), up to %s.", len(events), state.get("last_published"))
        return [{"log_event": event} for event in events]
