"""A user's OAuth footprint: the clients they consented to or hold tokens for, their scope consent
grants and their refresh tokens (``/api/v1/users/{userId}/clients|grants…``).

Why: a consent-phishing grant and a stolen refresh token outlive the session, so containment
must see and revoke them per user, per client or one by one.  A client is an OIDC app of the
org (its ``client_id`` is the app id).  Grants are consents to the org authorization server,
refresh tokens are issued by the ``default`` custom one.  Revoked or expired ones disappear
from every list, as Okta only lists ACTIVE ones.
"""

from ..clock import iso
from ..errors import OktaError, not_found
from ..paging import link_headers, page_list, parse_limit
from ..web import no_content, ok
from . import users as users_mod

TOKEN_LIFETIME = 90 * 86400
AUTH_SERVER = "default"


# ---------------------------------------------------------------- records
def new_grant(
    store, u, app: dict, scope_id: str, source: str = "END_USER", created: str | None = None, gid: str | None = None
) -> dict:
    at = created or store.now()
    g = {
        "id": gid or store.ids.new("oag"),
        "userId": u.id,
        "clientId": app["id"],
        "scopeId": scope_id,
        "source": source,
        "created": at,
        "lastUpdated": at,
    }
    store.grants[g["id"]] = g
    return g


def new_refresh_token(store, u, app: dict, scopes, created: float | None = None, tid: str | None = None) -> dict:
    at = store.clock.now() if created is None else created
    t = {
        "id": tid or store.ids.new("oar"),
        "userId": u.id,
        "clientId": app["id"],
        "scopes": list(scopes),
        "created": at,
        "expires": at + TOKEN_LIFETIME,
    }
    store.refresh_tokens[t["id"]] = t
    return t


def _live_tokens(store, uid: str, cid: str | None = None) -> list:
    now = store.clock.now()
    return [
        t
        for t in store.refresh_tokens.values()
        if t["userId"] == uid and t["expires"] > now and (cid is None or t["clientId"] == cid)
    ]


def _grants(store, uid: str, cid: str | None = None) -> list:
    return [g for g in store.grants.values() if g["userId"] == uid and (cid is None or g["clientId"] == cid)]


def revoke_tokens(store, u, req=None, cid: str | None = None) -> int:
    """Revoke the user's refresh tokens (for one client, or all); how many there were."""
    gone = _live_tokens(store, u.id, cid)
    for t in gone:
        del store.refresh_tokens[t["id"]]
    if gone:
        store.emit(
            "app.oauth2.as.token.revoke",
            [store.user_target(u)],
            req,
            message=f"OAuth2 token revocation request ({len(gone)} refresh token(s))",
        )
    return len(gone)


# ---------------------------------------------------------------- rendering
def _app_title(store, cid: str) -> str:
    return (store.apps.get(cid) or {}).get("label") or cid


def render_client(store, app: dict, uid: str, base: str) -> dict:
    href = f"{base}/api/v1/users/{uid}/clients/{app['id']}"
    return {
        "client_id": app["id"],
        "client_name": app["label"],
        "client_uri": None,
        "logo_uri": None,
        "_links": {"grants": {"href": f"{href}/grants"}, "tokens": {"href": f"{href}/tokens"}},
    }


def render_grant(store, g: dict, base: str, expand: bool) -> dict:
    cid = g["clientId"]
    d = {
        "id": g["id"],
        "status": "ACTIVE",
        "created": g["created"],
        "createdBy": {"id": g["userId"], "type": "User"},
        "lastUpdated": g["lastUpdated"],
        "issuer": base,
        "clientId": cid,
        "userId": g["userId"],
        "scopeId": g["scopeId"],
        "source": g["source"],
    }
    if expand:
        d["_embedded"] = {"scope": {"id": g["scopeId"]}}
    title = _app_title(store, cid)
    d["_links"] = {
        "app": {"href": f"{base}/api/v1/apps/{cid}", "title": title},
        "self": {"href": f"{base}/api/v1/users/{g['userId']}/grants/{g['id']}", "hints": {"allow": ["GET", "DELETE"]}},
        "client": {"href": f"{base}/oauth2/v1/clients/{cid}", "title": title},
        "user": {"href": f"{base}/api/v1/users/{g['userId']}"},
    }
    return d


def render_token(store, t: dict, base: str, expand: bool) -> dict:
    cid, uid = t["clientId"], t["userId"]
    issuer = f"{base}/oauth2/{AUTH_SERVER}"
    href = f"{base}/api/v1/users/{uid}/clients/{cid}/tokens/{t['id']}"
    d = {
        "id": t["id"],
        "status": "ACTIVE",
        "created": iso(t["created"]),
        "lastUpdated": iso(t["created"]),
        "expiresAt": iso(t["expires"]),
        "issuer": issuer,
        "clientId": cid,
        "userId": uid,
        "scopes": list(t["scopes"]),
    }
    if expand:
        d["_embedded"] = {
            "scopes": [
                {
                    "id": f"scp{name.replace(':', '')[:17]}",
                    "name": name,
                    "_links": {
                        "scope": {
                            "href": f"{base}/api/v1/authorizationServers/{AUTH_SERVER}/scopes/{name}",
                            "title": name,
                        }
                    },
                }
                for name in t["scopes"]
            ]
        }
    title = _app_title(store, cid)
    d["_links"] = {
        "app": {"href": f"{base}/api/v1/apps/{cid}", "title": title},
        "self": {"href": href},
        "revoke": {"href": href, "hints": {"allow": ["DELETE"]}},
        "client": {"href": f"{base}/oauth2/v1/clients/{cid}", "title": title},
        "user": {"href": f"{base}/api/v1/users/{uid}"},
        "authorizationServer": {"href": f"{base}/api/v1/authorizationServers/{AUTH_SERVER}", "title": "default"},
    }
    return d


