"""Get System Logs: events of a time window, up to `limit` (default 100, at most 10000).

Pages of min(1000, limit) follow Okta's `next` links (`komand_okta.okta.logs.log_pages`). Without
`until` and in ASCENDING order Okta treats the request as a polling query whose `next` link never
ends; reading then stops at the limit, on an empty page or on a page shorter than asked. A
bounded query (with `until`, or DESCENDING) stops at the limit or when Okta gives no `next`.

Checked before any request (ClientError naming the field): since/until ISO 8601 (sent to Okta as
`YYYY-MM-DDTHH:MM:SS.mmmZ` UTC), since before until, since no more than 180 days ago (Okta would
answer 400 E0000053), query at most 10 keywords of 40 characters. The limit's bounds (1-10000),
the sort order and the defaults are the spec's, applied by the runtime.
Okta's own refusals (a bad SCIM filter: 400 E0000053) are errors in Okta's words.
"""

import datetime as dt

from komand_okta import inputs
from komand_okta.okta import logs, timestamps
from komand_okta.okta.http.errors import OktaError
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        query = self._params(params)
        limit = params["limit"]
        polling = "until" not in query and query["sortOrder"] == "ASCENDING"
        events = []
        try:
            for page in logs.log_pages(
                self.connection.client, query, page_size=min(logs.MAX_PAGE, limit), stop_when_short=polling, limit=limit
            ):
                events.extend(page.items)
        except OktaError as exc:
            if exc.status == 400:
                raise OktaError(
                    exc.cause,
                    "Check since, until, filter and query: filter must be an Okta SCIM "
                    "expression on fields such as eventType, actor.id or target.id (published cannot be "
                    "filtered), and since at most 180 days ago.",
                    exc.data,
                    exc.status,
                    exc.code,
                ) from None
            raise
        return {"logs": events, "count": len(events)}

    def _params(self, params) -> dict:
        query = {}
        times = {}
        for field in ("since", "until"):
            raw = params.get(field)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            try:
                times[field] = timestamps.parse_time(raw)
            except (TypeError, ValueError):
                raise ClientError(
                    "%s is not an ISO 8601 timestamp (it was %r)." % (field, raw),
                    "Give %s like 2024-08-13T00:00:00.000Z." % field,
                ) from None
            query[field] = timestamps.okta_time(times[field])
        now = dt.datetime.fromtimestamp(self.clock.now(), dt.UTC)
        if "since" in times and times["since"] < now - dt.timedelta(days=logs.RETENTION_DAYS):
            raise ClientError(
                "since (%s) is more than %d days ago; Okta's System Log cannot be queried that far back."
                % (query["since"], logs.RETENTION_DAYS),
                "Give a since within the last %d days (Okta keeps events for 90)." % logs.RETENTION_DAYS,
            )
        if "since" in times and "until" in times and times["since"] >= times["until"]:
            raise ClientError(
                "since (%s) is not before until (%s)." % (query["since"], query["until"]),
                "Give a since earlier than until.",
            )
        query["sortOrder"] = params["sort_order"]
        text_filter = inputs.text(params, "filter")
        if text_filter:
            query["filter"] = text_filter
        keywords = inputs.text(params, "query")
        if keywords:
            words = keywords.split()
            if len(words) > 10 or any(len(word) > 40 for word in words):
                raise ClientError(
                    "query may hold at most 10 keywords of at most 40 characters each.",
                    "Shorten the query, or use filter for exact matches.",
                )
            query["q"] = keywords
        return query
