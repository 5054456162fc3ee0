"""Group rules: list (search, expand=groupIdToGroupNameMap), CRUD, activate/deactivate.

Why: a rule that quietly adds users to a privileged group is persistence an attacker leaves
behind, so an ACTIVE rule really assigns every user its expression (``oel``) matches, and
remembers the memberships it added so ``DELETE …?removeUsers=true`` can take them back.
Shapes, statuses (create 200 INACTIVE, lifecycle 204, delete 202 ``{}``, 404 ``(PolicyRule)``)
and the ``validateRule`` / ``updateRuleStatus`` errors are as recorded.  As Okta documents, only
an INACTIVE rule can be changed or deleted, its groups cannot be changed, it cannot target an
admin group, and it skips pending (STAGED, PROVISIONED) and DEPROVISIONED users.  A rule whose
group was deleted reads as INVALID (``allGroupsValid: false``) and can only be read or deleted.
"""

import copy
import functools

from .. import oel
from ..errors import OktaError, not_found, validation
from ..events import target
from ..paging import page_list
from ..web import Response, no_content, ok
from .listing import limit_arg, links

EXPRESSION_TYPE = "urn:okta:expression:1.0"
MAX_GROUPS = 100
MAX_EXCLUDED = 100
NOT_EVALUATED = ("STAGED", "PROVISIONED", "DEPROVISIONED")
MESSAGES = {
    "group.user_membership.rule.trigger": "Trigger group membership rule",
    "group.user_membership.rule.deactivated": "Deactivate group membership rule",
}


def new_rule(store, name, expression, group_ids, exclude=(), rid=None, created=None) -> dict:
    now = created or store.now()
    return {
        "type": "group_rule",
        "id": rid or store.ids.new("rule"),
        "status": "INACTIVE",
        "name": name,
        "created": now,
        "lastUpdated": now,
        "conditions": {
            "people": {"users": {"exclude": list(exclude)}, "groups": {"exclude": []}},
            "expression": {"value": expression, "type": EXPRESSION_TYPE},
        },
        "actions": {"assignUserToGroups": {"groupIds": list(group_ids)}},
        "_assigned": {},
    }  # gid -> [uid] memberships this rule added


def group_ids(rule) -> list:
    return rule["actions"]["assignUserToGroups"]["groupIds"]


def status(store, rule) -> str:
    return rule["status"] if all(g in store.groups for g in group_ids(rule)) else "INVALID"


def render(store, rule, expand=None) -> dict:
    d = {k: copy.deepcopy(v) for k, v in rule.items() if not k.startswith("_")}
    d["status"] = status(store, rule)
    if expand == "groupIdToGroupNameMap":
        d["_embedded"] = {
            "groupIdToGroupNameMap": {
                gid: store.groups[gid]["profile"]["name"] for gid in group_ids(rule) if gid in store.groups
            }
        }
    d["allGroupsValid"] = d["status"] != "INVALID"
    return d


def get_rule(store, rid) -> dict:
    rule = store.group_rules.get(rid)
    if rule is None:
        raise not_found(rid, "PolicyRule")
    return rule


# ---------------------------------------------------------------- validation
def _invalid_expression(value) -> OktaError:
    return OktaError(
        "E0000001", "validateRule", causes=[f"Invalid expression syntax {value}", "conditions: Invalid expression"]
    )


def checked(store, body) -> dict:
    """The rule a create or replace body describes; Okta's 400 E0000001 for what it refuses."""
    if body.get("type", "group_rule") != "group_rule":
        raise validation("type", "type: The only allowed value is group_rule")
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise validation("name", "name: The field cannot be left blank")
    if len(name) > 50:
        raise validation("name", "name: size must be between 1 and 50")
    conditions = body.get("conditions") if isinstance(body.get("conditions"), dict) else {}
    expression = conditions.get("expression") if isinstance(conditions.get("expression"), dict) else {}
    value = expression.get("value")
    if expression.get("type", EXPRESSION_TYPE) != EXPRESSION_TYPE:
        raise validation("validateRule", f"conditions.expression.type: The only allowed value is {EXPRESSION_TYPE}")
    try:
        oel.parse(value)
    except oel.OelError:
        raise _invalid_expression(value) from None
    return {
        "name": name,
        "expression": value,
        "group_ids": _checked_groups(store, body),
        "exclude": _checked_exclusions(conditions),
    }


def _checked_groups(store, body) -> list:
    actions = body.get("actions") if isinstance(body.get("actions"), dict) else {}
    assign = actions.get("assignUserToGroups") if isinstance(actions.get("assignUserToGroups"), dict) else {}
    gids = assign.get("groupIds")
    if not isinstance(gids, list) or not gids or not all(isinstance(g, str) for g in gids):
        raise validation("validateRule", "actions.assignUserToGroups.groupIds: The field cannot be left blank")
    if len(gids) > MAX_GROUPS:
        raise validation(
            "validateRule", f"actions.assignUserToGroups.groupIds: A rule can assign at most {MAX_GROUPS} groups"
        )
    for gid in gids:
        group = store.groups.get(gid)
        if group is None:
            raise validation("validateRule", f"actions.assignUserToGroups.groupIds: Group not found: {gid}")
        if group["type"] != "OKTA_GROUP":
            raise validation("validateRule", f"Group rules can only assign users to Okta groups: {gid}")
        if store.roles.get(gid):
            raise validation("validateRule", f"Group rules cannot be used to assign users to admin groups: {gid}")
    return list(dict.fromkeys(gids))


