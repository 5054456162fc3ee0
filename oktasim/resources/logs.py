"""System Log: ``GET /api/v1/logs`` with Okta's polling and bounded semantics.

Why: SIEM/SOAR pollers follow the ``next`` link forever.  A polling query
(no ``until``, ASCENDING) is ordered by persistence and always has a ``next``
link, even on an empty page; a bounded query (``until`` given) is ordered by
``published`` and its last page has no ``next`` (api_facts §1.8).
"""

import bisect

from .. import search
from ..clock import parse_iso
from ..errors import OktaError
from ..paging import link_headers, parse_limit
from ..web import ok

DAY = 86400.0


def public(ev: dict) -> dict:
    return {k: v for k, v in ev.items() if k != "_seq"}


def getter(ev: dict, attr: str):
    parts = attr.split(".")
    if parts[0] == "target":
        vals = []
        for t in ev.get("target") or []:
            v = t
            for p in parts[1:]:
                v = v.get(p) if isinstance(v, dict) else None
            vals.append(v)
        return vals
    v = ev
    for p in parts:
        v = v.get(p) if isinstance(v, dict) else None
    return v


def _text(ev: dict) -> str:
    bits = [
        ev.get("eventType"),
        ev.get("displayMessage"),
        ev["outcome"].get("result"),
        ev["outcome"].get("reason"),
        ev["actor"].get("alternateId"),
        ev["actor"].get("displayName"),
        ev["actor"].get("id"),
        (ev.get("client") or {}).get("ipAddress"),
    ]
    for t in ev.get("target") or []:
        bits += [t.get("id"), t.get("alternateId"), t.get("displayName")]
    return " ".join(str(b) for b in bits if b).lower()


def _time(value: str, name: str) -> float:
    try:
        return parse_iso(value)
    except ValueError:
        raise OktaError("E0000001", name, causes=[f"{name}: Invalid date format {value}"]) from None


def cursor_of(ev: dict) -> str:
    return f"{int(parse_iso(ev['published']) * 1000)}_{ev['_seq']}"


def _seq_of(cursor: str) -> int:
    try:
        return int(cursor.rsplit("_", 1)[1])
    except (IndexError, ValueError):
        raise OktaError("E0000001", "after", causes=["after: Invalid cursor"]) from None


def list_logs(req, store):
    limit = parse_limit(req, 100, 1000)
    order = (req.arg("sortOrder") or "ASCENDING").upper()
    if order not in ("ASCENDING", "DESCENDING"):
        raise OktaError("E0000001", "sortOrder", causes=["sortOrder: must be ASCENDING or DESCENDING"])
    now = store.clock.now()
    until_raw, since_raw, after = req.arg("until"), req.arg("since"), req.arg("after")
    until_t = _time(until_raw, "until") if until_raw else None
    since_t = _time(since_raw, "since") if since_raw else (until_t or now) - 7 * DAY
    if since_t < now - 180 * DAY:
        raise OktaError("E0000053", causes=["since: must be within the last 180 days"])
    preds = []
    flt = req.arg("filter")
    if flt:
        try:
            preds.append(search.build(flt, search.LOG_FILTER, getter))
        except search.SearchError as exc:
            raise OktaError("E0000053", causes=[str(exc)]) from None
    q = req.arg("q")
    if q:
        words = q.lower().split()
        if len(words) > 10 or any(len(w) > 40 for w in words):
            raise OktaError("E0000001", "q", causes=["q: at most 10 keywords of at most 40 characters"])
        preds.append(lambda ev: all(w in _text(ev) for w in words))

    def match(ev):
        return all(p(ev) for p in preds)

    logs = store.logs
    polling = until_t is None and order == "ASCENDING"
    if polling:
        if after:
            start = bisect.bisect_right(logs, _seq_of(after), key=lambda e: e["_seq"])
            time_ok = None
        else:
            start = 0
            time_ok = since_t
        out = []
        i = start
        while i < len(logs) and len(out) < limit:
            ev = logs[i]
            i += 1
            if time_ok is not None and parse_iso(ev["published"]) < time_ok:
                continue
            if match(ev):
                out.append(ev)
        if out:
            nxt = cursor_of(out[-1])
        elif after:
            nxt = after
        else:
            nxt = f"{int(now * 1000)}_{logs[-1]['_seq'] if logs else 0}"
        # A partly scanned page resumes after the last event looked at.
        if len(out) >= limit and i > 0:
            nxt = cursor_of(logs[i - 1])
        return ok([public(e) for e in out], headers=link_headers(req, nxt))
    upper = until_t if until_t is not None else now + 1e-3
    rows = [e for e in logs if since_t <= parse_iso(e["published"]) < upper and match(e)]
    rows.sort(key=lambda e: (e["published"], e["_seq"]), reverse=(order == "DESCENDING"))
    start = 0
    if after:
        seq = _seq_of(after)
        for idx, e in enumerate(rows):
            if e["_seq"] == seq:
                start = idx + 1
                break
    chunk = rows[start : start + limit]
    nxt = cursor_of(chunk[-1]) if chunk and start + limit < len(rows) else None
    return ok([public(e) for e in chunk], headers=link_headers(req, nxt))


def register(r) -> None:
    r.add("GET", "/api/v1/logs", list_logs)
