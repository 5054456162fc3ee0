"""Issue-13 app, user-block and linked-object actions, and the triggers' security-event presets,
end to end against oktasim.

Each action test checks what changed in the simulated org (read back through Okta's API) and the
exact requests the plugin made (the simulator's request log), in CLI and web-server mode. The
presets run the triggers in this process against the simulator: New System Logs with Okta's
filter evaluated by the simulator, Okta Event Hook with a hook the trigger registers and the
simulator delivers to over HTTP.
"""

import io
import socket
from urllib.parse import parse_qsl

import pytest

from komand_okta.clock import FakeClock
from komand_okta.connection import Connection
from komand_okta.runtime import spec
from komand_okta.runtime.redact import Redactor
from komand_okta.runtime.steplog import StepLog
from komand_okta.triggers import new_system_logs, okta_event_hook
from oktasim.orgs import demo as org
from unit_test.integration.conftest import okta_get

AWS_LABEL, AWS_QUERY = "AWS Console", {"q": "AWS Console", "limit": "200"}
PRESETS = spec.load()["enum_values"]["preset"]["values"]
OUTSIDE = "user.session.start"  # in no preset


def made(sim) -> list:
    return [(r["method"], r["path"], dict(parse_qsl(r["query"]))) for r in sim.requests()]


def app_id(sim, label) -> str:
    return next(a["id"] for a in okta_get(sim, "/api/v1/apps?limit=200") if a["label"] == label)


def group_names(sim, app) -> list:
    return [
        g["_embedded"]["group"]["profile"]["name"]
        for g in okta_get(sim, "/api/v1/apps/%s/groups?expand=group&limit=200" % app)
    ]


# -- taking an app out of service --------------------------------------------------------------------
@pytest.mark.parametrize(
    "action, before, after, operation",
    [
        ("deactivate_app", "ACTIVE", "INACTIVE", "deactivate"),
        ("activate_app", "INACTIVE", "ACTIVE", "activate"),
    ],
)
def test_an_app_id_changes_the_app_in_one_request(plugin, sim, action, before, after, operation):
    sim.store.apps[org.MAIL_SYNC_APP_ID]["status"] = before

    run = plugin(action, {"app": org.MAIL_SYNC_APP_ID})

    assert run.ok and run.output == {"success": True, "app_id": org.MAIL_SYNC_APP_ID}
    assert made(sim) == [("POST", "/api/v1/apps/%s/lifecycle/%s" % (org.MAIL_SYNC_APP_ID, operation), {})]
    assert okta_get(sim, "/api/v1/apps/" + org.MAIL_SYNC_APP_ID)["status"] == after


@pytest.mark.parametrize(
    "action, before, after",
    [
        ("deactivate_app", "ACTIVE", "INACTIVE"),
        ("activate_app", "INACTIVE", "ACTIVE"),
    ],
)
def test_by_label_a_second_run_is_a_quiet_success_without_a_change_request(plugin, sim, action, before, after):
    sim.store.apps[org.MAIL_SYNC_APP_ID]["status"] = before
    label = {"q": org.MAIL_SYNC_APP_LABEL, "limit": "200"}

    first = plugin(action, {"app": org.MAIL_SYNC_APP_LABEL})
    second = plugin(action, {"app": org.MAIL_SYNC_APP_LABEL})

    assert first.ok and second.ok and first.output == second.output == {"success": True, "app_id": org.MAIL_SYNC_APP_ID}
    assert [(method, path) for method, path, _ in made(sim)] == [
        ("GET", "/api/v1/apps"),
        ("POST", "/api/v1/apps/%s/lifecycle/%s" % (org.MAIL_SYNC_APP_ID, action[:-4])),
        ("GET", "/api/v1/apps"),
    ]
    assert made(sim)[0][2] == made(sim)[2][2] == label
    assert okta_get(sim, "/api/v1/apps/" + org.MAIL_SYNC_APP_ID)["status"] == after


def test_an_unknown_app_id_changes_nothing_and_says_so(plugin, sim):
    run = plugin("deactivate_app", {"app": "0oa00000000000000000"})
    assert run.ok and run.output == {
        "success": False,
        "message": "No Okta application has the ID 0oa00000000000000000.",
    }
    assert [(r["method"], r["status"]) for r in sim.requests()] == [("POST", 404)]


# -- the groups that reach an app ------------------------------------------------------------------
def test_list_app_groups_names_the_groups_that_reach_the_aws_console(plugin, sim):
    aws = app_id(sim, AWS_LABEL)
    sim.control("DELETE", "/__sim/requests")

    run = plugin("list_app_groups", {"app": AWS_LABEL})

    assert run.ok and run.output["found"] and run.output["app_id"] == aws
    assert made(sim) == [
        ("GET", "/api/v1/apps", AWS_QUERY),
        ("GET", "/api/v1/apps/%s/groups" % aws, {"expand": "group", "limit": "200"}),
    ]
    assert [g["group"]["name"] for g in run.output["groups"]] == group_names(sim, aws)  # Okta's priority order
    assert set(group_names(sim, aws)) == {org.PRIVILEGED_GROUP_NAME, org.PROD_ACCESS_GROUP_NAME}


def test_unassigning_the_rogue_rules_group_takes_the_aws_console_from_its_members(plugin, sim):
    aws = app_id(sim, AWS_LABEL)
    sam = okta_get(sim, "/api/v1/users/" + org.ROGUE_RULE_MEMBER_LOGIN)["id"]
    sim.control("DELETE", "/__sim/requests")

    run = plugin("unassign_group_from_app", {"app": AWS_LABEL, "group": org.PROD_ACCESS_GROUP_ID})

    assert run.ok and run.output == {"success": True}
    assert made(sim) == [
        ("GET", "/api/v1/apps", AWS_QUERY),
        ("DELETE", "/api/v1/apps/%s/groups/%s" % (aws, org.PROD_ACCESS_GROUP_ID), {}),
    ]
    assert group_names(sim, aws) == [org.PRIVILEGED_GROUP_NAME]
    assert sam not in {u["id"] for u in okta_get(sim, "/api/v1/apps/%s/users?limit=500" % aws)}


