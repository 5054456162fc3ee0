"""Build state from an org description (a dict, as found in a JSON/YAML file).

Why: the demo org and user-supplied org files share one readable format:

    users:  [{login, firstName, lastName, email?, status?, password?, groups?: [names],
              factors?: [{type: push|sms|token:software:totp|email|question|call,
                          provider?, behaviour?: {...}}], roles?: [TYPE], apps?: [app names],
              profile?: {...}, created_days_ago?, last_login_days_ago?}]
    groups: [{name, description?, type?, roles?: [TYPE]}]
    apps:   [{name, label, signOnMode?, status?, groups?: [names]}]
    zones:  [{type, name, usage?, status?, gateways?, proxies?, locations?, ...}]
    policies: [{name, type, priority?, status?, description?, groups?: [names] (default Everyone),
                conditions?, settings?, rules?: [names]}]
    idps, hooks, user_types, realms, custom_attributes, push_default,
    logs: [{eventType, user?: login, group?: name, days_ago?, outcome?}]
    group_rules, trusted_origins, behaviors, threat_insight, user_blocks, linked_objects: see ``hunt``
    features, api_tokens, sessions, devices, authenticator_enrollments, grants, refresh_tokens,
    risk: see ``itr``; a log entry may name its ``session`` (externalSessionId) and client ``ip``
Every org gets Okta's built-ins: the Everyone group, a default user type and
realm, the system zones, default password, global session and authenticator
enrollment policies, and an admin user
(``admin@example.com``, SUPER_ADMIN) who owns the API tokens.
"""

from ..resources.apps import new_app, new_app_user
from ..resources.factors import new_factor
from ..resources.groups import new_group
from ..resources.hooks import new_hook
from ..resources.idps import new_idp
from ..resources.misc import new_realm, new_user_type
from ..resources.policies import new_policy
from ..resources.roles import new_role
from ..resources.users import _norm_profile, hash_password
from ..resources.zone_bodies import checked as checked_zone
from ..resources.zones import new_zone
from ..store import User
from .hunt import load as load_hunt
from .itr import load as load_itr

DAY = 86400.0
ADMIN_LOGIN = "admin@example.com"


def _ts(store, days_ago) -> str:
    return store.clock.iso(store.clock.now() - float(days_ago) * DAY)


def load_dict(store, org: dict) -> None:
    org = org or {}
    with store.lock:
        sink, store.hook_sink = store.hook_sink, None  # history is not delivered to hooks
        try:
            _load(store, org)
        finally:
            store.hook_sink = sink


