"""Addresses for IP network zones: parsed, compared as intervals, added and removed as gateways.

Okta stores an IP zone's `gateways` as `{"type": "CIDR"|"RANGE", "value": ...}` entries. The
same addresses can be written several ways (`1.1.1.1`, `1.1.1.1/32`, `1.1.1.1-1.1.1.1`), so
everything here compares addresses as inclusive integer intervals per IP version, never as text.

- `parse_address` validates what an analyst typed (a single IP, a CIDR or an `a-b` range, IPv4
  or IPv6) and raises `ValueError` with a readable reason.
- The `gateway` of a parsed address is the entry we add. A single IP becomes `RANGE "a-a"`:
  that is how Okta itself stores a single address (a recorded PUT of RANGE "192.168.1.2" came
  back as "192.168.1.2-192.168.1.2"), so what we send is what Okta shows afterwards.
- `block` / `unblock` return the new gateway list, or None when nothing needs to change.

Everything here is pure arithmetic on address lists, no requests: it is a module of its own
(beside `zones`, which talks to Okta) so that it can be read and tested without a client, and
so the list actions that never touch zones do not load `ipaddress`.
"""

import ipaddress
from typing import NamedTuple


class Interval(NamedTuple):
    """An inclusive run of addresses of one IP version, as integers."""

    version: int
    first: int
    last: int

    def covers(self, other: "Interval") -> bool:
        return self.version == other.version and self.first <= other.first and other.last <= self.last

    def overlaps(self, other: "Interval") -> bool:
        return self.version == other.version and self.first <= other.last and other.first <= self.last


class Address(NamedTuple):
    """A parsed address: its interval and the gateway entry that represents it."""

    interval: Interval
    gateway: dict


# -- parsing ---------------------------------------------------------------------------------
def _ip(text: str):
    text = text.strip()
    if "%" in text:
        raise ValueError("'%s' has an IPv6 zone index (%%...), which network zones cannot hold" % text)
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        raise ValueError("'%s' is not an IPv4 or IPv6 address" % text) from None


def _network(text: str, strict: bool):
    try:
        return ipaddress.ip_network(text.strip(), strict=strict)
    except ValueError as exc:
        raise ValueError("'%s' is not a valid CIDR (%s)" % (text.strip(), exc)) from None


def _interval_of_range(text: str) -> Interval:
    start_text, _, end_text = text.partition("-")
    start, end = _ip(start_text), _ip(end_text)
    if start.version != end.version:
        raise ValueError("the range '%s' mixes IPv4 and IPv6" % text.strip())
    if int(start) > int(end):
        raise ValueError("the range '%s' ends before it starts" % text.strip())
    return Interval(start.version, int(start), int(end))


