"""Input conventions actions share, checked once, before any request.

- A list action's `limit` is optional: absent means every item, otherwise at least 1 (the
  InsightConnect spec has no `minimum`, so the schema cannot say it).
- Network-zone addresses (single IPs, CIDRs, ranges; IPv4 or IPv6) are parsed with the field
  and the bad entry named, and a zone may not exceed the gateway cap Okta enforces.
"""
from komand_okta.runtime.errors import ClientError

ADDRESS_FORMS = ("Give addresses as single IPs (198.51.100.1), CIDRs (198.51.100.0/24) or ranges "
                 "(198.51.100.1-198.51.100.10), IPv4 or IPv6.")


def limit(params: dict, items: str):
    """The `limit` input: None (no limit) or a positive count; `items` names what is listed."""
    value = params.get("limit")
    if value is not None and value < 1:
        raise ClientError("Invalid input: 'limit' must be 1 or more; got %d." % value,
                          "Leave the limit empty to list every %s, or give a positive number." % items)
    return value


def address_list(params: dict, field: str):
    """The parsed addresses of the list input `field`, or None when it is absent."""
    from komand_okta.okta import addresses  # zone actions only: list actions need not load it
    if params.get(field) is None:
        return None
    try:
        return addresses.parse_addresses(params[field], field)
    except ValueError as exc:
        raise ClientError("Invalid address in %s." % exc, ADDRESS_FORMS) from None


def check_caps(gateways, proxies, usage: str, system: bool = False) -> None:
    """Refuse gateway or proxy lists longer than Okta allows in a zone of this usage."""
    from komand_okta.okta import zones  # zone actions only
    cap = zones.gateway_cap({"usage": usage, "system": system})
    for field, entries in (("gateways", gateways), ("proxies", proxies)):
        if entries is not None and len(entries) > cap:
            raise ClientError("%s (%s) would hold %d addresses; Okta allows at most %d in a %s zone."
                              % (field.capitalize(), field, len(entries), cap, "system" if system else usage),
                              "Merge neighbouring addresses into CIDRs or ranges, or split them across zones.")
