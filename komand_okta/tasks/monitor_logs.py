"""Monitor Logs: the System Log events published since the last run, one page (1,000) per run.

State (spec): `next_page_link` (Okta's polling `next` link, the stream's cursor), `last_published`
and `boundary_uuids` (events sent at that time, dropped if shown again) and `rate_limit_reset`.

- First run (empty state): the stream starts `lookback_hours` before the server's time (read from
  the `Date` header of one /logs request, never the local clock). `custom_config.lookback`, which
  the orchestrator sends only with an empty state, overrides it: a number of hours or an ISO 8601
  timestamp.
- Each run fetches one page from the stored link and answers its new events; `has_more_pages` is
  set when the page was full, so the orchestrator runs again at once.
- HTTP 429: the run does not wait (a scheduled task must not block the orchestrator). It answers
  no events, the state unchanged except `rate_limit_reset` (Okta's `X-Rate-Limit-Reset`), status
  code 429 and the error. Runs before that time answer the same without calling Okta; this check
  compares Okta's reset epoch with the local clock, the one place it is used (a skew only shifts
  when the pause ends; Okta answers 429 again if it ends early).
- Any other Okta failure answers no events, the state unchanged, and the error with its status.
"""

import datetime as dt
from urllib.parse import urlsplit

from komand_okta import inputs
from komand_okta.okta import logs
from komand_okta.okta.http.errors import ASSISTANCE, Error, OktaError, from_response
from komand_okta.okta.timestamps import parse_time
from komand_okta.runtime.components import Task as Base
from komand_okta.runtime.components import TaskResult
from komand_okta.runtime.errors import ClientError

MAX_LOOKBACK_HOURS = 168
STATE_KEYS = ("next_page_link", "last_published", "boundary_uuids")


class Task(Base):
    def run(self, params, state, custom_config):
        state = dict(state or {})
        client, log_filter = self.connection.client, inputs.text(params, "filter")
        reset = state.get("rate_limit_reset")
        if reset and self.clock.now() < float(reset):
            return self._paused(state, reset)
        state.pop("rate_limit_reset", None)
        try:
            since_text, hours = self._start(params, state, custom_config)
            url, query = logs.resume_point(client, state, log_filter, since_text, hours)
            target = url or logs.query_url(client, query)
            response = client.request("GET", target, allow=(429,))
        except Error as exc:
            return self._failed(state, exc)
        except ValueError as exc:
            error = ClientError(
                "The start of the System Log could not be determined: %s." % exc,
                "Check custom_config.lookback (hours or an ISO 8601 timestamp).",
            )
            return TaskResult([], state, False, 400, error)
        if response.status == 429:
            return self._rate_limited(state, response, target)
        page = response.body if isinstance(response.body, list) else []
        boundary = logs.Boundary(state)
        events = boundary.fresh(page)
        new_state = {key: state[key] for key in STATE_KEYS if key in state}
        new_state["next_page_link"] = response.links.get("next") or target
        boundary.save(new_state, with_recent=False)
        more = len(page) >= logs.MAX_PAGE
        self.log.info("%d new System Log event(s)%s.", len(events), "; more pages wait" if more else "")
        return TaskResult(events, new_state, more, 200, None)

    # -- helpers ---------------------------------------------------------------------------
    def _start(self, params, state, custom_config):
        """(since timestamp text or None, lookback hours) for a run without a saved cursor."""
        if state.get("next_page_link") or state.get("last_published"):
            return None, None
        lookback = (custom_config or {}).get("lookback")
        if isinstance(lookback, bool):
            lookback = None
        if isinstance(lookback, (int, float)) or (isinstance(lookback, str) and lookback.strip().isdigit()):
            self.log.info("First run: looking back %s hour(s) (custom config).", lookback)
            return None, float(lookback)
        if isinstance(lookback, str) and lookback.strip():
            parse_time(lookback)  # ValueError when it is not a timestamp
            self.log.info("First run: reading from %s (custom config).", lookback.strip())
            return lookback.strip(), None
        hours = params.get("lookback_hours")
        hours = 24 if hours is None else max(0, min(int(hours), MAX_LOOKBACK_HOURS))
        self.log.info("First run: looking back %d hour(s).", hours)
        return None, hours

    def _rate_limited(self, state, response, target):
        reset = response.headers.get("X-Rate-Limit-Reset")
        error = from_response(429, response.body, "GET", urlsplit(target).path)
        if reset and str(reset).isdigit():
            state["rate_limit_reset"] = int(reset)
            when = dt.datetime.fromtimestamp(int(reset), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            error = OktaError(
                error.cause,
                "Runs pause until Okta's rate limit resets at %s. %s" % (when, ASSISTANCE[429]),
                error.data,
                status=429,
                code=error.code,
            )
        self.log.warning("Okta's rate limit is exhausted; no events this run.")
        return TaskResult([], state, False, 429, error)

    def _paused(self, state, reset):
        when = dt.datetime.fromtimestamp(float(reset), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.log.info("Paused until Okta's rate limit resets at %s.", when)
        return TaskResult(
            [],
            state,
            False,
            429,
            OktaError(
                "Okta's rate limit is exhausted until %s; no events this run." % when, ASSISTANCE[429], status=429
            ),
        )

    def _failed(self, state, exc):
        status = exc.status if isinstance(exc.status, int) and exc.status >= 400 else 500
        self.log.error("Reading the System Log failed: %s", exc.cause)
        return TaskResult([], state, False, status, exc)
