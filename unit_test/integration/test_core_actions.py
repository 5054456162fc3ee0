"""The 3.5.1 actions end to end: envelope out, and the Okta org really changed."""

from oktasim.orgs import demo as org
from unit_test.integration.conftest import okta_get


def member_ids(sim, group_id):
    return {u["id"] for u in okta_get(sim, "/api/v1/groups/%s/users" % group_id)}


def test_get_user_finds_the_user_by_login(plugin):
    run = plugin("get_user", {"email": org.JANE_LOGIN})
    assert run.ok and run.output["found"] and run.output["id"] == org.JANE_ID


def test_get_user_reports_an_unknown_user_as_not_found(plugin):
    run = plugin("get_user", {"email": "nobody.here@example.com"})
    assert run.ok and run.output == {"found": False}


def test_suspend_user_suspends_and_a_second_run_is_a_quiet_success(plugin, sim):
    first = plugin("suspend_user", {"email": org.JANE_LOGIN})
    second = plugin("suspend_user", {"email": org.JANE_LOGIN})
    assert first.ok and second.ok and second.output["success"]
    assert okta_get(sim, "/api/v1/users/" + org.JANE_ID)["status"] == "SUSPENDED"


def test_unsuspend_user_restores_a_suspended_user(plugin, sim):
    plugin("suspend_user", {"email": org.JANE_LOGIN})
    run = plugin("unsuspend_user", {"email": org.JANE_LOGIN})
    assert run.ok and okta_get(sim, "/api/v1/users/" + org.JANE_ID)["status"] == "ACTIVE"


def test_deactivate_user_deprovisions(plugin, sim):
    run = plugin("deactivate_user", {"email": org.JOHN_LOGIN})
    assert run.ok and okta_get(sim, "/api/v1/users/" + org.JOHN_ID)["status"] == "DEPROVISIONED"


def test_delete_user_takes_two_runs_to_remove_an_active_user(plugin, sim):
    first = plugin("delete_user", {"user_email": org.JOHN_LOGIN, "send_admin_email": False})
    assert first.ok and okta_get(sim, "/api/v1/users/" + org.JOHN_ID)["status"] == "DEPROVISIONED"
    second = plugin("delete_user", {"user_email": org.JOHN_LOGIN, "send_admin_email": False})
    assert second.ok and plugin("get_user", {"email": org.JOHN_ID}).output == {"found": False}


def test_reset_factors_removes_the_users_factors(plugin, sim):
    run = plugin("reset_factors", {"email": org.JANE_LOGIN})
    assert run.ok and run.output["success"]
    assert okta_get(sim, "/api/v1/users/%s/factors" % org.JANE_ID) == []


def test_get_factors_lists_the_push_factor(plugin):
    run = plugin("get_factors", {"user_id": org.JANE_ID})
    assert run.ok and org.JANE_PUSH_FACTOR_ID in {f["id"] for f in run.output["factors"]}


def test_remove_and_add_user_to_group_change_membership(plugin, sim):
    removed = plugin("remove_user_from_group", {"email": org.JANE_LOGIN, "group_id": org.PRIVILEGED_GROUP_ID})
    assert removed.ok and org.JANE_ID not in member_ids(sim, org.PRIVILEGED_GROUP_ID)
    added = plugin("add_user_to_group", {"email": org.JANE_LOGIN, "group_id": org.PRIVILEGED_GROUP_ID})
    assert added.ok and org.JANE_ID in member_ids(sim, org.PRIVILEGED_GROUP_ID)


def test_list_groups_finds_the_privileged_group_by_name_prefix(plugin):
    run = plugin("list_groups", {"query": "Privileged"})
    assert run.ok and [g["id"] for g in run.output["groups"]] == [org.PRIVILEGED_GROUP_ID]


def test_list_groups_without_a_query_lists_every_group(plugin, sim):
    run = plugin("list_groups", {})
    assert run.ok and len(run.output["groups"]) == len(okta_get(sim, "/api/v1/groups"))


def test_create_user_creates_an_active_user_with_a_password(plugin, sim):
    run = plugin(
        "create_user",
        {
            "activate": True,
            "provider": False,
            "nextLogin": False,
            "profile": {
                "firstName": "New",
                "lastName": "Hire",
                "email": "new.hire@example.com",
                "login": "new.hire@example.com",
            },
            "credentials": {"password": {"value": "Correct-Horse-Battery-9"}},
        },
    )
    assert run.ok and run.output["status"] == "ACTIVE"
    assert okta_get(sim, "/api/v1/users/new.hire%40example.com")["id"] == run.output["id"]


def test_create_user_with_a_taken_login_is_an_error_in_oktas_words(plugin):
    run = plugin(
        "create_user",
        {
            "activate": False,
            "provider": False,
            "nextLogin": False,
            "profile": {"firstName": "Jane", "lastName": "Again", "email": org.JANE_LOGIN, "login": org.JANE_LOGIN},
        },
    )
    assert run.code == 1 and "already exists" in run.body["exception"]["cause"]


def test_assign_user_to_app_sso_assigns_the_user(plugin, sim):
    run = plugin("assign_user_to_app_sso", {"applicationId": org.SALESFORCE_APP_ID, "appuser": {"id": org.JANE_ID}})
    assert run.ok and run.output["result"]["id"] == org.JANE_ID
    assert okta_get(sim, "/api/v1/apps/%s/users/%s" % (org.SALESFORCE_APP_ID, org.JANE_ID))["id"] == org.JANE_ID


def test_update_blacklist_zones_blocks_then_unblocks_an_ip(plugin, sim):
    def gateways():
        return [g["value"] for g in okta_get(sim, "/api/v1/zones/" + org.BLOCKLIST_ZONE_ID)["gateways"] or []]

    block = plugin("update_blacklist_zones", {"name": org.BLOCKLIST_ZONE_NAME, "address": org.ATTACKER_IP})
    assert block.ok and any(org.ATTACKER_IP in g for g in gateways())
    unblock = plugin(
        "update_blacklist_zones",
        {"name": org.BLOCKLIST_ZONE_NAME, "address": org.ATTACKER_IP, "blacklist_state": False},
    )
    assert unblock.ok and not any(org.ATTACKER_IP in g for g in gateways())


def test_send_push_reports_the_users_denial(plugin):
    run = plugin("send_push", {"user_id": org.JANE_ID, "factor_id": org.JANE_PUSH_FACTOR_ID})
    assert run.ok and run.output["factor_status"] == "REJECTED"


def test_the_connection_test_passes_against_the_org(plugin):
    run = plugin("get_user", {"email": org.JANE_LOGIN}, command="test")
    assert run.ok and run.output == {"success": True, "auth_method": "api_token"}


def test_a_wrong_token_is_a_clear_connection_test_failure(sim):
    import json
    import subprocess

    from unit_test.integration.conftest import BIN

    message = {
        "type": "connection_test",
        "version": "v1",
        "body": {"connection": {"okta_url": sim.url, "okta_key": {"secretKey": "wrong-token-123"}}},
    }
    done = subprocess.run(BIN + ["test"], input=json.dumps(message), capture_output=True, text=True, timeout=60)
    envelope = json.loads(done.stdout)
    assert done.returncode == 1 and "token" in envelope["body"]["exception"]["assistance"]
