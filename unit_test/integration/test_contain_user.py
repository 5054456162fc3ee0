"""Contain User end to end: Jane Doe, the demo org's phished user, contained against the simulator.

Each test runs the action through the CLI and the web-server mode (the `plugin` fixture) on a
fresh demo org and checks the exact requests made (read from the simulator's log before any
state is read) and the effect in the simulator's state: Jane signed in from the attacker's IP,
consented to a phishing app (grants and a refresh token), holds SUPER_ADMIN, sits in Privileged
Admins and has a MEDIUM risk.
"""

from urllib.parse import parse_qsl

import pytest

from oktasim.orgs import demo as org
from unit_test.factories.containment import ORDER
from unit_test.integration.conftest import okta_get

JANE = "/api/v1/users/" + org.JANE_ID
PRIVILEGED = "/api/v1/groups/%s/users/%s" % (org.PRIVILEGED_GROUP_ID, org.JANE_ID)
TYPICAL = {"user": org.JANE_LOGIN, "remove_from_groups": [org.PRIVILEGED_GROUP_ID], "remove_admin_roles": True}
LOG_FILTER = (
    'target.id eq "%s" and (eventType eq "user.session.clear" or '
    'eventType eq "user.authentication.universal_logout.scheduled")' % org.JANE_ID
)


def sent(sim) -> list:
    """(method, path, query as a dict) of every API request the simulator received, in order."""
    return [(r["method"], r["path"], dict(parse_qsl(r["query"]))) for r in sim.requests()]


def state(sim, kind: str, key: str = "userId") -> list:
    """Jane's objects of one kind in the simulator's state."""
    return [item for item in sim.control("GET", "/__sim/state/" + kind) if item.get(key) == org.JANE_ID]


def statuses(run) -> dict:
    return {step["step"]: step["status"] for step in run.output["steps"]}


def jane_role_ids(sim) -> set:
    return {role["id"] for role in okta_get(sim, JANE + "/roles") if role["assignmentType"] == "USER"}


def test_a_typical_compromised_user_is_contained_with_exactly_these_requests(plugin, sim):
    last_login = okta_get(sim, JANE)["lastLogin"]
    super_admin = jane_role_ids(sim)
    sim.control("DELETE", "/__sim/requests")

    run = plugin("contain_user", TYPICAL)

    assert sent(sim) == [
        ("GET", "/api/v1/users/" + org.JANE_LOGIN, {}),
        ("POST", JANE + "/lifecycle/suspend", {}),
        ("GET", "/api/v1/logs", {"since": last_login, "filter": LOG_FILTER, "sortOrder": "DESCENDING", "limit": "20"}),
        ("DELETE", JANE + "/sessions", {"oauthTokens": "true"}),
        ("POST", "/oauth2/v1/global-token-revocation", {}),
        ("GET", JANE + "/grants", {"limit": "200"}),
        ("DELETE", JANE + "/grants", {}),
        ("GET", JANE + "/groups", {}),
        ("DELETE", PRIVILEGED, {}),
        ("GET", JANE + "/roles", {}),
        *[("DELETE", JANE + "/roles/" + role_id, {}) for role_id in sorted(super_admin)],
        ("GET", JANE + "/risk", {}),
        ("PUT", JANE + "/risk", {}),
    ]
    assert run.ok and run.output["success"] and run.output["user_id"] == org.JANE_ID
    assert [step["step"] for step in run.output["steps"]] == ORDER


def test_containment_closes_every_door_the_attacker_had(plugin, sim):
    run = plugin("contain_user", TYPICAL)

    assert run.ok and set(statuses(run).values()) == {"done", "skipped"}
    assert sim.control("GET", "/__sim/state/users/" + org.JANE_ID)["status"] == "SUSPENDED"
    assert state(sim, "sessions") == [] and state(sim, "refresh_tokens") == [] and state(sim, "grants") == []
    assert org.PRIVILEGED_GROUP_ID not in {g["id"] for g in okta_get(sim, JANE + "/groups")}
    assert jane_role_ids(sim) == set()
    assert [r["riskLevel"] for r in state(sim, "risks")] == ["HIGH"]


def test_a_second_run_sends_no_change_and_reports_already_everywhere(plugin, sim):
    assert plugin("contain_user", TYPICAL).output["success"]
    sim.control("DELETE", "/__sim/requests")

    run = plugin("contain_user", TYPICAL)

    assert {method for method, _, _ in sent(sim)} == {"GET"}
    assert run.ok and run.output["success"]
    assert {step: status for step, status in statuses(run).items() if status != "skipped"} == dict.fromkeys(
        [
            "suspend",
            "clear_sessions",
            "universal_logout",
            "revoke_grants",
            "remove_from_groups",
            "remove_admin_roles",
            "set_risk_high",
        ],
        "already",
    )


def test_a_dry_run_sends_no_changing_request_and_leaves_the_org_as_it_was(plugin, sim):
    run = plugin("contain_user", dict(TYPICAL, dry_run=True))

    assert {method for method, _, _ in sent(sim)} == {"GET"}
    assert run.ok and set(statuses(run).values()) == {"would_do", "skipped"}
    assert sim.control("GET", "/__sim/state/users/" + org.JANE_ID)["status"] == "ACTIVE"
    assert len(state(sim, "grants")) == 8 and [r["riskLevel"] for r in state(sim, "risks")] == [org.JANE_RISK_LEVEL]


@pytest.mark.parametrize("dry_run", [False, True])
def test_an_org_without_itp_gets_logout_and_risk_skipped_with_a_note(plugin, sim, dry_run):
    sim.control("POST", "/__sim/features", json={"itp": False})

    run = plugin("contain_user", dict(TYPICAL, dry_run=dry_run))

    assert run.ok and run.output["success"]
    for step in ("universal_logout", "set_risk_high"):
        assert statuses(run)[step] == "skipped"
        note = next(s["detail"] for s in run.output["steps"] if s["step"] == step)
        assert "does not have Identity Threat Protection" in note
    assert statuses(run)["suspend"] == ("would_do" if dry_run else "done")
    assert ("PUT", JANE + "/risk", {}) not in sent(sim)


def test_a_locked_out_user_okta_cannot_suspend_stops_the_run_until_suspend_is_switched_off(plugin, sim):
    sim.control("POST", "/__sim/users/%s/lockout" % org.JOHN_ID)
    params = {"user": org.JOHN_LOGIN, "set_risk_high": False}

    stopped = plugin("contain_user", params)
    changed = [(method, path) for method, path, _ in sent(sim) if method != "GET"]
    without_suspend = plugin("contain_user", dict(params, suspend=False))

    assert changed == [("POST", "/api/v1/users/%s/lifecycle/suspend" % org.JOHN_ID)]
    assert stopped.ok and not stopped.output["success"] and statuses(stopped)["suspend"] == "failed"
    assert set(list(statuses(stopped).values())[1:]) == {"skipped"}
    assert without_suspend.output["success"]
    assert statuses(without_suspend)["clear_sessions"] == statuses(without_suspend)["revoke_grants"] == "done"


def test_an_unknown_user_is_success_false_and_changes_nothing(plugin, sim):
    run = plugin("contain_user", {"user": "nobody@example.com"})

    assert run.ok and run.output == {
        "success": False,
        "message": "No Okta user matches nobody@example.com; nothing was contained.",
    }
    assert {method for method, _, _ in sent(sim)} == {"GET"}
