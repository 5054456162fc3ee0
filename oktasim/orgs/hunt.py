"""Org-file keys for what a hunt for persistence looks at (read by ``loader``).

Why: the demo and user-supplied orgs seed rules, origins and disabled defences in the same
readable format as the rest of an org:

    group_rules:     [{name, expression, groups: [names], id?, status? (INACTIVE),
                       exclude?: [logins], created_days_ago?}]
    trusted_origins: [{name, origin, scopes?: [CORS|REDIRECT|IFRAME_EMBED] (CORS, REDIRECT),
                       id?, status?, created_by?: login, created_days_ago?}]
    behaviors:       [{name, status?, type?, settings?, id?}]   (a default's name changes that default)
    threat_insight:  {action, exclude_zones?: [zone names]}
    user_blocks:     [{user: login, applies_to?: UNKNOWN_DEVICES}]
    linked_objects:  [{primary: {name, title?, description?}, associated: {…},
                       links?: {primary login: [associated logins]}}]

Every org also gets Okta's default behavior rules and ThreatInsight off (action ``none``).  An
ACTIVE rule is applied as it loads (its memberships are recorded as the rule's, without events).
"""

from ..resources import behaviors, group_rules, linked_objects, trusted_origins


def load(store, org: dict, groups_by_name: dict, ts, born: str) -> None:
    """``ts(days_ago)`` -> ISO time; ``born`` is the org's creation time."""
    behaviors.add_defaults(store, born)
    for bd in org.get("behaviors") or []:
        _load_behavior(store, bd, born)
    ti = org.get("threat_insight") or {"action": "none"}
    zone_ids = {z["name"]: z["id"] for z in store.zones.values()}
    store.threat_insight = {
        "action": ti["action"],
        "excludeZones": [zone_ids[n] for n in ti.get("exclude_zones") or []],
        "created": born,
        "lastUpdated": born,
    }
    for rd in org.get("group_rules") or []:
        _load_rule(store, rd, groups_by_name, ts)
    for od in org.get("trusted_origins") or []:
        creator = store.find_user(od["created_by"]).id if od.get("created_by") else None
        o = trusted_origins.new_origin(
            store,
            od["name"],
            od["origin"],
            [{"type": t} for t in od.get("scopes") or ("CORS", "REDIRECT")],
            status=od.get("status") or "ACTIVE",
            oid=od.get("id"),
            created=ts(od.get("created_days_ago", 60)),
            created_by=creator,
        )
        store.trusted_origins[o["id"]] = o
    for bd in org.get("user_blocks") or []:
        store.user_blocks[store.find_user(bd["user"]).id] = bd.get("applies_to") or "UNKNOWN_DEVICES"
    for ld in org.get("linked_objects") or []:
        _load_linked_object(store, ld)


def _load_behavior(store, bd: dict, born: str) -> None:
    existing = next((b for b in store.behaviors.values() if b["name"] == bd["name"]), None)
    if existing is None:
        b = behaviors.new_behavior(
            store,
            bd["name"],
            bd["type"],
            bd.get("settings") or {},
            status=bd.get("status") or "ACTIVE",
            bid=bd.get("id"),
            created=born,
        )
        store.behaviors[b["id"]] = b
        return
    existing["status"] = bd.get("status") or existing["status"]
    if bd.get("id"):  # keep Okta's order of the defaults
        old_id, existing["id"] = existing["id"], bd["id"]
        store.behaviors = {(bd["id"] if k == old_id else k): v for k, v in store.behaviors.items()}


def _load_rule(store, rd: dict, groups_by_name: dict, ts) -> None:
    exclude = [store.find_user(login).id for login in rd.get("exclude") or []]
    rule = group_rules.new_rule(
        store,
        rd["name"],
        rd["expression"],
        [groups_by_name[g] for g in rd["groups"]],
        exclude,
        rid=rd.get("id"),
        created=ts(rd.get("created_days_ago", 30)),
    )
    rule["status"] = rd.get("status") or "INACTIVE"
    store.group_rules[rule["id"]] = rule
    group_rules.apply(store, rule, log=False)


def _load_linked_object(store, ld: dict) -> None:
    definition = linked_objects.new_definition(ld["primary"], ld["associated"])
    name = definition["primary"]["name"]
    store.linked_object_defs[name] = definition
    for primary_login, associated_logins in (ld.get("links") or {}).items():
        primary = store.find_user(primary_login)
        for login in associated_logins:
            linked_objects.link(store, name, store.find_user(login).id, primary.id)
