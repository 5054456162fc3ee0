"""Issue 6 §3, proof under faults: actions.

The simulator answers every path with 10% 5xx (500 JSON, 502/503/504 gateway pages) and 2%
dropped connections, half of them *before* the request is applied (`reset_before`) and half
*after* (`reset_after`: Okta did the work, the answer is lost). Actions run in-process through
`Plugin.handle` over real HTTP (see conftest); the client's backoff sleeps are instant.

What is proved:

* Reads: every read-only action, 25 runs each under faults, succeeds and returns exactly what
  it returns without faults (GETs are retried on 5xx and on dropped connections). 25 runs of 27
  reads meet over a hundred faults of every kind; the count is asserted.
* Changes: every change action, run repeatedly until it completes, leaves the simulator in the
  right state, never applied twice where that could matter (one group/zone/user created, never
  two; a gateway or member present once). When an attempt cannot complete, its error says so
  plainly: either Okta's own 5xx, or "may or may not have been applied" when the connection
  dropped after sending a non-idempotent request; then the re-run converges.
"""

import re

from oktasim.orgs import demo as org

from .conftest import FAULTS, set_faults

RUNS = 100
READ_RUNS = 25  # of every read action: over a hundred faulted requests, every kind among them

# every read-only action of the plugin, with an input that exercises its main path
READS = [
    ("get_user", {"email": org.JANE_LOGIN}),
    ("get_user", {"email": "nobody.here@example.com"}),
    ("get_users", {"users": [org.JANE_LOGIN, org.JOHN_ID, "ghost@example.com"]}),
    ("get_factors", {"user_id": org.JANE_ID}),
    ("list_users", {"limit": 30}),
    ("list_users", {"search": 'profile.department eq "Engineering"'}),
    ("get_user_groups", {"user": org.JANE_LOGIN}),
    ("list_groups", {}),
    ("list_groups", {"query": "Privileged"}),
    ("get_group", {"group": org.PRIVILEGED_GROUP_NAME}),
    ("list_group_members", {"group": org.PRIVILEGED_GROUP_ID}),
    ("list_providers", {}),
    ("list_roles", {"user": org.JANE_LOGIN}),
    ("list_user_types", {}),
    ("list_user_apps", {"user": org.JANE_LOGIN}),
    ("list_apps", {"include_inactive": True}),
    ("get_app", {"app": "Salesforce"}),
    ("list_app_users", {"app": "Salesforce"}),
    ("get_app_user", {"app": org.SALESFORCE_APP_ID, "user": org.JANE_LOGIN}),
    ("list_zones", {}),
    ("get_zone", {"zone": org.BLOCKLIST_ZONE_NAME}),
    ("list_event_hooks", {}),
    ("get_event_hook", {"event_hook": org.SIEM_HOOK_ID}),
    ("get_logs", {"filter": 'eventType eq "user.session.start"', "limit": 50}),
    ("list_realms", {}),
    ("list_policies", {"type": "MFA_ENROLL"}),
    ("raw_request", {"path": "/api/v1/users", "paginate": True, "limit": 25, "query": {"limit": 4}}),
]

# what an attempt that could not complete must say (and nothing vaguer)
CLEAR_ERROR = re.compile(r"may or may not have been applied|Okta returned 5\d\d|Okta is unavailable")
AMBIGUOUS = "may or may not have been applied"


def comparable(output):
    """The output minus what legitimately differs per request (raw_request's response headers:
    Date, X-Okta-Request-Id, rate-limit counters)."""
    return {k: v for k, v in output.items() if k != "headers"} if isinstance(output, dict) else output


def test_the_fault_plan_really_injects_every_kind(sim, inproc):
    set_faults(sim, FAULTS)
    for _ in range(300):
        assert inproc.action("list_groups", {}).ok
    kinds = {r["fault"] for r in sim.requests()}
    assert {"500", "502", "503", "504", "reset_before", "reset_after"} <= kinds


