"""When to send a request to Okta again, and after how long: one policy, decided without a network.

The client tells the policy how an attempt ended (Okta's status and headers, or a transport
`failures.Failure`), how many tries were made and how long was waited; the policy answers a
`Decision`: wait so many seconds and try again, or give up, and when giving up whether the
change may or may not have been applied (the error then says so).

- 429: Okta did not apply the request, so any method is tried again, after the window resets
  (`X-Rate-Limit-Reset`, measured against the answer's own `Date`, plus jitter).
- 423 Locked (E0000239, "policy priorities are being reconciled, try again later"): Okta refused
  the request without applying it, so any method is tried again with backoff.
- 5xx: tried again with capped exponential backoff only when the call is idempotent. A 502 or
  504 to a non-idempotent call came from a gateway that gave up while Okta may have gone on, so
  that change may have been applied.
- No complete answer (`failures`): tried again when another try can help (a timeout, a dropped
  connection) and cannot apply a change twice (the call is idempotent, or provably never reached
  Okta). A write that may have reached Okta and got no answer may have been applied.
- A change whose outcome can be read back (a lifecycle POST) and was read back as not applied
  after a transient failure is sent again like a read (`after_unapplied`): it cannot apply twice.
- Every retry fits the budget: at most `max_tries` tries and `max_wait` seconds waited in all.
"""

import random
from email.utils import parsedate_to_datetime
from typing import NamedTuple

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
BACKOFF_CAP = 8.0
GATEWAY_STATUSES = (502, 504)  # answered by a gateway, possibly after Okta applied the request


class Decision(NamedTuple):
    wait: float | None  # seconds before the next try; None: give up
    reason: str = ""  # why another try is made (for the log)
    maybe_applied: bool = False  # when giving up: the request may or may not have been applied


GIVE_UP = Decision(None)


class RetryPolicy:
    def __init__(self, clock, max_tries: int = 5, max_wait: float = 300.0, jitter=random.random):
        self.clock, self.max_tries, self.max_wait, self.jitter = clock, max_tries, max_wait, jitter

    def after_status(self, status: int, headers, method: str, idempotent: bool, tries: int, waited: float) -> Decision:
        """What to do after Okta answered `status` (an error status: a 2xx is never retried here)."""
        if status == 429:
            return self._within_budget(self._until_reset(headers, tries), "rate limited (429)", tries, waited)
        if status == 423:
            return self._within_budget(self._backoff(tries), "Okta answered 423 (locked)", tries, waited)
        if status >= 500 and idempotent:
            return self._within_budget(self._backoff(tries), "Okta answered %d" % status, tries, waited)
        return Decision(None, maybe_applied=status in GATEWAY_STATUSES and not idempotent)

    def after_failure(self, failure, method: str, idempotent: bool, tries: int, waited: float) -> Decision:
        """What to do after an attempt that got no complete answer (`failures.Failure`)."""
        maybe_applied = failure.sent and method not in READ_METHODS
        if failure.retryable and (idempotent or not failure.sent):
            decision = self._within_budget(self._backoff(tries), failure.reason, tries, waited)
            if decision.wait is not None:
                return decision
        return Decision(None, maybe_applied=maybe_applied)

    def after_unapplied(self, reason: str, tries: int, waited: float) -> Decision:
        """What to do once reading back showed that a change which failed transiently was not applied."""
        return self._within_budget(self._backoff(tries), reason + " (read back: not applied)", tries, waited)

    def _within_budget(self, wait: float, reason: str, tries: int, waited: float) -> Decision:
        if tries >= self.max_tries or waited + wait > self.max_wait:
            return GIVE_UP
        return Decision(wait, reason)

    def _until_reset(self, headers, tries: int) -> float:
        """Seconds until the window of this 429 resets, measured by its own Date, plus jitter
        (exponential backoff when the headers do not say)."""
        reset, date = headers.get("X-Rate-Limit-Reset"), headers.get("Date")
        try:
            now = parsedate_to_datetime(date).timestamp() if date else self.clock.now()
            return max(0.0, float(reset) - now) + 1.0 * self.jitter()
        except (TypeError, ValueError):
            return self._backoff(tries)

    def _backoff(self, tries: int) -> float:
        return min(BACKOFF_CAP, 0.5 * 2 ** (tries - 1)) * (1 + 0.5 * self.jitter())