# ---------------------------------------------------------------- handlers
def _expand(req) -> bool:
    value = req.arg("expand")
    if value not in (None, "", "scope"):
        raise OktaError("E0000001", "expand", causes=["expand: the only valid value is scope"])
    return value == "scope"


def _client(store, cid: str) -> dict:
    app = store.apps.get(cid)
    if app is None:
        raise not_found(cid, "App")
    return app


def _page(req, items: list, render) -> object:
    limit = parse_limit(req, 20, 200)
    chunk, nxt = page_list(sorted(items, key=lambda o: o["id"]), req.arg("after"), limit)
    return ok([render(x) for x in chunk], headers=link_headers(req, nxt))


def list_clients(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    ids = {g["clientId"] for g in _grants(store, u.id)} | {t["clientId"] for t in _live_tokens(store, u.id)}
    return ok([render_client(store, store.apps[cid], u.id, req.base) for cid in sorted(ids) if cid in store.apps])


def list_grants(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    expand, scope = _expand(req), req.arg("scopeId")
    items = [g for g in _grants(store, u.id) if not scope or g["scopeId"] == scope]
    return _page(req, items, lambda g: render_grant(store, g, req.base, expand))


def _user_grant(store, u, gid: str) -> dict:
    g = store.grants.get(gid)
    if g is None or g["userId"] != u.id:
        raise not_found(gid, "OAuth2ScopeConsentGrant")
    return g


def get_grant(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    return ok(render_grant(store, _user_grant(store, u, req.params["grantId"]), req.base, _expand(req)))


def _revoke_grants(req, store, u, grants: list, event: str) -> None:
    for g in grants:
        del store.grants[g["id"]]
    if grants:
        apps = {g["clientId"] for g in grants}
        store.emit(
            event,
            [store.user_target(u)] + [store.app_target(store.apps[a]) for a in sorted(apps) if a in store.apps],
            req,
        )


def revoke_grant(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    _revoke_grants(req, store, u, [_user_grant(store, u, req.params["grantId"])], "app.oauth2.as.consent.revoke")
    return no_content()


def revoke_grants(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    _revoke_grants(req, store, u, _grants(store, u.id), "app.oauth2.as.consent.revoke.user")
    return no_content()


def list_client_grants(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    app = _client(store, req.params["clientId"])
    expand = _expand(req)
    return _page(req, _grants(store, u.id, app["id"]), lambda g: render_grant(store, g, req.base, expand))


def revoke_client_grants(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    app = _client(store, req.params["clientId"])
    _revoke_grants(req, store, u, _grants(store, u.id, app["id"]), "app.oauth2.as.consent.revoke.user.client")
    return no_content()


def list_tokens(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    app = _client(store, req.params["clientId"])
    expand = _expand(req)
    return _page(req, _live_tokens(store, u.id, app["id"]), lambda t: render_token(store, t, req.base, expand))


def revoke_client_tokens(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    app = _client(store, req.params["clientId"])
    revoke_tokens(store, u, req, app["id"])
    return no_content()


def _token(store, u, app: dict, tid: str) -> dict:
    found = [t for t in _live_tokens(store, u.id, app["id"]) if t["id"] == tid]
    if not found:
        raise not_found(tid, "OAuth2RefreshToken")
    return found[0]


def get_token(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    app = _client(store, req.params["clientId"])
    t = _token(store, u, app, req.params["tokenId"])
    return ok(render_token(store, t, req.base, _expand(req)))


def revoke_token(req, store):
    u = users_mod.get_user(store, req.params["userId"])
    app = _client(store, req.params["clientId"])
    t = _token(store, u, app, req.params["tokenId"])
    del store.refresh_tokens[t["id"]]
    store.emit("app.oauth2.as.token.revoke", [store.user_target(u), store.app_target(app)], req)
    return no_content()


def register(r) -> None:
    r.add("GET", "/api/v1/users/{userId}/clients", list_clients)
    r.add("GET", "/api/v1/users/{userId}/grants", list_grants)
    r.add("DELETE", "/api/v1/users/{userId}/grants", revoke_grants)
    r.add("GET", "/api/v1/users/{userId}/grants/{grantId}", get_grant)
    r.add("DELETE", "/api/v1/users/{userId}/grants/{grantId}", revoke_grant)
    r.add("GET", "/api/v1/users/{userId}/clients/{clientId}/grants", list_client_grants)
    r.add("DELETE", "/api/v1/users/{userId}/clients/{clientId}/grants", revoke_client_grants)
    r.add("GET", "/api/v1/users/{userId}/clients/{clientId}/tokens", list_tokens)
    r.add("DELETE", "/api/v1/users/{userId}/clients/{clientId}/tokens", revoke_client_tokens)
    r.add("GET", "/api/v1/users/{userId}/clients/{clientId}/tokens/{tokenId}", get_token)
    r.add("DELETE", "/api/v1/users/{userId}/clients/{clientId}/tokens/{tokenId}", revoke_token)
