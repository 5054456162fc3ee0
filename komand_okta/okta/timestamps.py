"""Okta's timestamps: parsing them, writing them the way Okta documents, and the server's time.

Cursors (new/updated users, the System Log) must follow Okta's clock, never ours, so the one
way to learn "now" is a response's `Date` header.
"""

import datetime as dt
from email.utils import parsedate_to_datetime


def parse_time(text: str) -> dt.datetime:
    """An ISO-8601 timestamp as an aware UTC datetime (a naive one is taken as UTC); ValueError if not."""
    value = (text or "").strip()
    if not value or ("T" not in value.upper() and len(value) != 10):
        raise ValueError("not an ISO 8601 timestamp")
    if value[-1:] in ("z", "Z"):
        value = value[:-1] + "+00:00"
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def okta_time(moment: dt.datetime) -> str:
    """`2024-08-13T00:00:00.000Z`, the form Okta documents."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def server_time(response) -> dt.datetime:
    """Okta's clock, from a response's Date header."""
    date = response.headers.get("Date") if response is not None else None
    if not date:
        raise ValueError("Okta's answer has no Date header, so the time cannot be taken from the server.")
    return parsedate_to_datetime(date).astimezone(dt.UTC)
