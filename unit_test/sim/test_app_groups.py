"""App group assignments: list/get/assign/unassign as recorded, priorities, and the GROUP-scoped
app users an assignment gives every member of the group."""

import pytest

from . import vcr
from .conftest import links


@pytest.fixture
def wiki(api):
    """An app no group is assigned to."""
    return api.get("/api/v1/apps", params={"q": "Company Wiki"}).json()[0]["id"]


@pytest.fixture
def executives(api):
    return api.get("/api/v1/groups", params={"q": "Executives"}).json()[0]["id"]


def groups_of(api, app_id, **params):
    return api.get(f"/api/v1/apps/{app_id}/groups", params=params)


def app_users(api, app_id):
    return {u["id"]: u for u in api.get(f"/api/v1/apps/{app_id}/users").json()}


@pytest.mark.parametrize("rec", vcr.params(method="PUT", path_template="/api/v1/apps/{appId}/groups/{groupId}"))
def test_a_recorded_assignment_answers_the_recorded_shape(api, wiki, executives, rec):
    body = {k: v for k, v in rec["request_body"].items() if k != "id"}
    r = api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json=body)
    assert r.status_code == 200 and vcr.key_tree(r.json()) == vcr.key_tree(rec["response_body"])
    assert r.json()["priority"] == body.get("priority", 0)


def test_an_assignment_links_the_app_itself_and_the_group(api, wiki, executives):
    d = api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json={}).json()
    assert d["_links"] == {
        "app": {"href": f"{api.sim.url}/api/v1/apps/{wiki}"},
        "self": {"href": f"{api.sim.url}/api/v1/apps/{wiki}/groups/{executives}"},
        "group": {"href": f"{api.sim.url}/api/v1/groups/{executives}"},
    }


def test_assigning_a_group_gives_each_member_the_app_with_scope_group(api, sim, wiki, executives):
    api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json={})
    members = {u["id"] for u in api.get(f"/api/v1/groups/{executives}/users").json()}
    assigned = app_users(api, wiki)
    assert members and members <= set(assigned) and {assigned[m]["scope"] for m in members} == {"GROUP"}


def test_unassigning_the_group_takes_the_app_from_its_members(api, wiki, executives):
    api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json={})
    r = api.delete(f"/api/v1/apps/{wiki}/groups/{executives}")
    assert (r.status_code, r.content) == (204, b"") and app_users(api, wiki) == {}


def test_a_new_assignment_without_priority_comes_after_the_others(api, demo, executives):
    r = api.put(f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/groups/{executives}", json={})
    assert r.json()["priority"] == 1


def test_reassigning_without_priority_keeps_the_groups_priority(api, wiki, executives):
    api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json={"priority": 7})
    assert api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json={"profile": {"role": "x"}}).json()["priority"] == 7


def test_the_list_is_in_priority_order_with_a_self_link_naming_the_page_size(api, demo, executives):
    api.put(f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/groups/{executives}", json={"priority": 0})
    sales = api.get("/api/v1/groups", params={"q": "Sales"}).json()[0]["id"]
    api.put(f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/groups/{sales}", json={"priority": 5})
    r = groups_of(api, demo.SALESFORCE_APP_ID)
    assert [g["id"] for g in r.json()] == [executives, sales]
    assert links(r) == [f'<{api.sim.url}/api/v1/apps/{demo.SALESFORCE_APP_ID}/groups?limit=20>; rel="self"']


def test_q_matches_the_start_of_the_group_name(api, demo):
    aws = next(a["id"] for a in api.get("/api/v1/apps", params={"q": "AWS"}).json())
    assert [g["id"] for g in groups_of(api, aws, q="aws").json()] == [demo.PROD_ACCESS_GROUP_ID]


def test_expand_group_embeds_the_group(api, demo):
    aws = next(a["id"] for a in api.get("/api/v1/apps", params={"q": "AWS"}).json())
    d = api.get(f"/api/v1/apps/{aws}/groups/{demo.PROD_ACCESS_GROUP_ID}", params={"expand": "group"}).json()
    assert d["_embedded"]["group"]["profile"]["name"] == demo.PROD_ACCESS_GROUP_NAME


@pytest.mark.parametrize("priority", [-1, "high", True])
def test_a_priority_that_is_not_a_non_negative_integer_is_400_E0000001(api, wiki, executives, priority):
    r = api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json={"priority": priority})
    assert (r.status_code, r.json()["errorSummary"]) == (400, "Api validation failed: priority")


@pytest.mark.parametrize(
    ("method", "kind"), [("PUT", "UserGroup"), ("DELETE", "UserGroup"), ("GET", "ApplicationGroupAssignment")]
)
def test_an_unknown_group_is_404_E0000007(api, wiki, method, kind):
    r = api.s.request(method, api.url(f"/api/v1/apps/{wiki}/groups/00gnope"), json={})
    assert (r.status_code, r.json()["errorSummary"]) == (404, f"Not found: Resource not found: 00gnope ({kind})")


@pytest.mark.parametrize(
    ("method", "suffix"), [("GET", ""), ("GET", "/GROUP"), ("PUT", "/GROUP"), ("DELETE", "/GROUP")]
)
def test_an_unknown_app_is_404_naming_an_app_instance(api, executives, method, suffix):
    path = "/api/v1/apps/0oanope/groups" + suffix.replace("GROUP", executives)
    r = api.s.request(method, api.url(path), json={})
    assert r.json()["errorSummary"] == "Not found: Resource not found: 0oanope (AppInstance)"


@pytest.mark.parametrize(
    ("times", "events"),
    [
        (1, ["group.application_assignment.add"]),
        (2, ["group.application_assignment.add", "group.application_assignment.update"]),
    ],
)
def test_assigning_logs_an_add_then_updates(api, sim, wiki, executives, times, events):
    before = len(sim.store.logs)
    for _ in range(times):
        api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json={})
    assert [e["eventType"] for e in sim.store.logs[before:]] == events


def test_unassigning_logs_a_remove_only_when_the_group_was_assigned(api, sim, wiki, executives):
    api.put(f"/api/v1/apps/{wiki}/groups/{executives}", json={})
    before = len(sim.store.logs)
    api.delete(f"/api/v1/apps/{wiki}/groups/{executives}")
    again = api.delete(f"/api/v1/apps/{wiki}/groups/{executives}")
    assert again.status_code == 204
    assert [e["eventType"] for e in sim.store.logs[before:]] == ["group.application_assignment.remove"]