def test_every_read_action_succeeds_under_faults_with_the_fault_free_answer(sim, inproc):
    names = {name for name, _ in READS}
    assert len(names) >= 20
    expected = []
    for name, params in READS:
        clean = inproc.action(name, params)
        assert clean.ok, (name, clean.text)
        expected.append(comparable(clean.output))
    set_faults(sim, FAULTS)
    failures = []
    for run in range(READ_RUNS):
        for (name, params), want in zip(READS, expected):
            got = inproc.action(name, params)
            if not got.ok or comparable(got.output) != want:
                failures.append((run, name, got.text[:300] if not got.ok else "output differs"))
    faulted = [r for r in sim.requests() if r["fault"]]
    assert not failures, failures[:5]
    assert len(faulted) > 100  # the faults really happened, many times
    assert {r["fault"] for r in faulted} >= {"500", "502", "503", "504", "reset_before", "reset_after"}


# -- change actions -------------------------------------------------------------------------------
class Converge:
    """Run an action until it completes; every failed attempt must explain itself."""

    def __init__(self, inproc):
        self.inproc = inproc
        self.ambiguous = 0  # attempts that said "may or may not have been applied"
        self.failed = 0

    def __call__(self, name, params, max_runs=8):
        for _ in range(max_runs):
            outcome = self.inproc.action(name, params)
            if outcome.ok:
                return outcome
            self.failed += 1
            assert CLEAR_ERROR.search(outcome.text), "%s failed unclearly: %s" % (name, outcome.text)
            self.ambiguous += AMBIGUOUS in outcome.text
        raise AssertionError("%s did not complete in %d runs" % (name, max_runs))


def members(sim, group_id):
    with sim.store.lock:
        return list(sim.store.members.get(group_id, {}))


def status(sim, user_id):
    with sim.store.lock:
        return sim.store.users[user_id].status


def zone_values(sim, zone_id):
    with sim.store.lock:
        return [g.get("value") for g in sim.store.zones[zone_id].get("gateways") or []]


def roles(sim, user_id):
    with sim.store.lock:
        return [r.get("type") for r in (sim.store.roles.get(user_id) or {}).values()]


def groups_named(sim, name):
    with sim.store.lock:
        return [g for g in sim.store.groups.values() if g["profile"].get("name") == name]