def test_assigning_a_group_by_name_gives_its_members_the_app_through_the_group(plugin, sim):
    marketing = okta_get(sim, '/api/v1/groups?search=profile.name eq "Marketing"')[0]["id"]
    member = okta_get(sim, "/api/v1/groups/%s/users" % marketing)[0]["id"]
    sim.control("DELETE", "/__sim/requests")

    run = plugin("assign_group_to_app", {"app": org.SALESFORCE_APP_ID, "group": "Marketing", "priority": 1})

    assert run.ok and run.output["success"] and run.output["assignment"]["id"] == marketing
    assert made(sim) == [
        ("GET", "/api/v1/groups", {"search": 'profile.name eq "Marketing"', "limit": "200"}),
        ("PUT", "/api/v1/apps/%s/groups/%s" % (org.SALESFORCE_APP_ID, marketing), {}),
    ]
    assert sim.requests()[-1]["status"] == 200
    assert group_names(sim, org.SALESFORCE_APP_ID) == ["Sales", "Marketing"]
    assignment = okta_get(sim, "/api/v1/apps/%s/users/%s" % (org.SALESFORCE_APP_ID, member))
    assert assignment["scope"] == "GROUP"


# -- why a user is blocked, and whom to notify --------------------------------------------------------
def test_get_user_blocks_shows_john_blocked_on_unknown_devices(plugin, sim):
    run = plugin("get_user_blocks", {"user": org.JOHN_LOGIN})

    assert run.ok and run.output == {
        "found": True,
        "user_id": org.JOHN_ID,
        "blocked": True,
        "blocks": [{"type": "DEVICE_BASED", "appliesTo": "UNKNOWN_DEVICES"}],
    }
    assert made(sim) == [
        ("GET", "/api/v1/users/" + org.JOHN_LOGIN, {}),
        ("GET", "/api/v1/users/%s/blocks" % org.JOHN_ID, {}),
    ]


def test_get_linked_objects_finds_janes_manager_to_notify(plugin, sim):
    run = plugin("get_linked_objects", {"user": org.JANE_ID, "relationship_name": org.MANAGER_RELATIONSHIP})

    assert run.ok and run.output["count"] == 1
    manager = run.output["users"][0]
    assert manager["profile"]["login"] == org.JANE_MANAGER_LOGIN
    assert made(sim) == [
        ("GET", "/api/v1/users/%s/linkedObjects/manager" % org.JANE_ID, {}),
        ("GET", "/api/v1/users", {"search": 'id eq "%s"' % manager["id"], "limit": "200"}),
    ]


def test_get_linked_objects_of_an_unknown_relationship_says_so(plugin, sim):
    run = plugin("get_linked_objects", {"user": org.JANE_ID, "relationship_name": "mentor"})

    assert run.ok and run.output == {
        "found": False,
        "message": "The Okta org has no linked object relationship named mentor.",
    }
    assert [(r["path"], r["status"]) for r in sim.requests()] == [
        ("/api/v1/users/%s/linkedObjects/mentor" % org.JANE_ID, 404),
        ("/api/v1/users/" + org.JANE_ID, 200),
    ]


# -- the presets, against the simulator ---------------------------------------------------------------
def trigger_for(module, sim):
    log = StepLog(Redactor(), stream=io.StringIO(), debug=True)
    connection = Connection({"okta_url": sim.url, "okta_key": {"secretKey": sim.token}}, log=log, clock=FakeClock())
    return module.Trigger(connection, log, FakeClock())


def emit(sim, types):
    sim.control(
        "POST", "/__sim/events", json={"events": [{"eventType": kind, "userId": org.JANE_ID} for kind in types]}
    )


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_new_system_logs_reads_only_the_presets_events_from_okta(sim, preset):
    trigger, state, params = trigger_for(new_system_logs, sim), {}, {"preset": preset}
    trigger.poll(params, state)  # the stream starts at the server's time
    types = PRESETS[preset]["event_types"]
    emit(sim, [OUTSIDE, *types])

    events = trigger.poll(params, state)

    assert [event["log_event"]["eventType"] for event in events] == types


@pytest.fixture
def listening(sim, monkeypatch):
    monkeypatch.setattr(okta_event_hook, "LISTEN_HOST", "127.0.0.1")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    trigger = trigger_for(okta_event_hook, sim)
    yield trigger, port
    trigger.close()


def test_a_registered_hook_gets_and_reports_only_the_presets_hook_eligible_events(sim, listening):
    trigger, port = listening
    params, state = (
        {
            "secret": "s3cr3t-Shared-Value",
            "port": port,
            "path": "/okta/events",
            "register": True,
            "public_url": "http://127.0.0.1:%d/okta/events" % port,
            "preset": "account_locked",
        },
        {},
    )
    trigger.poll(params, state)
    hook = okta_get(sim, "/api/v1/eventHooks/" + state["hook_id"])
    emit(sim, [OUTSIDE, "user.account.lock"])
    sim.control("POST", "/__sim/hooks/flush")

    events = trigger.poll(params, state)

    assert (hook["status"], hook["verificationStatus"]) == ("ACTIVE", "VERIFIED")
    assert hook["events"]["items"] == ["user.account.lock"]  # user.account.lock.limit cannot go to a hook
    assert [event["event"]["eventType"] for event in events] == ["user.account.lock"]
