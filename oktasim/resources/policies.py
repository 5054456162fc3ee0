"""Policies: list by type, get, activate/deactivate, list rules.

Why: the connector lists policies for context and to build inputs.  The shape follows the
recorded real policies (``../shared/okta-vcr``): the password, global session and
authenticator enrollment policies carry ``conditions`` (the groups they apply to; password
policies also the auth provider), and the password and enrollment policies carry ``settings``;
the other types have ``conditions: null`` and no settings.  A policy without a description
leaves the key out, and access policies in a list carry ``_embedded.resourceType``.  ``type``
is required when listing (inferred: 400 E0000028 without it).

The default password policy's complexity describes what ``users.check_password`` enforces.
"""

import copy

from ..errors import OktaError, not_found
from ..events import target
from ..paging import link_headers, page_list, parse_limit
from ..web import no_content, ok
from .lifecycle import set_active

POLICY_TYPES = (
    "ACCESS_POLICY",
    "OKTA_SIGN_ON",
    "PASSWORD",
    "MFA_ENROLL",
    "IDP_DISCOVERY",
    "PROFILE_ENROLLMENT",
    "POST_AUTH_SESSION",
    "ENTITY_RISK",
    "DEVICE_SIGNAL_COLLECTION",
    "SESSION_VIOLATION_DETECTION",
    "CLIENT_UPDATE",
    "IDENTITY_CLAIM_SOURCING",
)
GROUP_CONDITION_TYPES = ("PASSWORD", "OKTA_SIGN_ON", "MFA_ENROLL")

_PASSWORD_SETTINGS = {
    "password": {
        "complexity": {
            "minLength": 8,
            "minLowerCase": 1,
            "minUpperCase": 1,
            "minNumber": 1,
            "minSymbol": 0,
            "excludeUsername": True,
            "dictionary": {"common": {"exclude": False}},
            "excludeAttributes": [],
        },
        "age": {"maxAgeDays": 0, "expireWarnDays": 0, "minAgeMinutes": 0, "historyCount": 5},
        "lockout": {
            "maxAttempts": 10,
            "autoUnlockMinutes": 0,
            "userLockoutNotificationChannels": [],
            "showLockoutFailures": False,
        },
        "breachedProtection": {"expireAfterDays": None, "logoutEnabled": False, "delegatedWorkflowId": None},
    },
    "recovery": {
        "factors": {
            "recovery_question": {"status": "ACTIVE", "properties": {"complexity": {"minLength": 4}}},
            "okta_email": {"status": "ACTIVE", "properties": {"recoveryToken": {"tokenLifetimeMinutes": 60}}},
            "okta_sms": {"status": "INACTIVE"},
            "okta_call": {"status": "INACTIVE"},
        }
    },
    "delegation": {"options": {"skipUnlock": False}},
}
_ENROLLMENT_SETTINGS = {
    "type": "AUTHENTICATORS",
    "authenticators": [
        {"key": "okta_email", "enroll": {"self": "REQUIRED"}},
        {"key": "okta_password", "enroll": {"self": "REQUIRED"}},
        {"key": "okta_verify", "enroll": {"self": "OPTIONAL"}},
        {"key": "phone_number", "enroll": {"self": "OPTIONAL"}},
    ],
}
DEFAULT_SETTINGS = {"PASSWORD": _PASSWORD_SETTINGS, "MFA_ENROLL": _ENROLLMENT_SETTINGS}


def default_conditions(ptype: str, group_ids) -> dict | None:
    """The conditions Okta shows for a policy of this type applying to these groups."""
    if ptype not in GROUP_CONDITION_TYPES:
        return None
    conditions = {"people": {"groups": {"include": list(group_ids)}}}
    if ptype == "PASSWORD":
        conditions["authProvider"] = {"provider": "OKTA"}
    return conditions


def new_policy(
    store,
    name,
    ptype,
    priority=1,
    system=False,
    status="ACTIVE",
    description=None,
    pid=None,
    created=None,
    group_ids=(),
    conditions=None,
    settings=None,
):
    """A policy; conditions and settings default to what Okta shows for the type."""
    now = created or store.now()
    p = {"id": pid or store.ids.new("policy"), "status": status, "name": name}
    if description is not None:
        p["description"] = description
    p.update(
        {
            "priority": priority,
            "system": system,
            "conditions": conditions if conditions is not None else default_conditions(ptype, group_ids),
            "created": now,
            "lastUpdated": now,
        }
    )
    if settings is None and ptype in DEFAULT_SETTINGS:
        settings = copy.deepcopy(DEFAULT_SETTINGS[ptype])
    if settings is not None:
        p["settings"] = settings
    p["type"] = ptype
    return p


def render_policy(p, base, listed=False):
    d = {k: v for k, v in p.items() if not k.startswith("_")}
    if listed and p["type"] == "ACCESS_POLICY":
        d["_embedded"] = {"resourceType": "APP"}
    href = f"{base}/api/v1/policies/{p['id']}"
    links = {
        "self": {"href": href, "hints": {"allow": ["GET", "PUT"] if p["system"] else ["GET", "PUT", "DELETE"]}},
        "rules": {"href": f"{href}/rules", "hints": {"allow": ["GET", "POST"]}},
    }
    if not p["system"]:
        action = "deactivate" if p["status"] == "ACTIVE" else "activate"
        links[action] = {"href": f"{href}/lifecycle/{action}", "hints": {"allow": ["POST"]}}
    d["_links"] = links
    return d


def _get_policy(store, pid):
    p = store.policies.get(pid)
    if p is None:
        raise not_found(pid, "Policy")
    return p


def list_policies(req, store):
    ptype = req.arg("type")
    if not ptype:
        raise OktaError("E0000028", causes=["type: The field is required"])
    if ptype not in POLICY_TYPES:
        raise OktaError("E0000001", "type", causes=[f"type: Invalid policy type {ptype}"])
    rows = [p for p in store.policies.values() if p["type"] == ptype]
    st = req.arg("status")
    if st:
        rows = [p for p in rows if p["status"] == st]
    q = req.arg("q")
    if q:
        rows = [p for p in rows if p["name"].lower().startswith(q.lower())]
    rows.sort(key=lambda p: p["priority"])
    limit = parse_limit(req, 20, 200)
    items, nxt = page_list(rows, req.arg("after"), limit)
    return ok([render_policy(p, req.base, listed=True) for p in items], headers=link_headers(req, nxt))


def get_policy(req, store):
    return ok(render_policy(_get_policy(store, req.params["policyId"]), req.base))


def policy_lifecycle(req, store):
    p = _get_policy(store, req.params["policyId"])
    action = req.params["action"]
    set_active(store, p, action)
    store.emit(f"policy.lifecycle.{action}", [target(p["id"], "Policy", p["name"], p["name"])], req)
    return no_content()


def list_rules(req, store):
    p = _get_policy(store, req.params["policyId"])
    out = []
    for rule in p.get("_rules", []):
        d = dict(rule)
        href = f"{req.base}/api/v1/policies/{p['id']}/rules/{rule['id']}"
        d["_links"] = {"self": {"href": href, "hints": {"allow": ["GET", "PUT", "DELETE"]}}}
        out.append(d)
    return ok(out)


def register(r) -> None:
    r.add("GET", "/api/v1/policies", list_policies)
    r.add("GET", "/api/v1/policies/{policyId}", get_policy)
    r.add("POST", "/api/v1/policies/{policyId}/lifecycle/{action}", policy_lifecycle)
    r.add("GET", "/api/v1/policies/{policyId}/rules", list_rules)