def _checked_exclusions(conditions) -> list:
    people = conditions.get("people") if isinstance(conditions.get("people"), dict) else {}
    users = people.get("users") if isinstance(people.get("users"), dict) else {}
    exclude = users.get("exclude") or []
    if not isinstance(exclude, list) or not all(isinstance(u, str) for u in exclude):
        raise validation("validateRule", "conditions.people.users.exclude: The value must be a list of user ids")
    if len(exclude) > MAX_EXCLUDED:
        raise validation(
            "validateRule", f"conditions.people.users.exclude: A rule can exclude at most {MAX_EXCLUDED} users"
        )
    return exclude


# ---------------------------------------------------------------- effect
def matching_users(store, rule):
    """The users the rule's expression selects, less its exclusions and the users it never evaluates."""
    tree = oel.parse(rule["conditions"]["expression"]["value"])
    excluded = set(rule["conditions"]["people"]["users"]["exclude"])

    def group_name(gid):
        return (store.groups.get(gid) or {}).get("profile", {}).get("name")

    for uid, user in store.users.items():
        if user.status in NOT_EVALUATED or uid in excluded:
            continue
        if oel.matches(tree, oel.Context(user.profile, store.user_groups.get(uid, ()), group_name)):
            yield user


def apply(store, rule, req=None, log: bool = True) -> None:
    """Add every matching user to the rule's groups (an ACTIVE, valid rule only)."""
    if status(store, rule) != "ACTIVE":
        return
    for user in list(matching_users(store, rule)):
        for gid in group_ids(rule):
            if store.add_member(gid, user.id, touch=log):
                rule["_assigned"].setdefault(gid, []).append(user.id)
                if log:
                    store.emit(
                        "group.user_membership.add",
                        [store.user_target(user), store.group_target(store.groups[gid])],
                        req,
                    )


def _remove_assigned(store, rule, req) -> None:
    for gid, uids in rule["_assigned"].items():
        for uid in uids:
            if gid in store.groups and uid in store.users and store.remove_member(gid, uid):
                store.emit(
                    "group.user_membership.remove",
                    [store.user_target(store.users[uid]), store.group_target(store.groups[gid])],
                    req,
                )
    rule["_assigned"] = {}


def _emit(store, event_type, rule, req) -> None:
    store.emit(
        event_type, [target(rule["id"], "PolicyRule", rule["name"], rule["name"])], req, message=MESSAGES[event_type]
    )


# ---------------------------------------------------------------- handlers
def list_rules(req, store):
    limit = limit_arg(req, 50, 1, 200)
    rules = list(store.group_rules.values())
    search = (req.arg("search") or "").lower()
    if search:
        rules = [r for r in rules if search in r["name"].lower()]
    items, nxt = page_list(rules, req.arg("after"), limit)
    expand = req.arg("expand")
    return ok([render(store, r, expand) for r in items], headers=links(req, nxt, limit))


def create_rule(req, store):
    spec = checked(store, req.json(required=True))
    rule = new_rule(store, spec["name"], spec["expression"], spec["group_ids"], spec["exclude"])
    store.group_rules[rule["id"]] = rule
    return ok(render(store, rule))


def get_rule_h(req, store):
    return ok(render(store, get_rule(store, req.params["ruleId"]), req.arg("expand")))


def replace_rule(req, store):
    rule = get_rule(store, req.params["ruleId"])
    current = status(store, rule)
    if current != "INACTIVE":
        raise OktaError("E0000001", "updateRule", causes=[f"Cannot update a Group Rule with the status {current}."])
    spec = checked(store, req.json(required=True))
    if spec["group_ids"] != group_ids(rule):
        raise validation("updateRule", "actions: The groups a group rule assigns cannot be changed.")
    rule["name"] = spec["name"]
    rule["conditions"]["expression"]["value"] = spec["expression"]
    rule["conditions"]["people"]["users"]["exclude"] = spec["exclude"]
    rule["lastUpdated"] = store.now()
    return ok(render(store, rule))


def delete_rule(req, store):
    rule = get_rule(store, req.params["ruleId"])
    remove_users = req.bool_arg("removeUsers", False)
    if status(store, rule) == "ACTIVE":
        raise OktaError("E0000001", "deleteRule", causes=["Cannot delete a Group Rule with the status ACTIVE."])
    if remove_users:
        _remove_assigned(store, rule, req)
    del store.group_rules[rule["id"]]
    return Response(202, {})


def lifecycle(req, store, action):
    rule = get_rule(store, req.params["ruleId"])
    current = status(store, rule)
    if current == "INVALID":
        raise OktaError(
            "E0000001",
            "updateRuleStatus",
            causes=["Cannot activate or deactivate a Group Rule with the status INVALID."],
        )
    wanted = "ACTIVE" if action == "activate" else "INACTIVE"
    if current != wanted:
        rule["status"] = wanted
        rule["lastUpdated"] = store.now()
        if wanted == "ACTIVE":
            _emit(store, "group.user_membership.rule.trigger", rule, req)
            apply(store, rule, req)
        else:
            _emit(store, "group.user_membership.rule.deactivated", rule, req)
    return no_content()


def register(r) -> None:
    r.add("GET", "/api/v1/groups/rules", list_rules)
    r.add("POST", "/api/v1/groups/rules", create_rule)
    r.add("GET", "/api/v1/groups/rules/{ruleId}", get_rule_h)
    r.add("PUT", "/api/v1/groups/rules/{ruleId}", replace_rule)
    r.add("DELETE", "/api/v1/groups/rules/{ruleId}", delete_rule)
    for action in ("activate", "deactivate"):  # one route per action, as in the spec
        r.add(
            "POST", f"/api/v1/groups/rules/{{ruleId}}/lifecycle/{action}", functools.partial(lifecycle, action=action)
        )
