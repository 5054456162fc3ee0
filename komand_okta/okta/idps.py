"""Identity providers (IdPs): listing them, with their secrets left out.

GET /idps takes `q` (matched against the name), `type` and `limit` (Okta's default page is 20,
its maximum 200), and pages with `Link: rel="next"`. An OIDC or social IdP's
`protocol.credentials.client.client_secret` comes back in the listing; the plugin's
`identity_provider` type promises that client secrets are left out, so every key that looks
like a secret is removed, at any depth, before an IdP leaves this module (which of its members
an output keeps is the spec's decision).
"""

import copy
import re

IDPS_PAGE = 200
# client_secret, secret, password, private keys, shared secrets: never output, whatever their case or separator.
SECRET_KEY = re.compile(r"secret|passw(or)?d|private[_-]?key", re.IGNORECASE)


def without_secrets(value):
    """A copy of `value` with every secret-like key removed at any depth."""
    if isinstance(value, dict):
        return {key: without_secrets(item) for key, item in value.items() if not SECRET_KEY.search(str(key))}
    if isinstance(value, list):
        return [without_secrets(item) for item in value]
    return copy.deepcopy(value)


def list_idps(client, query: str = None, idp_type: str = None, limit: int = None) -> list:
    """IdPs matching the name query and type (each optional), all pages up to `limit`."""
    params = {}
    if query:
        params["q"] = query
    if idp_type:
        params["type"] = idp_type
    return [without_secrets(idp) for idp in client.pages(client.path("idps"), params, page_size=IDPS_PAGE, limit=limit)]
