"""Identity providers: list (q, type, limit, after), get, activate/deactivate.

Why: SOAR peers list IdPs to audit federation; shapes follow the recorded IdPs (SAML IdPs
have no issuerMode and link their metadata, ACS, users and lifecycle; social and OIDC IdPs link
authorize and the redirect URI only).
"""

from ..errors import OktaError, not_found
from ..paging import link_headers, page_list, parse_limit
from ..web import ok
from .lifecycle import set_active

TYPES = (
    "SAML2",
    "OIDC",
    "GOOGLE",
    "MICROSOFT",
    "FACEBOOK",
    "LINKEDIN",
    "APPLE",
    "X509",
    "OKTA_INTEGRATION",
    "AMAZON",
    "DISCORD",
    "GITHUB",
    "GITLAB",
    "PAYPAL",
    "SALESFORCE",
    "SPOTIFY",
    "XERO",
    "YAHOO",
    "YAHOOJP",
    "LOGINGOV",
    "LOGINGOV_SANDBOX",
)


def new_idp(store, name: str, itype: str = "OIDC", status: str = "ACTIVE", iid=None, created=None) -> dict:
    now = created or store.now()
    if itype == "SAML2":
        protocol = {
            "type": "SAML2",
            "endpoints": {
                "sso": {
                    "url": "https://idp.example.com/sso",
                    "binding": "HTTP-POST",
                    "destination": "https://idp.example.com/sso",
                },
                "acs": {"binding": "HTTP-POST", "type": "INSTANCE"},
            },
            "algorithms": {
                "request": {"signature": {"algorithm": "SHA-256", "scope": "REQUEST"}},
                "response": {"signature": {"algorithm": "SHA-256", "scope": "ANY"}},
            },
            "settings": {
                "nameFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
                "honorPersistentNameId": False,
            },
            "credentials": {
                "trust": {
                    "issuer": "https://idp.example.com",
                    "audience": "https://www.okta.com/saml2/service-provider/sim",
                    "kid": "sim-kid",
                    "revocation": None,
                    "revocationCacheLifetime": 0,
                },
                "signing": {"kid": "sim-signing-kid"},
            },
        }
    else:
        host = {"GOOGLE": "accounts.google.com", "MICROSOFT": "login.microsoftonline.com"}.get(itype, "idp.example.com")
        protocol = {
            "type": "OIDC" if itype != "FACEBOOK" else "OAUTH2",
            "endpoints": {
                "authorization": {"url": f"https://{host}/authorize", "binding": "HTTP-REDIRECT"},
                "token": {"url": f"https://{host}/token", "binding": "HTTP-POST"},
            },
            "scopes": ["openid", "profile", "email"],
            "credentials": {"client": {"client_id": "sim-client", "client_secret": "REDACTED"}},
        }
    policy = {
        "provisioning": {
            "action": "AUTO",
            "profileMaster": False,
            "groups": {"action": "NONE"},
            "conditions": {"deprovisioned": {"action": "NONE"}, "suspended": {"action": "NONE"}},
        },
        "accountLink": {"filter": None, "action": "AUTO"},
        "subject": {
            "userNameTemplate": {"template": "idpuser.email"},
            "filter": None,
            "matchType": "USERNAME",
            "matchAttribute": None,
        },
        "maxClockSkew": 0,
    }
    if itype in ("SAML2", "OIDC"):
        policy["trustClaims"] = False
    policy["transformedUsernameMatchingEnabled"] = False
    d = {"id": iid or store.ids.new("idp")}
    if itype != "SAML2":  # recorded SAML IdPs have no issuerMode
        d["issuerMode"] = "ORG_URL"
    d.update(
        {
            "name": name,
            "status": status,
            "created": now,
            "lastUpdated": now,
            "protocol": protocol,
            "policy": policy,
            "type": itype,
        }
    )
    return d


def render(i: dict, base: str) -> dict:
    d = dict(i)
    iid = i["id"]
    if i["type"] == "SAML2":
        d["_links"] = _saml_links(i, base)
        return d
    d["_links"] = {
        "authorize": {
            "href": f"{base}/oauth2/v1/authorize?idp={iid}&client_id={{clientId}}&response_type={{responseType}}&response_mode={{responseMode}}&scope={{scopes}}&redirect_uri={{redirectUri}}&state={{state}}&nonce={{nonce}}",
            "templated": True,
            "hints": {"allow": ["GET"]},
        },
        "clientRedirectUri": {"href": f"{base}/oauth2/v1/authorize/callback", "hints": {"allow": ["POST"]}},
    }
    return d


def _saml_links(i: dict, base: str) -> dict:
    """As recorded: metadata, ACS and users, and the lifecycle action the status allows."""
    href = f"{base}/api/v1/idps/{i['id']}"
    action = "deactivate" if i["status"] == "ACTIVE" else "activate"
    return {
        "metadata": {"href": f"{href}/metadata.xml", "type": "application/xml", "hints": {"allow": ["GET"]}},
        "acs": {"href": f"{base}/sso/saml2/{i['id']}", "type": "application/xml", "hints": {"allow": ["POST"]}},
        "users": {"href": f"{href}/users", "hints": {"allow": ["GET"]}},
        action: {"href": f"{href}/lifecycle/{action}", "hints": {"allow": ["POST"]}},
    }


def get_idp(store, iid):
    i = store.idps.get(iid)
    if i is None:
        raise not_found(iid, "IdpTrust")
    return i


def list_idps(req, store):
    rows = list(store.idps.values())
    q = req.arg("q")
    if q:
        ql = q.lower()
        rows = [i for i in rows if ql in i["name"].lower()]
    t = req.arg("type")
    if t:
        if t not in TYPES:
            raise OktaError("E0000001", "type", causes=[f"type: Invalid IdP type {t}"])
        rows = [i for i in rows if i["type"] == t]
    limit = parse_limit(req, 20, 200)
    items, nxt = page_list(rows, req.arg("after"), limit)
    return ok([render(i, req.base) for i in items], headers=link_headers(req, nxt))


def get_idp_h(req, store):
    return ok(render(get_idp(store, req.params["idpId"]), req.base))


def lifecycle(req, store):
    i = get_idp(store, req.params["idpId"])
    action = req.params["action"]
    set_active(store, i, action)
    from ..events import target

    store.emit(f"system.idp.lifecycle.{action}", [target(i["id"], "IdentityProvider", i["name"], i["name"])], req)
    return ok(render(i, req.base))


def register(r) -> None:
    r.add("GET", "/api/v1/idps", list_idps)
    r.add("GET", "/api/v1/idps/{idpId}", get_idp_h)
    r.add("POST", "/api/v1/idps/{idpId}/lifecycle/{action}", lifecycle)
