"""Group rules: list, search, expand and paging; create, replace and delete; lifecycle; and the
memberships an ACTIVE rule really adds (and removeUsers takes back)."""

import copy

import pytest

from . import vcr
from .conftest import links

RULES = "/api/v1/groups/rules"
PENDING_OR_GONE = ("STAGED", "PROVISIONED", "DEPROVISIONED")


def rule_body(group_id, expression='user.department == "Sales"', name="Sales department", exclude=()):
    return {
        "type": "group_rule",
        "name": name,
        "conditions": {
            "people": {"users": {"exclude": list(exclude)}},
            "expression": {"type": "urn:okta:expression:1.0", "value": expression},
        },
        "actions": {"assignUserToGroups": {"groupIds": [group_id]}},
    }


def member_ids(api, gid) -> set:
    return {u["id"] for u in api.get(f"/api/v1/groups/{gid}/users").json()}


def sales_users(sim) -> dict:
    return {u.id: u for u in sim.store.users.values() if u.profile.get("department") == "Sales"}


@pytest.fixture
def target(api):
    """A new, empty Okta group for a rule to assign."""
    return api.post("/api/v1/groups", json={"profile": {"name": "Rule target"}}).json()["id"]


@pytest.fixture
def created(api, target):
    return api.post(RULES, json=rule_body(target)).json()


# ---------------------------------------------------------------- list
def test_the_demo_lists_its_rules_in_creation_order_and_names_the_page_size_in_the_self_link(api, demo):
    r = api.get(RULES)
    assert [x["id"] for x in r.json()] == [demo.ENGINEERING_RULE_ID, demo.FINANCE_RULE_ID, demo.ROGUE_RULE_ID]
    assert links(r) == [f'<{api.sim.url}{RULES}?limit=50>; rel="self"']


def test_search_matches_part_of_the_rule_name_whatever_the_case(api, demo):
    assert [x["id"] for x in api.get(RULES, params={"search": "ACCESS"}).json()] == [demo.ROGUE_RULE_ID]


def test_expand_maps_each_assigned_group_id_to_its_name(api, demo):
    rogue = api.get(f"{RULES}/{demo.ROGUE_RULE_ID}", params={"expand": "groupIdToGroupNameMap"}).json()
    assert rogue["_embedded"] == {"groupIdToGroupNameMap": {demo.PROD_ACCESS_GROUP_ID: demo.PROD_ACCESS_GROUP_NAME}}


def test_limit_and_after_page_through_the_rules(api, demo):
    first = api.get(RULES, params={"limit": 2})
    nxt = links(first)[1].split(";")[0].strip("<>")
    assert [x["id"] for x in api.get(nxt).json()] == [demo.ROGUE_RULE_ID] and len(first.json()) == 2


@pytest.mark.parametrize("limit", ["0", "-1", "many"])
def test_a_limit_below_one_or_not_a_number_is_400_E0000001(api, limit):
    r = api.get(RULES, params={"limit": limit})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000001")


# ---------------------------------------------------------------- create
def test_a_new_rule_is_inactive_and_assigns_no_one(api, target, created):
    assert created["status"] == "INACTIVE" and created["allGroupsValid"] is True
    assert member_ids(api, target) == set()


@pytest.mark.parametrize("rec", vcr.params(method="POST", path_template=RULES, status=200))
def test_a_recorded_create_answers_the_recorded_rule(api, target, rec):
    body = copy.deepcopy(rec["request_body"])
    body["actions"]["assignUserToGroups"]["groupIds"] = [target]
    want = copy.deepcopy(rec["response_body"])
    want["actions"]["assignUserToGroups"]["groupIds"] = [target]
    r = api.post(RULES, json=body)
    assert r.status_code == 200 and vcr.stable(r.json()) == vcr.stable(want)


@pytest.mark.parametrize("rec", vcr.params(method="POST", path_template=RULES, status=400))
def test_a_recorded_invalid_expression_gets_the_recorded_error(api, target, rec):
    body = copy.deepcopy(rec["request_body"])
    body["actions"]["assignUserToGroups"]["groupIds"] = [target]
    r = api.post(RULES, json=body)
    want = rec["response_body"]
    assert r.status_code == 400
    assert {k: r.json()[k] for k in ("errorCode", "errorSummary", "errorCauses")} == {
        k: want[k] for k in ("errorCode", "errorSummary", "errorCauses")
    }


def _without(path):
    def change(body):
        node = body
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


def _set(path, value):
    def change(body):
        node = body
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


GROUPS = ("actions", "assignUserToGroups", "groupIds")


