"""Groups: list/expand, CRUD, idempotent membership, a user's groups."""


def group_id(api, name):
    return api.get("/api/v1/groups", params={"q": name}).json()[0]["id"]


def test_group_shape_matches_recorded(api, demo):
    g = api.get(f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}").json()
    assert set(g) == {
        "id",
        "created",
        "lastUpdated",
        "lastMembershipUpdated",
        "objectClass",
        "type",
        "profile",
        "_links",
    }
    assert g["objectClass"] == ["okta:user_group"] and {"logo", "users", "apps"} <= set(g["_links"])


def test_expand_stats_counts_members_and_admin_privilege(api, demo):
    g = [x for x in api.get("/api/v1/groups?expand=stats").json() if x["id"] == demo.PRIVILEGED_GROUP_ID][0]
    stats = g["_embedded"]["stats"]
    assert stats["usersCount"] == 2 and stats["hasAdminPrivilege"] is True


def test_create_group_is_okta_group(api):
    g = api.post("/api/v1/groups", json={"profile": {"name": "Incident 42", "description": "IR"}}).json()
    assert g["type"] == "OKTA_GROUP" and g["profile"] == {"name": "Incident 42", "description": "IR"}


def test_create_group_without_name_is_e0000001(api):
    r = api.post("/api/v1/groups", json={"profile": {}})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000001")


def test_replace_group_profile(api, demo):
    r = api.put(f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}", json={"profile": {"name": "Priv", "description": "x"}})
    assert r.json()["profile"]["name"] == "Priv"


def test_everyone_cannot_be_replaced_or_deleted(api):
    gid = group_id(api, "Everyone")
    assert api.put(f"/api/v1/groups/{gid}", json={"profile": {"name": "All"}}).status_code == 400
    assert api.delete(f"/api/v1/groups/{gid}").status_code == 403


def test_delete_group(api):
    gid = group_id(api, "Marketing")
    assert api.delete(f"/api/v1/groups/{gid}").status_code == 204
    assert api.get(f"/api/v1/groups/{gid}").status_code == 404


def test_unknown_group_is_404_usergroup(api):
    r = api.get("/api/v1/groups/00gnope")
    assert r.json()["errorSummary"].endswith("(UserGroup)")


def test_remove_member_is_idempotent_and_logged_once(api, sim, demo):
    url = f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}/users/{demo.JANE_ID}"
    assert api.delete(url).status_code == 204
    assert api.delete(url).status_code == 204
    removes = [e for e in sim.store.logs if e["eventType"] == "group.user_membership.remove"]
    assert len(removes) == 1


def test_add_member_is_idempotent(api, demo):
    gid = group_id(api, "Finance")
    url = f"/api/v1/groups/{gid}/users/{demo.JANE_ID}"
    assert api.put(url).status_code == 204 and api.put(url).status_code == 204
    members = [u["id"] for u in api.get(f"/api/v1/groups/{gid}/users").json()]
    assert members.count(demo.JANE_ID) == 1


def test_add_unknown_user_is_404_user(api, demo):
    r = api.put(f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}/users/00unobody00000000000")
    assert r.status_code == 404 and r.json()["errorSummary"].endswith("(User)")


def test_members_list_includes_user_objects(api, demo):
    users = api.get(f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}/users").json()
    assert {u["id"] for u in users} == {demo.JANE_ID, demo.JOHN_ID}


def test_user_groups_lists_everyone_and_privileged(api, demo):
    names = {g["profile"]["name"] for g in api.get(f"/api/v1/users/{demo.JANE_ID}/groups").json()}
    assert {"Everyone", "Privileged Admins", "Engineering"} <= names


def test_membership_change_updates_last_membership_updated(api, demo):
    before = api.get(f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}").json()["lastMembershipUpdated"]
    api.delete(f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}/users/{demo.JANE_ID}")
    after = api.get(f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}").json()["lastMembershipUpdated"]
    assert after > before
