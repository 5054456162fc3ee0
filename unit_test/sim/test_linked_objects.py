"""Linked objects: a user's primary (their manager), the users associated with them, and the definitions."""

import pytest

from .conftest import links


def linked(api, key, relationship):
    return api.get(f"/api/v1/users/{key}/linkedObjects/{relationship}")


def user_href(api, uid):
    return {"_links": {"self": {"href": f"{api.sim.url}/api/v1/users/{uid}"}}}


@pytest.mark.parametrize("key", ["JANE_ID", "JANE_LOGIN"])
def test_a_users_primary_relationship_answers_their_manager(api, sim, demo, key):
    manager = sim.store.find_user(demo.JANE_MANAGER_LOGIN)
    r = linked(api, getattr(demo, key), demo.MANAGER_RELATIONSHIP)
    assert (r.status_code, r.json()) == (200, [user_href(api, manager.id)])


def test_the_associated_relationship_answers_every_user_linked_to_them(api, demo):
    r = linked(api, demo.JANE_MANAGER_LOGIN, demo.SUBORDINATE_RELATIONSHIP)
    assert r.json() == [user_href(api, demo.JANE_ID), user_href(api, demo.JOHN_ID)]


def test_the_self_link_names_the_page_size_as_recorded(api, demo):
    r = linked(api, demo.JANE_ID, demo.MANAGER_RELATIONSHIP)
    assert links(r) == [f'<{api.sim.url}/api/v1/users/{demo.JANE_ID}/linkedObjects/manager?limit=1000>; rel="self"']


@pytest.mark.parametrize("relationship", ["MANAGER_RELATIONSHIP", "SUBORDINATE_RELATIONSHIP"])
def test_a_user_in_no_such_relationship_has_an_empty_list(api, demo, relationship):
    assert linked(api, demo.ADMIN_LOGIN, getattr(demo, relationship)).json() == []


@pytest.mark.parametrize(
    ("user", "relationship", "missing"),
    [
        ("00unope", "manager", "00unope (User)"),
        ("JANE_ID", "mentor", "mentor (LinkedObject)"),
    ],
)
def test_an_unknown_user_or_relationship_is_404_E0000007(api, demo, user, relationship, missing):
    r = linked(api, getattr(demo, user, user), relationship)
    assert (r.status_code, r.json()["errorSummary"]) == (404, f"Not found: Resource not found: {missing}")


def test_the_definitions_pair_the_primary_and_associated_names(api, demo):
    [d] = api.get("/api/v1/meta/schemas/user/linkedObjects").json()
    assert (d["primary"]["name"], d["associated"]["name"]) == (demo.MANAGER_RELATIONSHIP, demo.SUBORDINATE_RELATIONSHIP)
    assert d["primary"]["type"] == d["associated"]["type"] == "USER"


@pytest.mark.parametrize("name", ["manager", "subordinate"])
def test_a_definition_is_found_by_either_name(api, name):
    r = api.get(f"/api/v1/meta/schemas/user/linkedObjects/{name}")
    assert (r.status_code, r.json()["_links"]["self"]["href"].rsplit("/", 1)[-1]) == (200, "manager")


def test_an_unknown_definition_is_404_E0000007(api):
    assert api.get("/api/v1/meta/schemas/user/linkedObjects/mentor").status_code == 404
