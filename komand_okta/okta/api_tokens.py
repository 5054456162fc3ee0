"""Okta API tokens (SSWS): list them, find one, revoke one, pin one to network zones.

A leaked admin API token works until it is revoked, from anywhere unless its network condition
says otherwise. `current_token` asks Okta which token this request carries
(`GET /api-tokens/current`), so an action can refuse to revoke the plugin's own token. Okta's
spec documents only DELETE on that path: an org that answers 404 has not said, and the answer
is None (unknown), as it is for an OAuth connection, which has no API token of its own.

Okta keeps nothing of a revoked token: its id is 404 afterwards, so `revoke` answers False for
a 404 (the goal, that the token does not work, holds). `restrict` upserts the token's network
condition with a whole body (name, owner, network), as Okta's PUT replaces it.
"""

import itertools

from .found import Found
from .http.auth import API_TOKEN

TOKEN_ID_PREFIX = "00T"
ALL_IP_ZONES = "ALL_IP_ZONES"  # Okta's keyword for every IP zone in a network condition
ZONE_ID_PREFIX = "nzo"


def list_tokens(client, limit: int | None = None) -> list:
    """The active API tokens, at most `limit` of them (counted here: Okta's list takes no `limit`)."""
    return list(itertools.islice(client.pages(client.path("api-tokens")), limit))


def uses_api_token(client) -> bool:
    """Whether the connection authenticates with an API token (an OAuth one has none of its own)."""
    return getattr(client.auth, "method", None) == API_TOKEN


def is_id(ref: str) -> bool:
    """Whether `ref` is shaped like an API token id (`00T…`, letters and digits)."""
    return ref.startswith(TOKEN_ID_PREFIX) and ref.isalnum()


def current_token(client):
    """The API token this connection authenticates with, or None when there is none or Okta does not say."""
    if not uses_api_token(client):
        return None
    response = client.request("GET", client.path("api-tokens", "current"), allow=(404,), expect=dict)
    return None if response.status == 404 else response.body


def resolve(client, ref: str) -> Found:
    """The token whose id or exact name is `ref`; several tokens of one name identify none."""
    text = str(ref or "").strip()
    if not text:
        return Found(None, "The token input is blank, so it names no Okta API token.")
    if is_id(text):
        response = client.request("GET", client.path("api-tokens", text), allow=(404,), expect=dict)
        if response.status != 404:
            return Found(response.body)
    matches = [token for token in list_tokens(client) if token.get("name") == text]
    if len(matches) > 1:
        return Found(
            None,
            "%d Okta API tokens are named %s, so the name does not identify one token; give the "
            "token's ID instead (%s)." % (len(matches), text, ", ".join(t.get("id", "?") for t in matches)),
            shared=tuple(matches),
        )
    if not matches:
        return Found(None, "No active Okta API token has the ID or name %s (a revoked token is gone from Okta)." % text)
    return Found(matches[0])


def revoke(client, token_id: str) -> bool:
    """True when Okta revoked the token; False when it had no such token (already revoked or never existed)."""
    return client.request("DELETE", client.path("api-tokens", token_id), allow=(404,)).status != 404


def restrict(client, token_id: str, include_zones, exclude_zones, token: dict | None = None) -> dict:
    """Pin the token to network zones (`connection: ZONE`): usable only from `include_zones`
    (ids or ALL_IP_ZONES; none: from anywhere) and never from `exclude_zones`. `token` is the
    token as already fetched, saving a request. Okta's answer: the token as it now is."""
    if token is None:
        token = client.get(client.path("api-tokens", token_id), expect=dict)
    network = {"connection": "ZONE"}
    if include_zones:
        network["include"] = list(include_zones)
    if exclude_zones:
        network["exclude"] = list(exclude_zones)
    body = {"name": token.get("name"), "userId": token.get("userId"), "network": network}
    return client.put(
        client.path("api-tokens", token_id), json={k: v for k, v in body.items() if v is not None}, expect=dict
    )


def zone_ids(client, *ref_lists) -> tuple:
    """(one id list per list of zone references, problems). Ids and ALL_IP_ZONES pass unchanged;
    names are looked up in one zone list for all of them (a name no zone or several zones carry
    is a problem, worded for the analyst)."""
    ref_lists = [[str(ref).strip() for ref in refs or [] if str(ref).strip()] for refs in ref_lists]
    named = any(not _id_like(ref) for refs in ref_lists for ref in refs)
    zones = list(client.pages(client.path("zones"))) if named else []
    problems = []

    def to_id(ref):
        if _id_like(ref):
            return ref
        matches = [zone.get("id") for zone in zones if zone.get("name") == ref]
        if len(matches) != 1:
            problems.append(
                "%d network zones are named %s (%s)" % (len(matches), ref, ", ".join(matches))
                if matches
                else "no network zone is named %s" % ref
            )
        return matches[0] if matches else None

    return [[to_id(ref) for ref in refs] for refs in ref_lists], problems


def _id_like(ref: str) -> bool:
    return ref == ALL_IP_ZONES or (ref.startswith(ZONE_ID_PREFIX) and ref.isalnum())
