"""Updated Users: one event per user change, on a cursor over Okta's `lastUpdated` timestamps.

The cursor logic (baseline, overlap window for Okta's eventually consistent search index, de-dup
by id and lastUpdated so that each update is one event, bounded state) lives in
`komand_okta.okta.cursors`; the polling is New Users', on another timestamp.
"""
from komand_okta.triggers.new_users import Trigger as NewUsers


class Trigger(NewUsers):
    field = "lastUpdated"
