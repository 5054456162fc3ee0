"""Apps and assignments, roles, IdPs, user types, realms."""

import pytest

from . import vcr


def test_app_users_list_and_get(api, demo):
    rows = api.get(f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users").json()
    assert demo.JANE_ID in [r["id"] for r in rows]
    au = api.get(f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users/{demo.JANE_ID}").json()
    assert au["scope"] == "USER" and au["credentials"]["userName"] == demo.JANE_LOGIN


def test_assign_user_to_app_and_duplicate_is_e0000062(api, demo):
    url = f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users"
    assert api.post(url, json={"id": demo.JOHN_ID, "scope": "USER"}).status_code == 200
    r = api.post(url, json={"id": demo.JOHN_ID, "scope": "USER"})
    assert (r.status_code, r.json()["errorCode"]) == (409, "E0000062")


def test_assign_inactive_user_is_e0000117(api, demo):
    api.post(f"/api/v1/users/{demo.JOHN_ID}/lifecycle/suspend")
    r = api.post(f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users", json={"id": demo.JOHN_ID})
    assert (r.status_code, r.json()["errorCode"]) == (403, "E0000117")


def test_update_and_remove_app_user(api, demo):
    url = f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users/{demo.JANE_ID}"
    assert api.post(url, json={"credentials": {"userName": "jd"}}).json()["credentials"]["userName"] == "jd"
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


def test_user_apps_via_filter_and_app_links_include_apps_assigned_through_groups(api, demo):
    apps = api.get("/api/v1/apps", params={"filter": f'user.id eq "{demo.JANE_ID}"'}).json()
    # Salesforce directly; GitHub (Engineering), AWS (Privileged Admins) and Slack (Everyone) through groups
    assert {a["label"] for a in apps} == {"Salesforce", "GitHub Enterprise", "AWS Console", "Slack"}
    links = api.get(f"/api/v1/users/{demo.JANE_ID}/appLinks").json()
    assert len(links) == 4


def test_a_group_assigned_user_is_listed_with_scope_group_and_cannot_be_removed_directly(api, demo):
    slack = next(a for a in api.get("/api/v1/apps?q=Slack").json())
    url = f"/api/v1/apps/{slack['id']}/users/{demo.JANE_ID}"
    assert api.get(url).json()["scope"] == "GROUP"
    assert demo.JANE_ID in {u["id"] for u in api.get(f"/api/v1/apps/{slack['id']}/users").json()}
    assert api.delete(url).status_code == 400


def test_apps_q_and_unknown_app(api):
    assert [a["label"] for a in api.get("/api/v1/apps?q=sales").json()] == ["Salesforce"]
    assert api.get("/api/v1/apps/0oanope").json()["errorSummary"].endswith("(AppInstance)")


def test_deactivating_user_removes_app_assignments(api, demo):
    api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/deactivate")
    assert api.get(f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users/{demo.JANE_ID}").status_code == 404


def test_roles_list_assign_duplicate_unassign(api, demo):
    url = f"/api/v1/users/{demo.JOHN_ID}/roles"
    assert [r["type"] for r in api.get(url).json()] == ["HELP_DESK_ADMIN"]
    r = api.post(url, json={"type": "USER_ADMIN"})
    assert r.status_code == 201 and r.json()["label"] == "Group Administrator" and r.json()["assignmentType"] == "USER"
    dup = api.post(url, json={"type": "USER_ADMIN"})
    assert (dup.status_code, dup.json()["errorCode"]) == (409, "E0000090")
    assert api.delete(f"{url}/{r.json()['id']}").status_code == 204
    assert api.delete(f"{url}/{r.json()['id']}").status_code == 404


def test_super_admin_role_id_has_ra1_prefix(api, demo):
    roles = api.get(f"/api/v1/users/{demo.JANE_ID}/roles").json()
    assert roles[0]["type"] == "SUPER_ADMIN" and roles[0]["id"].startswith("ra1")


def test_invalid_role_type_is_400(api, demo):
    assert api.post(f"/api/v1/users/{demo.JANE_ID}/roles", json={"type": "GOD"}).status_code == 400


def test_idps_list_filters(api):
    assert len(api.get("/api/v1/idps").json()) == 3
    assert [i["name"] for i in api.get("/api/v1/idps?type=GOOGLE").json()] == ["Google Workspace"]
    assert [i["name"] for i in api.get("/api/v1/idps?q=azure").json()] == ["Corporate Azure AD"]
    assert len(api.get("/api/v1/idps?limit=1").json()) == 1


def test_user_types_and_default_type_cannot_be_deleted(api):
    types = api.get("/api/v1/meta/types/user").json()
    default = [t for t in types if t["default"]][0]
    r = api.delete(f"/api/v1/meta/types/user/{default['id']}")
    assert (r.status_code, r.json()["errorCode"]) == (403, "E0000142")


def test_realms_list_and_search(api):
    assert len(api.get("/api/v1/realms").json()) == 2
    assert [
        r["profile"]["name"] for r in api.get("/api/v1/realms", params={"search": 'profile.name co "art"'}).json()
    ] == ["Partners"]


def _newest_recorded_idp(itype):
    found = [
        i
        for d in vcr.interactions(resource="idps", status=200, method="GET")
        if d["path_template"] in ("/api/v1/idps", "/api/v1/idps/{idpId}")
        for i in (d["response_body"] if isinstance(d["response_body"], list) else [d["response_body"]])
        if i["type"] == itype
    ]
    return max(found, key=lambda i: i["lastUpdated"])


@pytest.mark.parametrize("itype", ["SAML2", "GOOGLE"])
def test_idp_has_the_keys_and_links_of_the_newest_recorded_one_of_its_type(api, itype):
    real = _newest_recorded_idp(itype)
    [ours] = api.get("/api/v1/idps", params={"type": itype}).json()
    assert vcr.key_tree({k: v for k, v in ours.items() if k != "_links"}) == vcr.key_tree(
        {k: v for k, v in real.items() if k != "_links"}
    )
    lifecycle = {"activate", "deactivate"}
    assert set(ours["_links"]) - lifecycle == set(real["_links"]) - lifecycle


def test_saml_idp_links_the_lifecycle_action_its_status_allows(api):
    [idp] = api.get("/api/v1/idps", params={"type": "SAML2"}).json()
    assert idp["status"] == "INACTIVE" and "activate" in idp["_links"]
    after = api.post(f"/api/v1/idps/{idp['id']}/lifecycle/activate").json()
    assert "deactivate" in after["_links"] and "activate" not in after["_links"]
