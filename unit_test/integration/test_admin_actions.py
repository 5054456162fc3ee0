"""The identity-admin actions (users, groups, roles, IdPs, passwords, sessions) end to end."""

from urllib.parse import quote

from oktasim.orgs import demo as org
from unit_test.integration.conftest import okta_get


def user_with_status(sim, status):
    return okta_get(sim, "/api/v1/users?search=" + quote('status eq "%s"' % status))[0]


def test_list_users_with_a_search_returns_matching_users_and_their_count(plugin):
    run = plugin("list_users", {"search": 'profile.department eq "Engineering"'})
    assert run.ok and run.output["count"] == len(run.output["users"]) > 0
    assert all(u["profile"]["department"] == "Engineering" for u in run.output["users"])


def test_list_users_with_a_limit_returns_exactly_that_many(plugin):
    run = plugin("list_users", {"limit": 3})
    assert run.ok and run.output["count"] == 3


def test_get_users_returns_the_found_and_names_the_missing(plugin):
    run = plugin("get_users", {"users": [org.JANE_LOGIN, org.JOHN_ID, "ghost@example.com"]})
    assert run.ok and {u["id"] for u in run.output["users"]} == {org.JANE_ID, org.JOHN_ID}
    assert run.output["not_found"] == ["ghost@example.com"]


def test_get_user_groups_includes_the_privileged_group(plugin):
    run = plugin("get_user_groups", {"user": org.JANE_LOGIN})
    assert run.ok and org.PRIVILEGED_GROUP_ID in {g["id"] for g in run.output["groups"]}


def test_get_group_finds_a_group_by_its_exact_name(plugin):
    run = plugin("get_group", {"group": org.PRIVILEGED_GROUP_NAME})
    assert run.ok and run.output["found"] and run.output["group"]["id"] == org.PRIVILEGED_GROUP_ID


def test_create_group_creates_it_and_a_second_run_reports_it_exists(plugin, sim):
    first = plugin("create_group", {"name": "Incident 4242", "description": "Quarantine"})
    second = plugin("create_group", {"name": "Incident 4242"})
    assert first.ok and first.output["success"] and okta_get(sim, "/api/v1/groups/" + first.output["group"]["id"])
    assert second.ok and second.output["success"] is False


def test_list_group_members_lists_every_member(plugin, sim):
    run = plugin("list_group_members", {"group": org.PRIVILEGED_GROUP_ID})
    members = okta_get(sim, "/api/v1/groups/%s/users" % org.PRIVILEGED_GROUP_ID)
    assert run.ok and {u["id"] for u in run.output["users"]} == {u["id"] for u in members}


def test_list_providers_lists_the_orgs_identity_providers(plugin, sim):
    run = plugin("list_providers", {})
    assert run.ok and run.output["count"] == len(okta_get(sim, "/api/v1/idps")) > 0


def test_assign_list_and_unassign_a_role(plugin, sim):
    assigned = plugin("assign_role", {"user": org.JOHN_LOGIN, "role_type": "HELP_DESK_ADMIN"})
    again = plugin("assign_role", {"user": org.JOHN_LOGIN, "role_type": "HELP_DESK_ADMIN"})
    listed = plugin("list_roles", {"user": org.JOHN_LOGIN})
    assert assigned.ok and again.ok and again.output["role"]["id"] == assigned.output["role"]["id"]
    assert "HELP_DESK_ADMIN" in {r["type"] for r in listed.output["roles"]}
    removed = plugin("unassign_role", {"user": org.JOHN_LOGIN, "role": "HELP_DESK_ADMIN"})
    assert removed.ok and removed.output["success"]
    assert "HELP_DESK_ADMIN" not in {r["type"] for r in okta_get(sim, "/api/v1/users/%s/roles" % org.JOHN_ID)}


def test_set_password_with_random_characters_returns_the_new_password(plugin):
    run = plugin(
        "set_password", {"user": org.JOHN_LOGIN, "new_password": "Winter-Is-Coming-9", "append_random_characters": 6}
    )
    assert run.ok and run.output["success"] and run.output["new_password"].startswith("Winter-Is-Coming-9")
    assert len(run.output["new_password"]) == len("Winter-Is-Coming-9") + 6
    assert run.output["new_password"] not in run.stderr


def test_reset_password_without_email_returns_a_one_time_url(plugin, sim):
    run = plugin("reset_password", {"user": org.JOHN_LOGIN, "send_email": False})
    assert run.ok and run.output["reset_password_url"].startswith("http")
    assert run.output["reset_password_url"] not in run.stderr
    assert okta_get(sim, "/api/v1/users/" + org.JOHN_ID)["status"] == "RECOVERY"


def test_expire_password_with_a_temporary_password(plugin, sim):
    run = plugin("expire_password", {"user": org.JOHN_LOGIN, "temp_password": True})
    assert run.ok and run.output["temp_password"] and run.output["temp_password"] not in run.stderr
    assert okta_get(sim, "/api/v1/users/" + org.JOHN_ID)["status"] == "PASSWORD_EXPIRED"


def test_clear_user_sessions_succeeds(plugin):
    run = plugin("clear_user_sessions", {"user": org.JANE_LOGIN, "oauth_tokens": True})
    assert run.ok and run.output["success"]


def test_activate_a_staged_user_without_email_returns_an_activation_token(plugin, sim):
    staged = user_with_status(sim, "STAGED")
    run = plugin("activate_user", {"user": staged["id"], "send_email": False})
    assert run.ok and run.output["success"] and run.output["activation_token"]
    assert okta_get(sim, "/api/v1/users/" + staged["id"])["status"] in ("PROVISIONED", "ACTIVE")


def test_activating_an_active_user_is_a_quiet_success(plugin):
    run = plugin("activate_user", {"user": org.JANE_LOGIN})
    assert run.ok and run.output["success"]


def test_reactivate_a_provisioned_user(plugin, sim):
    provisioned = user_with_status(sim, "PROVISIONED")
    run = plugin("reactivate_user", {"user": provisioned["id"], "send_email": False})
    assert run.ok and run.output["success"] and run.output["activation_url"]


def test_unlock_a_locked_out_user(plugin, sim):
    locked = user_with_status(sim, "LOCKED_OUT")
    run = plugin("unlock_user", {"user": locked["id"]})
    assert run.ok and run.output["success"]
    assert okta_get(sim, "/api/v1/users/" + locked["id"])["status"] == "ACTIVE"


def test_send_push_without_a_factor_id_finds_the_push_factor(plugin):
    run = plugin("send_push", {"user_id": org.JOHN_LOGIN, "timeout": 30})
    assert run.ok and run.output == {"factor_status": "SUCCESS", "factor_id": org.JOHN_PUSH_FACTOR_ID}