def _load(store, org: dict) -> None:
    if True:
        store.org.update(org.get("org") or {})
        if org.get("push_default"):
            store.org["push_default"] = dict(org["push_default"])
        store.custom_attributes = set(org.get("custom_attributes") or [])
        born = _ts(store, org.get("org_age_days", 400))
        # built-ins
        t = new_user_type(
            store,
            "user",
            "User",
            "Okta user profile template with default permission settings",
            default=True,
            created=born,
        )
        store.user_types[t["id"]] = t
        store.default_type_id = t["id"]
        for ut in org.get("user_types") or []:
            x = new_user_type(
                store, ut["name"], ut.get("displayName") or ut["name"], ut.get("description") or "", created=born
            )
            store.user_types[x["id"]] = x
        r = new_realm(store, "Default Realm", default=True, created=born)
        store.realms[r["id"]] = r
        store.org["default_realm_id"] = r["id"]
        for rd in org.get("realms") or []:
            x = new_realm(store, rd["name"], created=born)
            store.realms[x["id"]] = x
        everyone = new_group(store, "Everyone", "All users in your organization", "BUILT_IN", created=born)
        store.add_group(everyone)
        for zd in [
            {"type": "IP", "name": "LegacyIpZone", "usage": "POLICY", "gateways": [], "proxies": []},
            {"type": "IP", "name": "BlockedIpZone", "usage": "BLOCKLIST", "gateways": []},
        ]:
            z = new_zone(store, checked_zone(zd), system=True, created=born)
            store.zones[z["id"]] = z
        for ptype in ("PASSWORD", "OKTA_SIGN_ON", "MFA_ENROLL"):
            p = new_policy(
                store,
                "Default Policy",
                ptype,
                priority=1,
                system=True,
                description="The default policy applies in all situations if no other policy applies.",
                created=born,
                group_ids=[everyone["id"]],
            )
            store.policies[p["id"]] = p
        # groups
        by_name = {"Everyone": everyone["id"]}
        for gd in org.get("groups") or []:
            g = new_group(
                store,
                gd["name"],
                gd.get("description") or "",
                gd.get("type") or "OKTA_GROUP",
                gid=gd.get("id"),
                created=_ts(store, gd.get("created_days_ago", 300)),
            )
            store.add_group(g)
            by_name[gd["name"]] = g["id"]
            for rtype in gd.get("roles") or []:
                role = new_role(store, rtype, "GROUP", created=g["created"])
                store.roles.setdefault(g["id"], {})[role["id"]] = role
        for pd in org.get("policies") or []:
            _load_policy(store, pd, by_name, born)
        _rank_defaults_last(store)
        # apps
        apps_by_name = {}
        for ad in org.get("apps") or []:
            a = new_app(
                store,
                ad["name"],
                ad.get("label") or ad["name"],
                ad.get("signOnMode") or "SAML_2_0",
                ad.get("status") or "ACTIVE",
                aid=ad.get("id"),
                created=_ts(store, ad.get("created_days_ago", 200)),
                settings_app=ad.get("settings"),
            )
            store.apps[a["id"]] = a
            apps_by_name[ad.get("key") or ad["name"]] = a
            for gname in ad.get("groups") or []:
                gid = by_name[gname]
                store.app_groups.setdefault(a["id"], {})[gid] = {
                    "id": gid,
                    "lastUpdated": a["created"],
                    "priority": 0,
                    "profile": {},
                }
        # users: the admin first
        users = [
            {
                "login": ADMIN_LOGIN,
                "firstName": "Sim",
                "lastName": "Admin",
                "status": "ACTIVE",
                "password": "Adm1nPassw0rd!",
                "roles": ["SUPER_ADMIN"],
                "created_days_ago": 390,
            }
        ]
        users += [u for u in org.get("users") or [] if u.get("login") != ADMIN_LOGIN]
        for ud in users:
            _load_user(store, ud, by_name, apps_by_name)
        store.admin_id = store.logins[ADMIN_LOGIN]
        for ut in store.user_types.values():
            ut["createdBy"] = ut["lastUpdatedBy"] = store.admin_id
        # zones, idps, hooks
        for zd in org.get("zones") or []:
            z = new_zone(store, checked_zone(zd), zid=zd.get("id"), created=_ts(store, zd.get("created_days_ago", 100)))
            store.zones[z["id"]] = z
        for idd in org.get("idps") or []:
            i = new_idp(
                store,
                idd["name"],
                idd.get("type") or "OIDC",
                idd.get("status") or "ACTIVE",
                created=_ts(store, idd.get("created_days_ago", 150)),
            )
            store.idps[i["id"]] = i
        for hd in org.get("hooks") or []:
            body = {
                "name": hd["name"],
                "description": hd.get("description"),
                "events": {"type": "EVENT_TYPE", "items": hd["events"], "filter": None},
                "channel": {
                    "type": "HTTP",
                    "version": "1.0.0",
                    "config": {
                        "uri": hd["uri"],
                        "headers": hd.get("headers") or [],
                        "authScheme": {
                            "type": "HEADER",
                            "key": "Authorization",
                            "value": hd.get("secret") or "sim-hook-secret",
                        },
                    },
                },
            }
            h = new_hook(
                store,
                body,
                hid=hd.get("id"),
                created=_ts(store, hd.get("created_days_ago", 30)),
                status=hd.get("status") or "ACTIVE",
                verified=hd.get("verified", False),
            )
            h["createdBy"] = store.admin_id
            store.hooks[h["id"]] = h
        load_hunt(store, org, by_name, lambda days: _ts(store, days), born)
        load_itr(store, org)
        for td in org.get("push_transactions") or []:
            _load_push_transaction(store, td)
        # history
        for ld in sorted(org.get("logs") or [], key=lambda x: -float(x.get("days_ago", 1))):
            _load_log(store, ld, by_name)


def _load_policy(store, pd: dict, groups_by_name: dict, born: str) -> None:
    x = new_policy(
        store,
        pd["name"],
        pd["type"],
        priority=pd.get("priority", 1),
        status=pd.get("status", "ACTIVE"),
        description=pd.get("description"),
        created=born,
        group_ids=[groups_by_name[g] for g in pd.get("groups") or ["Everyone"]],
        conditions=pd.get("conditions"),
        settings=pd.get("settings"),
    )
    if pd.get("rules"):
        x["_rules"] = [
            {
                "id": store.ids.new("rule"),
                "name": rn,
                "priority": i + 1,
                "status": "ACTIVE",
                "system": False,
                "type": pd["type"],
                "created": born,
                "lastUpdated": born,
                "conditions": None,
                "actions": {},
            }
            for i, rn in enumerate(pd["rules"])
        ]
    store.policies[x["id"]] = x