def test_group_membership_add_remove_converges_and_a_member_is_never_doubled(sim, inproc):
    set_faults(sim, FAULTS)
    run = Converge(inproc)
    user = org.JOHN_ID
    for _ in range(RUNS // 2):
        run("add_user_to_group", {"email": org.JOHN_LOGIN, "group_id": org.PRIVILEGED_GROUP_ID})
        assert members(sim, org.PRIVILEGED_GROUP_ID).count(user) == 1
        again = run("add_user_to_group", {"email": org.JOHN_LOGIN, "group_id": org.PRIVILEGED_GROUP_ID})
        assert again.ok and members(sim, org.PRIVILEGED_GROUP_ID).count(user) == 1
        run("remove_user_from_group", {"email": org.JOHN_LOGIN, "group_id": org.PRIVILEGED_GROUP_ID})
        assert user not in members(sim, org.PRIVILEGED_GROUP_ID)
    assert run.ambiguous == 0  # PUT/DELETE are idempotent: retried, never left in doubt
    set_faults(sim, None)
    assert [
        u["id"] for u in inproc.action("list_group_members", {"group": org.PRIVILEGED_GROUP_ID}).output["users"]
    ].count(org.JANE_ID) == 1


def test_suspend_unsuspend_converge_without_a_failed_run(sim, inproc):
    set_faults(sim, FAULTS)
    run = Converge(inproc)
    for _ in range(RUNS // 2):
        assert run("suspend_user", {"email": org.JANE_LOGIN}).output["success"] is True
        assert status(sim, org.JANE_ID) == "SUSPENDED"
        assert run("unsuspend_user", {"email": org.JANE_LOGIN}).output["success"] is True
        assert status(sim, org.JANE_ID) == "ACTIVE"
    lifecycle = [r for r in sim.requests() if r["method"] == "POST" and "/lifecycle/" in r["path"]]
    assert any(r["fault"] for r in lifecycle)  # the POSTs did hit faults...
    assert run.failed == 0  # ...and each was read back: success when applied, sent again when not


def test_blocklist_block_unblock_converges_and_a_gateway_is_never_added_twice(sim, inproc):
    set_faults(sim, FAULTS)
    run = Converge(inproc)
    before = zone_values(sim, org.BLOCKLIST_ZONE_ID)
    for i in range(RUNS // 2):
        address = "203.0.113.%d" % (i % 60 + 1)
        run("update_blacklist_zones", {"name": org.BLOCKLIST_ZONE_NAME, "address": address})
        run("update_blacklist_zones", {"name": org.BLOCKLIST_ZONE_NAME, "address": address})
        values = zone_values(sim, org.BLOCKLIST_ZONE_ID)
        assert [v for v in values if v.split("/")[0].split("-")[0] == address] != [], values
        assert len([v for v in values if v.split("/")[0].split("-")[0] == address]) == 1, values
        assert len(values) == len(set(values))
        run("update_blacklist_zones", {"name": org.BLOCKLIST_ZONE_NAME, "address": address, "blacklist_state": False})
        assert zone_values(sim, org.BLOCKLIST_ZONE_ID) == before
    with sim.store.lock:
        assert sum(1 for z in sim.store.zones.values() if z.get("name") == org.BLOCKLIST_ZONE_NAME) == 1


def test_assign_unassign_role_converge_with_one_role(sim, inproc):
    set_faults(sim, FAULTS)
    run = Converge(inproc)
    for _ in range(RUNS // 4):
        run("assign_role", {"user": org.JOHN_LOGIN, "role_type": "HELP_DESK_ADMIN"})
        assert roles(sim, org.JOHN_ID).count("HELP_DESK_ADMIN") == 1
        run("assign_role", {"user": org.JOHN_LOGIN, "role_type": "HELP_DESK_ADMIN"})
        assert roles(sim, org.JOHN_ID).count("HELP_DESK_ADMIN") == 1
        run("unassign_role", {"user": org.JOHN_LOGIN, "role": "HELP_DESK_ADMIN"})
        assert "HELP_DESK_ADMIN" not in roles(sim, org.JOHN_ID)


def test_create_group_never_creates_two(sim, inproc):
    set_faults(sim, FAULTS)
    run = Converge(inproc)
    for i in range(RUNS // 2):
        name = "Incident %04d" % i
        first = run("create_group", {"name": name, "description": "quarantine"})
        assert len(groups_named(sim, name)) == 1, name
        # an ambiguous failure followed by a re-run finds the group instead of making a second one
        assert first.output["success"] is True or "already exists" in first.output["message"]
        second = run("create_group", {"name": name})
        assert second.output["success"] is False and "already exists" in second.output["message"]
        assert len(groups_named(sim, name)) == 1, name
    assert run.failed > 0


def test_create_zone_and_create_user_never_create_two(sim, inproc):
    set_faults(sim, FAULTS)
    run = Converge(inproc)
    for i in range(RUNS // 4):
        zone = "Quarantine zone %03d" % i
        run("create_zone", {"name": zone, "gateways": ["192.0.2.%d" % (i + 1)]})
        with sim.store.lock:
            assert sum(1 for z in sim.store.zones.values() if z.get("name") == zone) == 1, zone
        login = "temp.%03d@example.com" % i
        run(
            "create_user",
            {
                "activate": False,
                "provider": False,
                "nextLogin": False,
                "profile": {"login": login, "email": login, "firstName": "Temp", "lastName": str(i)},
            },
        )
        with sim.store.lock:
            assert sum(1 for u in sim.store.users.values() if u.login == login) == 1, login


def test_password_and_session_actions_converge(sim, inproc):
    set_faults(sim, FAULTS)
    run = Converge(inproc)
    for _ in range(RUNS // 4):
        sim.store.users[org.JANE_ID].sessions = 3
        assert run("clear_user_sessions", {"user": org.JANE_LOGIN}).ok
        assert sim.store.users[org.JANE_ID].sessions == 0
        run("reset_password", {"user": org.JOHN_LOGIN, "send_email": False})
        assert status(sim, org.JOHN_ID) == "RECOVERY"
        sim.control("POST", "/__sim/users/%s/status" % org.JOHN_ID, json={"status": "ACTIVE"})
        run("expire_password", {"user": org.JOHN_LOGIN})
        assert status(sim, org.JOHN_ID) == "PASSWORD_EXPIRED"
        sim.control("POST", "/__sim/users/%s/status" % org.JOHN_ID, json={"status": "ACTIVE"})


def test_a_post_dropped_after_okta_applied_it_says_so_and_a_rerun_converges(sim, inproc):
    """Deterministic: the first POST /groups is applied and its connection dropped."""
    sim.control("POST", "/__sim/faults", json={"spec": "POST /api/v1/groups:seq=reset_after"})
    failed = inproc.action("create_group", {"name": "Incident dropped"})
    assert not failed.ok and AMBIGUOUS in failed.text and "Check the object's state" in failed.text
    assert len(groups_named(sim, "Incident dropped")) == 1  # it was applied, and only once (no blind retry)
    again = inproc.action("create_group", {"name": "Incident dropped"})
    assert again.ok and again.output["success"] is False and "already exists" in again.output["message"]
    assert len(groups_named(sim, "Incident dropped")) == 1


def test_a_post_answered_5xx_whose_outcome_cannot_be_read_back_is_not_retried_and_says_okta_failed(sim, inproc):
    sim.control("POST", "/__sim/faults", json={"spec": "POST /api/v1/groups:seq=503"})
    failed = inproc.action("create_group", {"name": "Incident 503"})
    assert not failed.ok and "503" in failed.text
    posts = [r for r in sim.requests() if r["method"] == "POST"]
    assert len(posts) == 1
    assert inproc.action("create_group", {"name": "Incident 503"}).ok
    assert len(groups_named(sim, "Incident 503")) == 1


def test_reset_before_drops_the_connection_without_a_server_exception(sim, inproc, caplog):
    sim.control("POST", "/__sim/faults", json={"spec": "GET /api/v1/groups:seq=reset_before"})
    with caplog.at_level("ERROR", logger="waitress"):
        assert inproc.action("list_groups", {}).ok
    assert [r["fault"] for r in sim.requests()][:1] == ["reset_before"]
    assert not [r for r in caplog.records if r.name.startswith("waitress")]


# -- answers cut short (issue 9 §4) ------------------------------------------------------------------
CUT_SHORT = "GET *:truncate@0.2"  # a fifth of every read's answers arrive with half their body


def test_every_read_action_survives_answers_cut_short_with_the_fault_free_answer(sim, inproc):
    expected = [comparable(inproc.action(name, params).output) for name, params in READS]
    set_faults(sim, CUT_SHORT)
    failures = []
    for run in range(10):
        for (name, params), want in zip(READS, expected, strict=True):
            got = inproc.action(name, params)
            if not got.ok or comparable(got.output) != want:
                failures.append((run, name, got.text[:300] if not got.ok else "output differs"))
    assert not failures, failures[:5]
    assert len([r for r in sim.requests() if r["fault"] == "truncate"]) > 10


def test_a_write_whose_answer_is_cut_short_says_it_may_have_been_applied_and_a_rerun_converges(sim, inproc):
    sim.control("POST", "/__sim/faults", json={"spec": "POST /api/v1/groups:seq=truncate"})
    failed = inproc.action("create_group", {"name": "Incident cut short"})
    assert not failed.ok and AMBIGUOUS in failed.text and "cut short" in failed.text
    assert "Traceback" not in failed.stderr and "Unexpected error" not in failed.text
    assert len(groups_named(sim, "Incident cut short")) == 1  # applied once, not retried blindly
    again = inproc.action("create_group", {"name": "Incident cut short"})
    assert again.ok and len(groups_named(sim, "Incident cut short")) == 1