@pytest.mark.parametrize(
    ("change", "summary", "cause"),
    [
        (_without(("name",)), "name", "cannot be left blank"),
        (_set(("name",), "x" * 51), "name", "between 1 and 50"),
        (_set(("type",), "policy_rule"), "type", "group_rule"),
        (_set(("conditions", "expression", "type"), "urn:okta:expression:2.0"), "validateRule", "expression.type"),
        (_set(GROUPS, []), "validateRule", "groupIds"),
        (_set(GROUPS, ["00gnope"]), "validateRule", "Group not found: 00gnope"),
        (_set(GROUPS, ["00g%04d" % i for i in range(101)]), "validateRule", "at most 100"),
        (_set(("conditions", "people", "users", "exclude"), "00u1"), "validateRule", "exclude"),
    ],
)
def test_a_body_okta_refuses_is_400_E0000001_naming_the_field(api, target, change, summary, cause):
    body = rule_body(target)
    change(body)
    r = api.post(RULES, json=body).json()
    assert (r["errorCode"], r["errorSummary"]) == ("E0000001", f"Api validation failed: {summary}")
    assert cause in r["errorCauses"][0]["errorSummary"]


@pytest.mark.parametrize(
    ("group", "cause"),
    [
        ("privileged", "cannot be used to assign users to admin groups"),
        ("everyone", "can only assign users to Okta groups"),
    ],
)
def test_a_rule_cannot_target_an_admin_group_or_a_built_in_group(api, sim, demo, group, cause):
    gid = demo.PRIVILEGED_GROUP_ID if group == "privileged" else sim.store.everyone_id
    r = api.post(RULES, json=rule_body(gid))
    assert r.status_code == 400 and cause in r.json()["errorCauses"][0]["errorSummary"]


def test_a_body_that_is_not_json_is_400_E0000003(api):
    r = api.post(RULES, data="{not json", headers={"Content-Type": "application/json"})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000003")


# ---------------------------------------------------------------- get / 404
@pytest.mark.parametrize(
    ("method", "suffix"),
    [("GET", ""), ("PUT", ""), ("DELETE", ""), ("POST", "/lifecycle/activate"), ("POST", "/lifecycle/deactivate")],
)
def test_an_unknown_rule_is_404_E0000007_naming_a_policy_rule(api, target, method, suffix):
    r = api.s.request(method, api.url(f"{RULES}/0prnope{suffix}"), json=rule_body(target))
    assert r.status_code == 404
    assert r.json()["errorSummary"] == "Not found: Resource not found: 0prnope (PolicyRule)"


def test_an_unknown_lifecycle_action_is_404_E0000008(api, created):
    r = api.post(f"{RULES}/{created['id']}/lifecycle/suspend")
    assert (r.status_code, r.json()["errorCode"]) == (404, "E0000008")


# ---------------------------------------------------------------- lifecycle and effect
@pytest.mark.parametrize("action", ["activate", "deactivate"])
def test_lifecycle_answers_204_with_no_body(api, created, action):
    r = api.post(f"{RULES}/{created['id']}/lifecycle/{action}")
    assert (r.status_code, r.content) == (204, b"")


def test_activating_assigns_every_matching_user_okta_evaluates(api, sim, target, created):
    api.post(f"{RULES}/{created['id']}/lifecycle/activate")
    want = {uid for uid, u in sales_users(sim).items() if u.status not in PENDING_OR_GONE}
    assert want and member_ids(api, target) == want


def test_activating_skips_pending_and_deprovisioned_users(api, sim, target, created):
    skipped = {uid for uid, u in sim.store.users.items() if u.status in PENDING_OR_GONE}
    for uid in list(skipped)[:3]:
        sim.store.users[uid].profile["department"] = "Sales"
    api.post(f"{RULES}/{created['id']}/lifecycle/activate")
    assert skipped and not skipped & member_ids(api, target)


def test_activating_skips_the_users_the_rule_excludes(api, sim, target):
    excluded = next(uid for uid, u in sales_users(sim).items() if u.status == "ACTIVE")
    rule = api.post(RULES, json=rule_body(target, exclude=[excluded])).json()
    api.post(f"{RULES}/{rule['id']}/lifecycle/activate")
    assert excluded not in member_ids(api, target)


def test_activation_logs_the_trigger_then_each_membership_added(api, sim, target, created):
    before = len(sim.store.logs)
    api.post(f"{RULES}/{created['id']}/lifecycle/activate")
    types = [e["eventType"] for e in sim.store.logs[before:]]
    assert types == ["group.user_membership.rule.trigger"] + ["group.user_membership.add"] * len(
        member_ids(api, target)
    )


def test_deactivation_keeps_the_members_and_logs_it(api, sim, target, created):
    api.post(f"{RULES}/{created['id']}/lifecycle/activate")
    before = member_ids(api, target)
    api.post(f"{RULES}/{created['id']}/lifecycle/deactivate")
    assert member_ids(api, target) == before
    assert sim.store.logs[-1]["eventType"] == "group.user_membership.rule.deactivated"


def test_the_demo_rogue_rule_put_the_attackers_account_into_its_group(api, sim, demo):
    sam = sim.store.find_user(demo.ROGUE_RULE_MEMBER_LOGIN)
    assert sam.id in member_ids(api, demo.PROD_ACCESS_GROUP_ID)


