"""Zone address logic: parsing, equivalent forms, coverage, block/unblock edits, PUT body."""

import pytest

from komand_okta.okta import zones
from komand_okta.okta import zones_addresses as addresses


def gw(value, kind=None):
    return {"type": kind or ("CIDR" if "/" in value else "RANGE"), "value": value}


# -- parsing -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, gateway",
    [
        ("198.51.100.1", gw("198.51.100.1-198.51.100.1")),
        (" 198.51.100.1 ", gw("198.51.100.1-198.51.100.1")),
        ("198.51.100.0/24", gw("198.51.100.0/24")),
        ("198.51.100.7/24", gw("198.51.100.0/24")),
        ("198.51.100.1-198.51.100.10", gw("198.51.100.1-198.51.100.10")),
        ("198.51.100.1 - 198.51.100.10", gw("198.51.100.1-198.51.100.10")),
        ("2001:db8::1", gw("2001:db8::1-2001:db8::1")),
        ("2001:DB8:0:0::1", gw("2001:db8::1-2001:db8::1")),
        ("2001:db8::/32", gw("2001:db8::/32")),
        ("2001:db8::1-2001:db8::ff", gw("2001:db8::1-2001:db8::ff")),
    ],
)
def test_valid_addresses_become_the_gateway_okta_stores(text, gateway):
    assert addresses.parse_address(text).gateway == gateway


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        None,
        "not-an-ip",
        "198.51.100",
        "198.51.100.256",
        "198.51.100.0/33",
        "2001:db8::/129",
        "198.51.100.10-198.51.100.1",
        "198.51.100.1-2001:db8::1",
        "198.51.100.0/24-198.51.101.0/24",
        "fe80::1%eth0",
        "198.51.100.1-",
        "1.2.3.4/abc",
    ],
)
def test_invalid_addresses_raise_value_error(text):
    with pytest.raises(ValueError):
        addresses.parse_address(text)


def test_a_single_ip_a_32_cidr_and_a_one_address_range_are_the_same_interval():
    forms = ["1.1.1.1", "1.1.1.1/32", "1.1.1.1-1.1.1.1"]
    assert len({addresses.parse_address(f).interval for f in forms}) == 1


def test_ipv6_single_128_cidr_and_range_are_the_same_interval():
    forms = ["2001:db8::1", "2001:db8::1/128", "2001:db8::1-2001:db8::1", "2001:0db8::0001"]
    assert len({addresses.parse_address(f).interval for f in forms}) == 1


def test_ipv4_and_ipv6_never_overlap_even_with_equal_integers():
    v4 = addresses.parse_address("0.0.0.1").interval
    v6 = addresses.parse_address("::1").interval
    assert not v4.overlaps(v6) and not v4.covers(v6)


@pytest.mark.parametrize(
    "gateway, expected",
    [
        (gw("1.2.3.4/24"), "1.2.3.0-1.2.3.255"),  # host bits set, as Okta keeps it
        (gw("192.168.1.2", "RANGE"), "192.168.1.2-192.168.1.2"),  # a RANGE holding one address
        (gw("10.0.0.1-10.0.0.9"), "10.0.0.1-10.0.0.9"),
    ],
)
def test_existing_gateways_are_read_leniently(gateway, expected):
    assert addresses.gateway_interval(gateway) == addresses.parse_address(expected).interval


@pytest.mark.parametrize("gateway", [None, {}, {"type": "CIDR"}, gw("garbage"), {"value": 5}])
def test_unreadable_gateways_have_no_interval(gateway):
    assert addresses.gateway_interval(gateway) is None


# -- block ---------------------------------------------------------------------------------------
def test_block_appends_a_new_address_keeping_every_existing_entry():
    existing = [gw("10.0.0.0/24"), gw("garbage")]
    assert addresses.block(existing, addresses.parse_address("198.51.100.1")) == existing + [
        gw("198.51.100.1-198.51.100.1")
    ]


@pytest.mark.parametrize(
    "existing, address",
    [
        ([gw("1.1.1.1-1.1.1.1")], "1.1.1.1"),
        ([gw("1.1.1.1/32")], "1.1.1.1-1.1.1.1"),
        ([gw("1.1.1.1-1.1.1.1")], "1.1.1.1/32"),
        ([gw("1.1.1.0/24")], "1.1.1.5"),
        ([gw("1.1.1.0/24")], "1.1.1.16/28"),
        ([gw("1.1.0.0-1.1.255.255")], "1.1.7.1-1.1.9.9"),
        ([gw("1.1.1.0-1.1.1.4"), gw("1.1.1.5-1.1.1.5"), gw("1.1.1.6/31"), gw("1.1.1.8-1.1.1.9")], "1.1.1.0-1.1.1.9"),
        ([gw("2001:db8::/32")], "2001:db8:1::1"),
        ([gw("2001:db8::1-2001:db8::1")], "2001:db8::1/128"),
    ],
)
def test_block_changes_nothing_when_the_address_is_already_covered(existing, address):
    assert addresses.block(existing, addresses.parse_address(address)) is None


