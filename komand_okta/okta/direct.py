"""Reading something of an object the analyst named, with no lookup when they named it by Okta id.

A user's factors, a group's members or an app's users live under `/{kind}/{id}/...`, and Okta's
404 there says the object does not exist. So an input that is an Okta id goes straight to the
read (one request), and that 404 is the not-found output; only a name, login or email costs a
lookup first (the resource's own `resolve`). Every request saved is capacity left in the org's
shared rate limits.
"""

from .found import Found
from .http.errors import OktaError


def read_for(client, named: str, id_pattern, resolve, read, miss: str) -> Found:
    """`Found(read(id))` for the object `named`, or why there is none.

    `id_pattern` tells an Okta id; `resolve(client, text)` answers a Found for anything else;
    `read(id)` must raise Okta's 404 rather than swallow it; `miss` is the not-found message for
    an id, with one %s for it.
    """
    text = str(named or "").strip()
    if not id_pattern.match(text):
        found = resolve(client, text)
        return Found(read(found.item["id"])) if found else found
    try:
        return Found(read(text))
    except OktaError as exc:
        if exc.status != 404:
            raise
        return Found(None, miss % text)
