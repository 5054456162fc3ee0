"""Issue-5 actions (user profile, user types, factors, group changes, apps and app users) end to end."""

from urllib.parse import quote

from oktasim.orgs import demo as org
from unit_test.integration.conftest import okta_get


def app_user_ids(sim, app_id):
    return {au["id"] for au in okta_get(sim, "/api/v1/apps/%s/users?limit=500" % app_id)}


def test_update_user_changes_only_the_given_attribute(plugin, sim):
    before = okta_get(sim, "/api/v1/users/" + org.JANE_ID)["profile"]
    run = plugin("update_user", {"user": org.JANE_LOGIN, "profile": {"title": "Contained"}})
    after = okta_get(sim, "/api/v1/users/" + org.JANE_ID)["profile"]
    assert run.ok and run.output["success"] and run.output["user"]["profile"]["title"] == "Contained"
    assert after == dict(before, title="Contained")


def test_list_user_types_lists_every_type_of_the_org(plugin, sim):
    run = plugin("list_user_types", {})
    assert run.ok and {t["id"] for t in run.output["user_types"]} == {
        t["id"] for t in okta_get(sim, "/api/v1/meta/types/user")
    }
    assert run.output["count"] == len(run.output["user_types"]) > 0


def test_list_user_apps_lists_the_users_app_links(plugin, sim):
    run = plugin("list_user_apps", {"user": org.JANE_LOGIN})
    links = okta_get(sim, "/api/v1/users/%s/appLinks" % org.JANE_ID)
    assert run.ok and run.output["found"]
    assert {a["appInstanceId"] for a in run.output["apps"]} == {link["appInstanceId"] for link in links}
    assert org.SALESFORCE_APP_ID in {a["appInstanceId"] for a in run.output["apps"]}


def test_unenroll_factor_removes_it_and_a_second_run_reports_it_missing(plugin, sim):
    first = plugin("unenroll_factor", {"user": org.JANE_LOGIN, "factor_id": org.JANE_SMS_FACTOR_ID})
    second = plugin("unenroll_factor", {"user": org.JANE_LOGIN, "factor_id": org.JANE_SMS_FACTOR_ID})
    assert first.ok and first.output == {"success": True}
    assert org.JANE_SMS_FACTOR_ID not in {f["id"] for f in okta_get(sim, "/api/v1/users/%s/factors" % org.JANE_ID)}
    assert second.ok and second.output["success"] is False


def test_update_group_changes_the_description_and_keeps_the_name(plugin, sim):
    run = plugin("update_group", {"group": "Marketing", "description": "Brand and growth"})
    group = okta_get(sim, "/api/v1/groups/" + run.output["group"]["id"])
    assert run.ok and run.output["success"]
    assert group["profile"]["name"] == "Marketing" and group["profile"]["description"] == "Brand and growth"


def test_delete_group_deletes_it_and_refuses_everyone(plugin, sim):
    deleted = plugin("delete_group", {"group": "Contractors"})
    everyone = plugin("delete_group", {"group": "Everyone"})
    assert deleted.ok and deleted.output == {"success": True}
    assert okta_get(sim, "/api/v1/groups?search=" + quote('profile.name eq "Contractors"')) == []
    assert everyone.ok and everyone.output["success"] is False and "BUILT_IN" in everyone.output["message"]
    assert okta_get(sim, "/api/v1/groups?search=" + quote('profile.name eq "Everyone"'))


def test_list_apps_leaves_inactive_apps_out_unless_asked(plugin, sim):
    active = plugin("list_apps", {})
    every = plugin("list_apps", {"include_inactive": True})
    all_apps = okta_get(sim, "/api/v1/apps?limit=200")
    assert active.ok and {a["id"] for a in active.output["apps"]} == {
        a["id"] for a in all_apps if a["status"] == "ACTIVE"
    }
    assert every.ok and {a["id"] for a in every.output["apps"]} == {a["id"] for a in all_apps}
    assert "Zoom (retired)" in {a["label"] for a in every.output["apps"]} - {a["label"] for a in active.output["apps"]}


def test_get_app_finds_an_app_by_its_exact_label(plugin):
    run = plugin("get_app", {"app": "Salesforce"})
    assert run.ok and run.output["found"] and run.output["app"]["id"] == org.SALESFORCE_APP_ID


def test_list_app_users_lists_every_assignment(plugin, sim):
    run = plugin("list_app_users", {"app": "Salesforce"})
    assert run.ok and run.output["found"]
    assert {au["id"] for au in run.output["app_users"]} == app_user_ids(sim, org.SALESFORCE_APP_ID)
    assert org.JANE_ID in {au["id"] for au in run.output["app_users"]}


def test_get_app_user_returns_the_assignment(plugin):
    run = plugin("get_app_user", {"app": org.SALESFORCE_APP_ID, "user": org.JANE_LOGIN})
    assert run.ok and run.output["found"] and run.output["app_user"]["id"] == org.JANE_ID


def test_update_app_user_changes_the_app_profile(plugin, sim):
    run = plugin(
        "update_app_user", {"app": "Salesforce", "user": org.JANE_LOGIN, "profile": {"department": "Quarantine"}}
    )
    stored = okta_get(sim, "/api/v1/apps/%s/users/%s" % (org.SALESFORCE_APP_ID, org.JANE_ID))
    assert run.ok and run.output["success"] and run.output["app_user"]["profile"]["department"] == "Quarantine"
    assert stored["profile"]["department"] == "Quarantine"


def test_remove_app_user_unassigns_and_a_second_run_has_nothing_to_remove(plugin, sim):
    first = plugin("remove_app_user", {"app": "Salesforce", "user": org.JANE_LOGIN})
    second = plugin("remove_app_user", {"app": "Salesforce", "user": org.JANE_LOGIN})
    assert first.ok and first.output == {"success": True}
    assert org.JANE_ID not in app_user_ids(sim, org.SALESFORCE_APP_ID)
    assert second.ok and second.output["success"] is False and "nothing to remove" in second.output["message"]
