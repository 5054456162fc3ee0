"""Cursor paging and Okta's ``Link`` headers.

Why: Okta pages with opaque ``after`` cursors and sends ``self`` and ``next`` as
two separate ``Link`` header lines (self first).  Each endpoint has its own
default and maximum ``limit``; over-maximum values are clamped (api_facts §2,
§10), non-numeric or negative ones are 400 E0000001.
"""

import bisect
from urllib.parse import urlencode

from .errors import OktaError


def parse_limit(req, default: int, maximum: int | None, negative_means_all: bool = False) -> int:
    raw = req.arg("limit")
    if raw is None or raw == "":
        return default
    try:
        n = int(raw)
    except ValueError:
        raise OktaError("E0000001", "limit", causes=["limit: The value must be a number"]) from None
    if n < 0:
        if negative_means_all:
            return default
        raise OktaError("E0000001", "limit", causes=["limit: The value must be a positive number"])
    if maximum is not None and n > maximum:
        n = maximum
    return n


def link(req, pairs, rel: str) -> tuple:
    qs = urlencode(pairs)
    return ("Link", f'<{req.base}{req.path}{"?" + qs if qs else ""}>; rel="{rel}"')


def link_headers(req, next_after: str | None) -> list:
    """``self`` (the request's own query) then ``next`` (after first, then the rest)."""
    pairs = req.query_pairs
    headers = [link(req, pairs, "self")]
    if next_after is not None:
        rest = [(k, v) for k, v in pairs if k != "after"]
        headers.append(link(req, [("after", next_after)] + rest, "next"))
    return headers


def page_sorted_ids(sorted_ids: list, after: str | None, limit: int, predicate=None, get=None):
    """Walk ``sorted_ids`` from the cursor; return (items, next_cursor).

    ``get(id)`` returns the object (or None to skip); ``predicate(obj)`` filters.
    The cursor is the id of the last item returned, which stays valid under
    inserts and deletes because ids sort in creation order.
    """
    start = bisect.bisect_right(sorted_ids, after) if after else 0
    out = []
    last = None
    n = len(sorted_ids)
    i = start
    if limit == 0:
        return [], None
    while i < n:
        oid = sorted_ids[i]
        i += 1
        obj = get(oid) if get else oid
        if obj is None or (predicate is not None and not predicate(obj)):
            continue
        out.append(obj)
        last = oid
        if len(out) >= limit:
            # Is there anything after?  Look ahead for one more match.
            j = i
            while j < n:
                o2 = get(sorted_ids[j]) if get else sorted_ids[j]
                if o2 is not None and (predicate is None or predicate(o2)):
                    return out, last
                j += 1
            return out, None
    return out, None


def page_list(items: list, after: str | None, limit: int, key=lambda o: o["id"]):
    """Page an already ordered list; the cursor is the key of the last item."""
    start = 0
    if after:
        for idx, obj in enumerate(items):
            if key(obj) == after:
                start = idx + 1
                break
        else:
            # Unknown cursor: fall back to ordering by key.
            start = next((i for i, o in enumerate(items) if key(o) > after), len(items))
    chunk = items[start : start + limit] if limit else []
    nxt = key(chunk[-1]) if chunk and start + limit < len(items) else None
    return chunk, nxt
