"""Input conventions actions share, checked once, before any request.

- An optional text input is taken trimmed, and only whitespace counts as not given (`text`):
  the runtime drops an empty optional string but leaves whitespace to the step, and Okta would
  treat " jdoe" and "jdoe" differently.
- Event hook inputs (create and update) are checked alike: a name, an https URL (plain http
  only to this machine), 1-300 event types, headers an object of text values, an auth header
  name, and a non-blank secret.
- Network-zone addresses (single IPs, CIDRs, ranges; IPv4 or IPv6) are parsed with the field
  and the bad entry named, and a zone may not exceed the gateway cap Okta enforces.
"""

from komand_okta.runtime.errors import ClientError

ADDRESS_FORMS = (
    "Give addresses as single IPs (198.51.100.1), CIDRs (198.51.100.0/24) or ranges "
    "(198.51.100.1-198.51.100.10), IPv4 or IPv6."
)


def text(params: dict, key: str):
    """The optional text input `key`, trimmed; None when absent or only whitespace."""
    value = params.get(key)
    return (value.strip() or None) if isinstance(value, str) else None


def address_list(params: dict, field: str):
    """The parsed addresses of the list input `field`, or None when it is absent."""
    from komand_okta.okta import zones_addresses as addresses  # zone actions only: list actions need not load it

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
            raise ClientError(
                "%s (%s) would hold %d addresses; Okta allows at most %d in a %s zone."
                % (field.capitalize(), field, len(entries), cap, "system" if system else usage),
                "Merge neighbouring addresses into CIDRs or ranges, or split them across zones.",
            )


HOOK_ASSIST = "Correct the input and run the action again."


def event_hook(params: dict, partial: bool = False) -> dict:
    """The event hook inputs as Okta needs them; ClientError naming the field. `partial` (an
    update): absent fields are allowed."""
    from komand_okta.okta import hooks  # hook actions only

    out = {}
    if ("name" in params and params["name"] is not None) or not partial:
        name = text(params, "name")
        if not name:
            raise ClientError("Name (name) is blank.", "Give the event hook a name.")
        out["name"] = name
    try:
        if params.get("url") is not None or not partial:
            out["url"] = hooks.check_url(params.get("url"))
        if params.get("event_types") is not None or not partial:
            out["event_types"] = hooks.clean_event_types(params.get("event_types"))
        if params.get("headers") is not None:
            out["headers"] = hooks.header_list(params["headers"])
    except ValueError as exc:
        raise ClientError("Invalid input: %s." % exc, HOOK_ASSIST) from None
    if params.get("auth_header") is not None or not partial:
        key = (params.get("auth_header") or "Authorization").strip()
        if not key or any(ch.isspace() or ch == ":" for ch in key):
            raise ClientError("Auth header (auth_header) must be a header name such as Authorization.", HOOK_ASSIST)
        out["auth_header"] = key
    secret = params.get("secret")
    if secret is not None and secret != "":
        if not isinstance(secret, str) or not secret.strip():
            raise ClientError("Secret (secret) is blank.", "Give the shared secret, or leave secret out.")
        out["secret"] = secret
    if params.get("description") is not None:
        out["description"] = params["description"]
    return out
