"""API token metadata: ``GET /api/v1/api-tokens``, ``GET``/``PUT``/``DELETE
/api/v1/api-tokens/{apiTokenId}`` and ``/api/v1/api-tokens/current``.

Why: a leaked admin token works until someone revokes it, and an attacker's new token is
persistence.  The tokens the simulator accepts (``--token``) are listed like the org's own,
owned by the admin; revoking one makes it fail authentication (401 E0000011) from the next
request on.  ``current`` is the token of the request itself (SSWS only: an OAuth request has
none, 403 E0000006).  Okta documents ``DELETE …/current``; ``GET …/current`` is answered too, as
a way for a client to learn its own token id, but the spec does not promise it.  ``expiresAt``
is 30 days (Okta's token window) after the last use; neither it nor the network condition is
enforced, so moving the sim clock far ahead never locks a test out.  ``tokenWindow`` ("P30D")
is left out: the spec's TimeDuration pattern (``^P(?:$)…``) refuses every duration.
"""

from ..clock import iso
from ..errors import OktaError, not_found
from ..web import no_content, ok

WINDOW = 30 * 86400
CONNECTIONS = ("ANYWHERE", "ZONE")
ALL_ZONES = "ALL_IP_ZONES"


def new_token(
    store,
    name: str,
    owner_id: str,
    created: float | None = None,
    tid: str | None = None,
    network=None,
    client_name: str = "Okta API",
) -> dict:
    at = store.clock.now() if created is None else created
    t = {
        "id": tid or store.ids.new("token"),
        "name": name,
        "userId": owner_id,
        "clientName": client_name,
        "created": at,
        "lastUpdated": at,
        "lastUsed": at,
        "network": dict(network or {"connection": "ANYWHERE"}),
    }
    store.api_tokens[t["id"]] = t
    return t


def configure(store, token_ids) -> None:
    """The simulator's accepted tokens changed: forget the old ones, list the new ones (fresh)."""
    with store.lock:
        for tid in store.sim_token_ids:
            store.api_tokens.pop(tid, None)
        store.sim_token_ids = list(token_ids)
        register_configured(store)


def register_configured(store) -> None:
    """List the accepted tokens in a freshly loaded org, owned by its admin."""
    created = store.clock.now() - 7 * 86400
    for i, tid in enumerate(store.sim_token_ids):
        new_token(
            store,
            "SOAR connector" if i == 0 else f"oktasim token {i + 1}",
            store.admin_id or "",
            created=created,
            tid=tid,
        )


def in_use(store, tid: str) -> bool:
    """Whether token ``tid`` is still valid (not revoked); marks it used."""
    t = store.api_tokens.get(tid)
    if t is None:
        return False
    t["lastUsed"] = max(t["lastUsed"], store.clock.now())
    return True


def render(t: dict, base: str) -> dict:
    href = f"{base}/api/v1/api-tokens/{t['id']}"
    return {
        "name": t["name"],
        "userId": t["userId"],
        "network": dict(t["network"]),
        "id": t["id"],
        "clientName": t["clientName"],
        "expiresAt": iso(t["lastUsed"] + WINDOW),
        "created": iso(t["created"]),
        "lastUpdated": iso(t["lastUpdated"]),
        "_links": {
            "self": {"href": href, "hints": {"allow": ["GET", "DELETE"]}},
            "user": {"href": f"{base}/api/v1/users/{t['userId']}", "hints": {"allow": ["GET"]}},
        },
    }


def _token(req, store) -> dict:
    tid = req.params["apiTokenId"]
    if tid == "current":
        principal = req.principal or {}
        if principal.get("scheme") != "SSWS":
            raise OktaError("E0000006", causes=["current: only a request made with an API token has a current token"])
        tid = principal["token_id"]
    t = store.api_tokens.get(tid)
    if t is None:
        raise not_found(tid, "ApiToken")
    return t


def target(t: dict) -> dict:
    """The System Log target for token ``t``."""
    return {"id": t["id"], "type": "Token", "alternateId": "unknown", "displayName": t["name"], "detailEntry": None}


def list_tokens(req, store):
    return ok([render(t, req.base) for t in sorted(store.api_tokens.values(), key=lambda t: t["created"])])


def get_token(req, store):
    return ok(render(_token(req, store), req.base))


def revoke(store, t: dict, req=None) -> None:
    del store.api_tokens[t["id"]]
    store.emit("system.api_token.revoke", [target(t)], req, message=f"Revoke API token {t['name']}")


def revoke_token(req, store):
    revoke(store, _token(req, store), req)
    return no_content()


def _network(store, value) -> dict:
    if not isinstance(value, dict) or value.get("connection") not in CONNECTIONS:
        raise OktaError("E0000001", "network", causes=["network.connection: must be ANYWHERE or ZONE"])
    out = {"connection": value["connection"]}
    for key in ("include", "exclude"):
        zones = value.get(key)
        if zones is None:
            continue
        if not isinstance(zones, list) or not all(isinstance(z, str) for z in zones):
            raise OktaError("E0000001", "network", causes=[f"network.{key}: a list of network zone ids"])
        unknown = [z for z in zones if z not in store.zones and not (key == "include" and z == ALL_ZONES)]
        if unknown:
            raise OktaError("E0000001", "network", causes=[f"network.{key}: no network zone {z}" for z in unknown])
        if zones:
            out[key] = list(zones)
    if out["connection"] == "ZONE" and not (out.get("include") or out.get("exclude")):
        raise OktaError("E0000001", "network", causes=["network: a ZONE condition needs include or exclude zones"])
    if out["connection"] == "ANYWHERE" and len(out) > 1:
        raise OktaError("E0000001", "network", causes=["network: an ANYWHERE condition takes no zones"])
    return out


def update_token(req, store):
    t = _token(req, store)
    body = req.json(required=True)
    name = body.get("name", t["name"])
    if not isinstance(name, str) or not name.strip() or len(name) > 255:
        raise OktaError("E0000001", "name", causes=["name: a non-empty string of at most 255 characters"])
    if body.get("userId", t["userId"]) != t["userId"]:
        raise OktaError("E0000001", "userId", causes=["userId: the owner of a token cannot change"])
    network = _network(store, body["network"]) if "network" in body else t["network"]
    t.update(name=name, network=network, lastUpdated=store.clock.now())
    store.emit("system.api_token.update", [target(t)], req, message=f"Update API token {t['name']}")
    return ok(render(t, req.base))


def register(r) -> None:
    r.add("GET", "/api/v1/api-tokens", list_tokens)
    r.add("GET", "/api/v1/api-tokens/{apiTokenId}", get_token)
    r.add("PUT", "/api/v1/api-tokens/{apiTokenId}", update_token)
    r.add("DELETE", "/api/v1/api-tokens/{apiTokenId}", revoke_token)
