"""The OAuth scope each management-API operation needs.

Why: an OAuth access token only reaches the operations its scopes allow (403
E0000006 + ``WWW-Authenticate: … error="insufficient_scope"`` otherwise).
Deriving this from the 3.4 MB official spec at start-up is too slow, so this
compact table maps a path family to its scope; a test checks it against every
simulated operation's ``security`` in the official spec.  GET/HEAD need
``<family>.read``; any other method ``<family>.manage``.
"""

# (path prefix after /api/v1, with * for one segment) -> scope family; first match wins.
FAMILIES = (
    ("users/*/roles", "okta.roles"),
    ("groups/*/roles", "okta.roles"),
    ("users/*/risk", "okta.userRisk"),
    ("users", "okta.users"),
    ("groups", "okta.groups"),
    ("apps", "okta.apps"),
    ("zones", "okta.networkZones"),
    ("eventHooks", "okta.eventHooks"),
    ("logs", "okta.logs"),
    ("idps", "okta.idps"),
    ("meta/types/user", "okta.userTypes"),
    ("realms", "okta.realms"),
    ("policies", "okta.policies"),
    ("threats", "okta.threatInsights"),
    ("trustedOrigins", "okta.trustedOrigins"),
    ("behaviors", "okta.behaviors"),
    ("meta/schemas/user/linkedObjects", "okta.linkedObjects"),
    ("api-tokens", "okta.apiTokens"),
    ("devices", "okta.devices"),
    ("sessions", "okta.sessions"),
)
# Operations outside /api/v1 that take an OAuth scope: (method, path) -> scope.
OTHER = {("POST", "/oauth2/v1/global-token-revocation"): "okta.universalLogout.manage"}
_PARSED = tuple((prefix.split("/"), family) for prefix, family in FAMILIES)


def required(method: str, path: str):
    """The scope ``method path`` needs, or None for a path outside the table."""
    if not path.startswith("/api/v1/"):
        return OTHER.get((method.upper(), path.rstrip("/")))
    segments = path[len("/api/v1/") :].strip("/").split("/")
    for want, family in _PARSED:
        if len(segments) >= len(want) and all(w == "*" or w == s for w, s in zip(want, segments)):
            return family + (".read" if method.upper() in ("GET", "HEAD") else ".manage")
    return None