@pytest.mark.parametrize(
    "existing, address",
    [
        ([gw("1.1.1.0-1.1.1.4"), gw("1.1.1.6-1.1.1.9")], "1.1.1.0-1.1.1.9"),  # a gap at .5
        ([gw("1.1.1.0/25")], "1.1.1.0/24"),  # only half covered
        ([gw("::1.1.1.1-::1.1.1.1")], "1.1.1.1"),  # same integer, other version
    ],
)
def test_block_adds_an_address_only_partly_covered(existing, address):
    parsed = addresses.parse_address(address)
    assert addresses.block(existing, parsed) == existing + [parsed.gateway]


def test_block_of_an_empty_or_missing_gateway_list_adds_the_address():
    address = addresses.parse_address("2001:db8::1")
    assert addresses.block(None, address) == [gw("2001:db8::1-2001:db8::1")]


# -- unblock -------------------------------------------------------------------------------------
@pytest.mark.parametrize("stored", ["1.1.1.1-1.1.1.1", "1.1.1.1/32", "1.1.1.1"])
def test_unblock_removes_the_equivalent_entry_whatever_its_form(stored):
    existing = [gw("10.0.0.0/8"), gw(stored, "RANGE" if "/" not in stored else "CIDR")]
    assert addresses.unblock(existing, addresses.parse_address("1.1.1.1")) == [gw("10.0.0.0/8")]


def test_unblock_of_a_cidr_removes_every_entry_inside_it():
    existing = [gw("1.1.1.7-1.1.1.7"), gw("1.1.1.16/28"), gw("1.1.2.1-1.1.2.1")]
    assert addresses.unblock(existing, addresses.parse_address("1.1.1.0/24")) == [gw("1.1.2.1-1.1.2.1")]


def test_unblock_of_an_absent_address_changes_nothing():
    assert addresses.unblock([gw("10.0.0.0/8")], addresses.parse_address("1.1.1.1")) is None
    assert addresses.unblock(None, addresses.parse_address("1.1.1.1")) is None


def test_unblock_inside_a_wider_entry_names_it_and_changes_nothing():
    with pytest.raises(addresses.StillBlocked) as raised:
        addresses.unblock([gw("1.1.1.1-1.1.1.1"), gw("1.1.1.0/24")], addresses.parse_address("1.1.1.1"))
    assert raised.value.entries == [gw("1.1.1.0/24")]


def test_unblock_with_a_partly_overlapping_range_is_refused():
    with pytest.raises(addresses.StillBlocked):
        addresses.unblock([gw("1.1.1.200-1.1.2.5")], addresses.parse_address("1.1.1.0/24"))


def test_unblock_ipv6_removes_the_equivalent_entry():
    existing = [gw("2001:db8::1/128"), gw("2001:db8::2-2001:db8::2")]
    assert addresses.unblock(existing, addresses.parse_address("2001:db8::1")) == [gw("2001:db8::2-2001:db8::2")]


# -- caps and PUT body ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "zone, cap",
    [
        ({"usage": "POLICY", "system": False}, 150),
        ({"usage": "BLOCKLIST", "system": False}, 1000),
        ({"usage": "POLICY", "system": True}, 5000),
    ],
)
def test_gateway_cap_follows_the_zone_kind(zone, cap):
    assert zones.gateway_cap(zone) == cap


def test_put_body_keeps_writable_fields_and_drops_computed_ones():
    zone = {
        "type": "IP",
        "id": "nzo1",
        "name": "Z",
        "status": "ACTIVE",
        "usage": "BLOCKLIST",
        "system": False,
        "created": "c",
        "lastUpdated": "u",
        "_links": {},
        "proxies": None,
        "useAsBlackList": True,
        "gateways": [gw("1.1.1.1/32")],
        "useAsExemptList": False,
    }
    assert zones.put_body(zone, [gw("2.2.2.2/32")]) == {
        "type": "IP",
        "name": "Z",
        "status": "ACTIVE",
        "usage": "BLOCKLIST",
        "useAsExemptList": False,
        "gateways": [gw("2.2.2.2/32")],
    }