def _rank_defaults_last(store) -> None:
    """Okta evaluates a type's default (system) policy last: it has the highest priority number."""
    for p in store.policies.values():
        if p["system"]:
            p["priority"] = sum(1 for q in store.policies.values() if q["type"] == p["type"])


def _load_user(store, ud: dict, groups_by_name: dict, apps_by_name: dict) -> None:
    created = _ts(store, ud.get("created_days_ago", 180))
    status = ud.get("status") or "ACTIVE"
    changed = _ts(store, ud.get("status_days_ago", 10)) if status != "STAGED" else None
    profile = {
        "login": ud["login"],
        "email": ud.get("email") or ud["login"],
        "firstName": ud.get("firstName"),
        "lastName": ud.get("lastName"),
    }
    profile.update(ud.get("profile") or {})
    has_pw = ud.get("password") is not None and status not in ("STAGED", "PROVISIONED")
    u = User(
        id=ud.get("id") or store.ids.new("user"),
        status=status,
        created=created,
        activated=created if status != "STAGED" else None,
        status_changed=changed,
        last_login=_ts(store, ud["last_login_days_ago"]) if ud.get("last_login_days_ago") is not None else None,
        last_updated=changed or created,
        password_changed=created if has_pw else None,
        profile=_norm_profile(profile),
        type_id=store.default_type_id,
        realm_id=store.org.get("default_realm_id"),
        provider_type="OKTA",
        provider_name="OKTA",
        password=hash_password(ud["password"]) if has_pw else None,
        recovery_question=ud.get("recovery_question"),
    )
    store.add_user(u)
    for gname in ud.get("groups") or []:
        store.add_member(groups_by_name[gname], u.id, touch=False)
    for fd in ud.get("factors") or []:
        f = new_factor(
            store,
            u,
            fd["type"],
            fd.get("provider") or "OKTA",
            fd.get("profile"),
            fd.get("behaviour"),
            fd.get("status") or "ACTIVE",
            created=created,
        )
        if fd.get("id"):
            f["id"] = fd["id"]
        store.factors.setdefault(u.id, {})[f["id"]] = f
    for rtype in ud.get("roles") or []:
        role = new_role(store, rtype, "USER", created=created)
        store.roles.setdefault(u.id, {})[role["id"]] = role
    for aname in ud.get("apps") or []:
        a = apps_by_name[aname]
        store.app_users.setdefault(a["id"], {})[u.id] = new_app_user(store, a, u, created=created)


def _load_push_transaction(store, td: dict) -> None:
    """A push already sent and waiting for the user, so a sample can poll a real transaction."""
    user = store.users[td["user_id"]]
    factor = store.factors[user.id][td["factor_id"]]
    now = store.clock.now()
    store.transactions[td["id"]] = {
        "id": td["id"],
        "user_id": user.id,
        "factor_id": factor["id"],
        "created": now,
        "expires": now + float(td.get("lifetime", 86400)),
        "result": "WAITING",
        "polls": 0,
        "behaviour": dict(td.get("behaviour") or {"behaviour": "approve_after", "polls": 1}),
        "credential_id": factor["profile"].get("credentialId") or user.login,
        "correct_answer": td.get("correct_answer"),
    }


def _load_log(store, ld: dict, groups_by_name: dict) -> None:
    targets = []
    if ld.get("user"):
        u = store.find_user(ld["user"])
        if u is not None:
            targets.append(store.user_target(u))
    if ld.get("group") in groups_by_name:
        targets.append(store.group_target(store.groups[groups_by_name[ld["group"]]]))
    actor = None
    if ld.get("actor"):
        a = store.find_user(ld["actor"])
        if a is not None:
            actor = {
                "id": a.id,
                "type": "User",
                "alternateId": a.login,
                "displayName": a.display_name,
                "detailEntry": None,
            }
    ev = store.emit(
        ld["eventType"],
        targets,
        outcome=ld.get("outcome", "SUCCESS"),
        reason=ld.get("reason"),
        severity=ld.get("severity", "INFO"),
        actor=actor,
        published=_ts(store, ld.get("days_ago", 1)),
    )
    if ld.get("session"):
        ev["authenticationContext"]["externalSessionId"] = ld["session"]
    if ld.get("ip"):
        ev["client"]["ipAddress"] = ev["request"]["ipChain"][0]["ip"] = ld["ip"]