# ---------------------------------------------------------------- replace and delete
@pytest.mark.parametrize(("method", "operation"), [("PUT", "updateRule"), ("DELETE", "deleteRule")])
def test_an_active_rule_cannot_be_replaced_or_deleted(api, demo, method, operation):
    r = api.s.request(
        method,
        api.url(f"{RULES}/{demo.ROGUE_RULE_ID}"),
        json=rule_body(demo.PROD_ACCESS_GROUP_ID, demo.ROGUE_RULE_EXPRESSION),
    )
    body = r.json()
    assert (r.status_code, body["errorCode"], body["errorSummary"]) == (
        400,
        "E0000001",
        f"Api validation failed: {operation}",
    )
    assert api.get(f"{RULES}/{demo.ROGUE_RULE_ID}").json()["status"] == "ACTIVE"


def test_replacing_an_inactive_rule_changes_its_name_expression_and_exclusions(api, target, created):
    body = rule_body(target, 'user.department == "Finance"', name="Finance too", exclude=["00u1"])
    r = api.put(f"{RULES}/{created['id']}", json=body).json()
    assert (r["name"], r["conditions"]["expression"]["value"], r["conditions"]["people"]["users"]["exclude"]) == (
        "Finance too",
        'user.department == "Finance"',
        ["00u1"],
    )
    assert r["status"] == "INACTIVE" and r["lastUpdated"] >= created["lastUpdated"]


def test_replacing_cannot_change_the_groups_a_rule_assigns(api, demo, created):
    r = api.put(f"{RULES}/{created['id']}", json=rule_body(demo.PROD_ACCESS_GROUP_ID))
    assert (r.status_code, r.json()["errorSummary"]) == (400, "Api validation failed: updateRule")


def test_deleting_an_inactive_rule_answers_202_with_an_empty_object(api, created):
    r = api.delete(f"{RULES}/{created['id']}", params={"removeUsers": "false"})
    assert (r.status_code, r.json()) == (202, {})
    assert api.get(f"{RULES}/{created['id']}").status_code == 404


def test_deleting_keeps_the_rules_members_by_default(api, demo):
    api.post(f"{RULES}/{demo.ROGUE_RULE_ID}/lifecycle/deactivate")
    before = member_ids(api, demo.PROD_ACCESS_GROUP_ID)
    api.delete(f"{RULES}/{demo.ROGUE_RULE_ID}")
    assert member_ids(api, demo.PROD_ACCESS_GROUP_ID) == before != set()


def test_remove_users_takes_back_the_memberships_the_rule_added(api, sim, demo):
    api.post(f"{RULES}/{demo.ROGUE_RULE_ID}/lifecycle/deactivate")
    api.delete(f"{RULES}/{demo.ROGUE_RULE_ID}", params={"removeUsers": "true"})
    assert member_ids(api, demo.PROD_ACCESS_GROUP_ID) == set()
    assert sim.store.logs[-1]["eventType"] == "group.user_membership.remove"


def test_remove_users_keeps_members_the_rule_did_not_add(api, sim, target):
    already = {uid for uid, u in sales_users(sim).items() if u.status == "ACTIVE"}
    manual = sorted(already)[0]
    api.put(f"/api/v1/groups/{target}/users/{manual}")
    rule = api.post(RULES, json=rule_body(target)).json()
    api.post(f"{RULES}/{rule['id']}/lifecycle/activate")
    api.post(f"{RULES}/{rule['id']}/lifecycle/deactivate")
    api.delete(f"{RULES}/{rule['id']}", params={"removeUsers": "true"})
    assert member_ids(api, target) == {manual}


def test_remove_users_must_be_true_or_false(api, created):
    r = api.delete(f"{RULES}/{created['id']}", params={"removeUsers": "sometimes"})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000001")


# ---------------------------------------------------------------- INVALID
@pytest.fixture
def orphaned(api):
    """A rule whose only group was deleted."""
    gid = api.post("/api/v1/groups", json={"profile": {"name": "Short-lived"}}).json()["id"]
    rule = api.post(RULES, json=rule_body(gid)).json()
    api.delete(f"/api/v1/groups/{gid}")
    return rule


def test_a_rule_whose_group_was_deleted_reads_invalid(api, orphaned):
    r = api.get(f"{RULES}/{orphaned['id']}").json()
    assert (r["status"], r["allGroupsValid"]) == ("INVALID", False)


@pytest.mark.parametrize("action", ["activate", "deactivate"])
def test_an_invalid_rule_cannot_change_status_as_recorded(api, orphaned, action):
    want = vcr.one(method="POST", status=400, path_template=f"{RULES}/{{ruleId}}/lifecycle/deactivate")
    r = api.post(f"{RULES}/{orphaned['id']}/lifecycle/{action}")
    assert r.status_code == 400
    assert (r.json()["errorSummary"], r.json()["errorCauses"]) == (
        want["response_body"]["errorSummary"],
        want["response_body"]["errorCauses"],
    )


def test_an_invalid_rule_can_be_deleted(api, orphaned):
    assert api.delete(f"{RULES}/{orphaned['id']}").status_code == 202
