"""Input conventions the plugin's list actions share.

A list action's `limit` is optional: absent means every item, otherwise at least 1. The spec
cannot say "at least 1" (the InsightConnect spec has no `minimum`), so it is checked here, once,
before any request.
"""
from komand_okta.runtime.errors import ClientError


def limit(params: dict, items: str):
    """The `limit` input: None (no limit) or a positive count; `items` names what is listed."""
    value = params.get("limit")
    if value is not None and value < 1:
        raise ClientError("Invalid input: 'limit' must be 1 or more; got %d." % value,
                          "Leave the limit empty to list every %s, or give a positive number." % items)
    return value