def parse_address(text) -> Address:
    """What the analyst typed, validated: a single IP, a CIDR (`/n`) or a range (`a-b`).

    A CIDR with host bits set (198.51.100.7/24) is read as its network (198.51.100.0/24), the
    way Okta itself matches it.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("it is empty")
    text = text.strip()
    if "/" in text:
        if "-" in text:
            raise ValueError("'%s' mixes CIDR and range notation" % text)
        network = _network(text, strict=False)
        return Address(
            Interval(network.version, int(network.network_address), int(network.broadcast_address)),
            {"type": "CIDR", "value": str(network)},
        )
    if "-" in text:
        interval = _interval_of_range(text)
        start_text, _, end_text = text.partition("-")
        value = "%s-%s" % (_ip(start_text), _ip(end_text))
        return Address(interval, {"type": "RANGE", "value": value})
    ip = _ip(text)
    return Address(Interval(ip.version, int(ip), int(ip)), {"type": "RANGE", "value": "%s-%s" % (ip, ip)})


def gateway_interval(gateway) -> Interval:
    """The interval of an existing gateway entry, or None if it cannot be read.

    Lenient, because Okta keeps what admins typed: CIDRs with host bits set ("1.2.3.4/24") and
    RANGE entries holding a single address are both real.
    """
    if not isinstance(gateway, dict) or not isinstance(gateway.get("value"), str):
        return None
    value = gateway["value"].strip()
    try:
        if "/" in value:
            network = _network(value, strict=False)
            return Interval(network.version, int(network.network_address), int(network.broadcast_address))
        if "-" in value:
            return _interval_of_range(value)
        ip = _ip(value)
        return Interval(ip.version, int(ip), int(ip))
    except ValueError:
        return None


# -- set logic -------------------------------------------------------------------------------
def union_covers(intervals, target: Interval) -> bool:
    """Whether the intervals together hold every address of `target` (adjacent runs join)."""
    need = target.first  # the first address of target not yet known to be covered
    for interval in sorted(
        (i for i in intervals if i is not None and i.version == target.version), key=lambda i: i.first
    ):
        if interval.first > need:
            return False
        need = max(need, interval.last + 1)
        if need > target.last:
            return True
    return need > target.last


def block(gateways, address: Address):
    """The gateways with `address` added, or None when they already cover all of it.

    Coverage counts every entry together, so 1.1.1.5 is already blocked by 1.1.1.0/24 and
    1.1.1.0-1.1.1.9 is already blocked by 1.1.1.0-1.1.1.4 plus 1.1.1.5/31 plus 1.1.1.7-1.1.1.9.
    """
    gateways = list(gateways or [])
    if union_covers([gateway_interval(g) for g in gateways], address.interval):
        return None
    return gateways + [address.gateway]


class StillBlocked(Exception):
    """Unblocking would leave part of the address blocked by wider or overlapping entries."""

    def __init__(self, entries):
        super().__init__(", ".join(entry["value"] for entry in entries))
        self.entries = entries


def unblock(gateways, address: Address):
    """The gateways without `address`, or None when it is not in them at all.

    Every entry lying wholly inside the address is removed (unblocking 1.1.1.0/24 also unblocks
    1.1.1.7 and 1.1.1.1-1.1.1.1). An entry that only partly overlaps it, or is wider than it,
    is never split or shrunk behind the admin's back: `StillBlocked` names those entries, and
    nothing changes.
    """
    gateways = list(gateways or [])
    kept, removed, blocking = [], 0, []
    for gateway in gateways:
        interval = gateway_interval(gateway)
        if interval is not None and address.interval.covers(interval):
            removed += 1
            continue
        if interval is not None and interval.overlaps(address.interval):
            blocking.append(gateway)
        kept.append(gateway)
    if blocking:
        raise StillBlocked(blocking)
    return kept if removed else None


def parse_addresses(texts, field: str) -> list:
    """Each analyst-typed address parsed; `ValueError` names the field and the bad entry."""
    if not isinstance(texts, list):
        raise ValueError("%s must be a list of addresses" % field)
    parsed = []
    for index, text in enumerate(texts):
        try:
            parsed.append(parse_address(text))
        except ValueError as exc:
            raise ValueError("%s[%d]: %s" % (field, index, exc)) from None
    return parsed


def distinct_gateways(addresses) -> list:
    """The gateway entries of `addresses`, an entry equal (as addresses) to an earlier one left out."""
    seen, gateways = set(), []
    for address in addresses:
        if address.interval not in seen:
            seen.add(address.interval)
            gateways.append(address.gateway)
    return gateways


def append_addresses(gateways, addresses) -> list:
    """`gateways` plus every address they (and the ones added before it) do not already cover."""
    current = list(gateways or [])
    for address in addresses:
        current = block(current, address) or current
    return current


def same_addresses(a, b) -> bool:
    """Whether two gateway lists hold the same entries as addresses, however they are written."""

    def key(entries):
        intervals = [gateway_interval(g) for g in entries or []]
        if any(i is None for i in intervals):
            return None
        return sorted(set(intervals))

    left, right = key(a), key(b)
    if left is None or right is None:
        return list(a or []) == list(b or [])
    return left == right
