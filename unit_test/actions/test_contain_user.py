"""Contain User: ordered, idempotent containment steps with a step-by-step report (requests-mock).

`mock_org` answers every request of a run for a compromised, active user who signed in; tests
change the answers that matter to them and check the requests made (method, path, query) and
the report.
"""

from urllib.parse import parse_qsl, urlsplit

import pytest

from unit_test import factories
from unit_test.conftest import API, BASE
from unit_test.factories.containment import ORDER

USER_ID = "00u1"
USER = API + "/users/" + USER_ID
LAST_LOGIN = "2026-03-01T09:00:00.000Z"
GROUP_A, GROUP_B = "00gAAAAAAAAAAAAAAAAA", "00gBBBBBBBBBBBBBBBBB"
NO_ITP = factories.error("E0000015", "You do not have permission to access the feature you are requesting")
DEFAULT_CHANGES = [
    ("POST", "/api/v1/users/00u1/lifecycle/suspend"),
    ("DELETE", "/api/v1/users/00u1/sessions"),
    ("POST", "/oauth2/v1/global-token-revocation"),
    ("DELETE", "/api/v1/users/00u1/grants"),
    ("PUT", "/api/v1/users/00u1/risk"),
]


def grant(title, n):
    return {"id": "oag%d" % n, "clientId": "0oa" + title, "_links": {"app": {"title": title}}}


def role(role_type, assignment_id, via="USER"):
    return {"id": assignment_id, "type": role_type, "assignmentType": via, "status": "ACTIVE"}


def event(event_type):
    return {"uuid": event_type, "eventType": event_type}


@pytest.fixture
def mock_org(okta):
    """Answers for a run against an active user who signed in and still holds everything."""
    okta.get(USER, json=factories.user("jane@example.com", user_id=USER_ID) | {"lastLogin": LAST_LOGIN})
    okta.post(USER + "/lifecycle/suspend", json={})
    okta.get(API + "/logs", json=[])
    okta.get(USER + "/clients", json=[])
    okta.delete(USER + "/sessions", status_code=204)
    okta.post(BASE + "/oauth2/v1/global-token-revocation", status_code=204)
    okta.get(USER + "/grants", json=[grant("Mail Sync Pro", 1), grant("Mail Sync Pro", 2), grant("GitHub", 3)])
    okta.delete(USER + "/grants", status_code=204)
    okta.get(USER + "/groups", json=[factories.group("Admins", GROUP_A)])
    okta.delete(API + "/groups/%s/users/%s" % (GROUP_A, USER_ID), status_code=204)
    okta.get(USER + "/roles", json=[role("SUPER_ADMIN", "ra1"), role("ORG_ADMIN", "ra2", via="GROUP")])
    okta.delete(USER + "/roles/ra1", status_code=204)
    okta.get(
        USER + "/factors",
        json=[
            {"id": "opf1", "factorType": "push", "status": "ACTIVE"},
            {"id": "sms1", "factorType": "sms", "status": "ACTIVE"},
        ],
    )
    okta.post(USER + "/lifecycle/reset_factors", json={})
    okta.get(USER + "/risk", json={"riskLevel": "MEDIUM", "reason": "Anomalous sign-in"})
    okta.put(USER + "/risk", json={"riskLevel": "HIGH"})
    return okta


def contained(okta):
    """A user already contained: suspended, sessions cleared and logged out since the last sign-in,
    no token, grant, admin role or group left, risk HIGH."""
    okta.get(
        USER, json=factories.user("jane@example.com", status="SUSPENDED", user_id=USER_ID) | {"lastLogin": LAST_LOGIN}
    )
    okta.get(API + "/logs", json=[event("user.session.clear"), event("user.authentication.universal_logout.scheduled")])
    okta.get(USER + "/grants", json=[])
    okta.get(USER + "/groups", json=[])
    okta.get(USER + "/roles", json=[])
    okta.get(USER + "/factors", json=[])
    okta.get(USER + "/risk", json={"riskLevel": "HIGH"})


def sent(okta) -> list:
    return [(r.method, urlsplit(r.url).path, dict(parse_qsl(urlsplit(r.url).query))) for r in okta.request_history]


def changes(okta) -> list:
    return [(method, path) for method, path, _ in sent(okta) if method != "GET"]


def statuses(result) -> dict:
    return {s["step"]: s["status"] for s in result.output["steps"]}


def detail(result, step) -> str:
    return next(s["detail"] for s in result.output["steps"] if s["step"] == step)


EVERY_STEP = {
    "remove_from_groups": [GROUP_A],
    "remove_admin_roles": True,
    "quarantine_group": GROUP_B,
    "reset_factors": True,
}


# -- a first run -----------------------------------------------------------------------------------
def test_the_defaults_suspend_clear_log_out_revoke_and_raise_the_risk_in_that_order(run_action, mock_org):
    result = run_action("contain_user", {"user": USER_ID})

    assert result.ok and result.output["success"] and result.output["user_id"] == USER_ID
    assert sent(mock_org) == [
        ("GET", "/api/v1/users/00u1", {}),
        ("POST", "/api/v1/users/00u1/lifecycle/suspend", {}),
        (
            "GET",
            "/api/v1/logs",
            {
                "since": LAST_LOGIN,
                "sortOrder": "DESCENDING",
                "limit": "20",
                "filter": 'target.id eq "00u1" and (eventType eq "user.session.clear" or '
                'eventType eq "user.authentication.universal_logout.scheduled")',
            },
        ),
        ("DELETE", "/api/v1/users/00u1/sessions", {"oauthTokens": "true"}),
        ("POST", "/oauth2/v1/global-token-revocation", {}),
        ("GET", "/api/v1/users/00u1/grants", {"limit": "200"}),
        ("DELETE", "/api/v1/users/00u1/grants", {}),
        ("GET", "/api/v1/users/00u1/risk", {}),
        ("PUT", "/api/v1/users/00u1/risk", {}),
    ]
    assert mock_org.request_history[-1].json() == {
        "riskLevel": "HIGH",
        "riskReason": "Identity contained by the SOC after a suspected compromise",
    }


def test_the_report_lists_every_step_in_the_documented_order(run_action, mock_org):
    result = run_action("contain_user", {"user": USER_ID})

    assert [s["step"] for s in result.output["steps"]] == ORDER
    assert statuses(result) == {
        "suspend": "done",
        "clear_sessions": "done",
        "universal_logout": "done",
        "revoke_grants": "done",
        "remove_from_groups": "skipped",
        "remove_admin_roles": "skipped",
        "quarantine_group": "skipped",
        "reset_factors": "skipped",
        "set_risk_high": "done",
    }


def test_every_step_asked_for_changes_okta_in_the_documented_order(run_action, mock_org):
    mock_org.get(API + "/groups/" + GROUP_B, json=factories.group("Quarantine", GROUP_B))
    mock_org.put(API + "/groups/%s/users/%s" % (GROUP_B, USER_ID), status_code=204)

    result = run_action("contain_user", dict(EVERY_STEP, user=USER_ID))

    assert set(statuses(result).values()) == {"done"}
    assert changes(mock_org) == [
        *DEFAULT_CHANGES[:4],
        ("DELETE", "/api/v1/groups/%s/users/00u1" % GROUP_A),
        ("DELETE", "/api/v1/users/00u1/roles/ra1"),
        ("PUT", "/api/v1/groups/%s/users/00u1" % GROUP_B),
        ("POST", "/api/v1/users/00u1/lifecycle/reset_factors"),
        ("PUT", "/api/v1/users/00u1/risk"),
    ]


def test_the_grants_revoked_are_counted_per_client(run_action, mock_org):
    result = run_action("contain_user", {"user": USER_ID})

    assert detail(result, "revoke_grants") == "Revoked 3 OAuth consent grant(s) (2 to Mail Sync Pro, 1 to GitHub)."


def test_roles_held_through_a_group_are_named_and_left(run_action, mock_org):
    result = run_action("contain_user", {"user": USER_ID, "remove_admin_roles": True})

    assert ("DELETE", "/api/v1/users/00u1/roles/ra1") in changes(mock_org)
    assert ("DELETE", "/api/v1/users/00u1/roles/ra2") not in changes(mock_org)
    assert "SUPER_ADMIN (ra1)" in detail(result, "remove_admin_roles")
    assert "Held through groups, so not removable on the user: ORG_ADMIN" in detail(result, "remove_admin_roles")


def test_only_the_groups_the_user_is_in_are_left(run_action, mock_org):
    result = run_action("contain_user", {"user": USER_ID, "remove_from_groups": [GROUP_A, GROUP_B]})

    assert [c for c in changes(mock_org) if "/groups/" in c[1]] == [
        ("DELETE", "/api/v1/groups/%s/users/00u1" % GROUP_A)
    ]
    assert detail(result, "remove_from_groups") == (
        "Removed the user from Admins (%s). Not a member of %s." % (GROUP_A, GROUP_B)
    )


# -- idempotence -----------------------------------------------------------------------------------
def test_a_contained_user_gets_no_change_and_every_step_reports_already(run_action, mock_org):
    contained(mock_org)
    mock_org.get(API + "/groups/" + GROUP_A, json=factories.group("Quarantine", GROUP_A))
    mock_org.get(USER + "/groups", json=[factories.group("Quarantine", GROUP_A)])

    result = run_action(
        "contain_user", dict(EVERY_STEP, user=USER_ID, remove_from_groups=[GROUP_B], quarantine_group=GROUP_A)
    )

    assert result.output["success"] and set(statuses(result).values()) == {"already"}
    assert changes(mock_org) == []


def test_an_already_suspended_user_is_not_suspended_again(run_action, mock_org):
    mock_org.get(USER, json=factories.user(user_id=USER_ID, status="SUSPENDED") | {"lastLogin": LAST_LOGIN})

    result = run_action("contain_user", {"user": USER_ID})

    assert statuses(result)["suspend"] == "already"
    assert ("POST", "/api/v1/users/00u1/lifecycle/suspend") not in changes(mock_org)


def test_a_deactivated_user_counts_as_suspended(run_action, mock_org):
    mock_org.get(USER, json=factories.user(user_id=USER_ID, status="DEPROVISIONED") | {"lastLogin": LAST_LOGIN})

    result = run_action("contain_user", {"user": USER_ID})

    assert statuses(result)["suspend"] == "already" and "DEPROVISIONED" in detail(result, "suspend")


def test_sessions_are_cleared_again_while_a_client_holds_a_live_refresh_token(run_action, mock_org):
    contained(mock_org)
    mock_org.get(USER + "/clients", json=[{"client_id": "0oaMail", "client_name": "Mail Sync Pro"}])
    mock_org.get(USER + "/clients/0oaMail/tokens", json=[{"id": "oar1"}])

    result = run_action("contain_user", {"user": USER_ID})

    assert statuses(result)["clear_sessions"] == "done"
    assert "Mail Sync Pro still held a live refresh token" in detail(result, "clear_sessions")
    assert changes(mock_org) == [("DELETE", "/api/v1/users/00u1/sessions")]


@pytest.mark.parametrize(
    "answer",
    [
        {"json": []},  # nothing since the sign-in
        {"status_code": 403, "json": factories.error("E0000006", "You do not have permission")},  # log unreadable
    ],
)
def test_without_a_logged_clear_and_logout_since_the_sign_in_both_are_done_again(run_action, mock_org, answer):
    contained(mock_org)
    mock_org.get(API + "/logs", **answer)

    result = run_action("contain_user", {"user": USER_ID})

    assert statuses(result)["clear_sessions"] == statuses(result)["universal_logout"] == "done"
    assert changes(mock_org) == [
        ("DELETE", "/api/v1/users/00u1/sessions"),
        ("POST", "/oauth2/v1/global-token-revocation"),
    ]


def test_without_a_last_sign_in_the_log_is_not_read_and_the_sessions_are_cleared(run_action, mock_org):
    mock_org.get(USER, json=factories.user(user_id=USER_ID, status="SUSPENDED"))

    result = run_action("contain_user", {"user": USER_ID})

    assert all(path != "/api/v1/logs" for _, path, _ in sent(mock_org))
    assert statuses(result)["clear_sessions"] == "done"


# -- dry run ---------------------------------------------------------------------------------------
def test_a_dry_run_sends_no_change_and_reports_what_it_would_do(run_action, mock_org):
    mock_org.get(API + "/groups/" + GROUP_B, json=factories.group("Quarantine", GROUP_B))

    result = run_action("contain_user", dict(EVERY_STEP, user=USER_ID, dry_run=True))

    assert {method for method, _, _ in sent(mock_org)} == {"GET"}
    assert result.output["success"] and set(statuses(result).values()) == {"would_do"}
    assert detail(result, "revoke_grants") == "Would revoke 3 OAuth consent grant(s) (2 to Mail Sync Pro, 1 to GitHub)."


def test_a_dry_run_reports_already_where_the_goal_holds(run_action, mock_org):
    contained(mock_org)

    result = run_action("contain_user", {"user": USER_ID, "dry_run": True})

    assert set(statuses(result).values()) == {"already", "skipped"} and changes(mock_org) == []


# -- failures --------------------------------------------------------------------------------------
def test_a_failed_suspend_runs_no_other_step(run_action, mock_org):
    mock_org.post(
        USER + "/lifecycle/suspend",
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("contain_user", {"user": USER_ID})

    assert result.ok and result.output["success"] is False
    assert statuses(result)["suspend"] == "failed" and "permission" in detail(result, "suspend")
    assert all(
        detail(result, step).startswith("Not run: the user could not be suspended")
        for step in ("clear_sessions", "universal_logout", "revoke_grants", "set_risk_high")
    )
    assert changes(mock_org) == [("POST", "/api/v1/users/00u1/lifecycle/suspend")]


def test_a_user_okta_cannot_suspend_is_told_why_and_how_to_go_on(run_action, mock_org):
    mock_org.get(USER, json=factories.user(user_id=USER_ID, status="LOCKED_OUT") | {"lastLogin": LAST_LOGIN})
    mock_org.post(
        USER + "/lifecycle/suspend",
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: suspendUser", ["suspendUser: Cannot suspend a user that is not active"]
        ),
    )

    result = run_action("contain_user", {"user": USER_ID})

    assert detail(result, "suspend").startswith("Okta suspends only ACTIVE users, and this one is LOCKED_OUT.")
    assert "set suspend to false to take the other steps without it" in detail(result, "clear_sessions")


def test_a_failing_step_does_not_stop_the_next_ones(run_action, mock_org):
    mock_org.delete(USER + "/grants", status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("contain_user", {"user": USER_ID})

    assert result.ok and result.output["success"] is False
    assert statuses(result)["revoke_grants"] == "failed" and statuses(result)["set_risk_high"] == "done"
    assert changes(mock_org) == DEFAULT_CHANGES


def test_a_list_step_stopped_midway_says_what_it_did_first(run_action, mock_org):
    mock_org.get(USER + "/groups", json=[factories.group("Admins", GROUP_A), factories.group("Ops", GROUP_B)])
    mock_org.delete(
        API + "/groups/%s/users/%s" % (GROUP_B, USER_ID),
        status_code=403,
        json=factories.error("E0000006", "You do not have permission"),
    )

    result = run_action("contain_user", {"user": USER_ID, "remove_from_groups": [GROUP_A, GROUP_B]})

    assert statuses(result)["remove_from_groups"] == "failed"
    assert detail(result, "remove_from_groups").startswith(
        "Done before: removing from Admins (%s). Removing from Ops (%s) failed:" % (GROUP_A, GROUP_B)
    )


def test_an_unknown_quarantine_group_fails_that_step_only(run_action, mock_org):
    mock_org.get(API + "/groups", json=[])

    result = run_action("contain_user", {"user": USER_ID, "quarantine_group": "Quarantine"})

    assert statuses(result)["quarantine_group"] == "failed" and statuses(result)["set_risk_high"] == "done"
    assert "No Okta group has the ID or name Quarantine" in detail(result, "quarantine_group")


@pytest.mark.parametrize("dry_run", [False, True])
def test_without_identity_threat_protection_logout_and_risk_are_skipped_with_a_note(run_action, mock_org, dry_run):
    mock_org.post(BASE + "/oauth2/v1/global-token-revocation", status_code=403, json=NO_ITP)
    mock_org.get(USER + "/risk", status_code=401, json=NO_ITP)

    result = run_action("contain_user", {"user": USER_ID, "dry_run": dry_run})

    assert result.output["success"]
    for step in ("universal_logout", "set_risk_high"):
        assert statuses(result)[step] == "skipped"
        assert "does not have Identity Threat Protection" in detail(result, step)
    assert [p for _, p, _ in sent(mock_org)].count("/api/v1/users/00u1/risk") == 1


# -- input and misses ------------------------------------------------------------------------------
def test_a_group_name_instead_of_an_id_is_refused_before_any_request(run_action, okta):
    result = run_action("contain_user", {"user": USER_ID, "remove_from_groups": ["Privileged Admins"]})

    assert not result.ok and "remove_from_groups" in result.exception["cause"]
    assert "'Privileged Admins'" in result.exception["cause"] and not okta.called


def test_an_unknown_user_is_success_false_and_nothing_is_changed(run_action, okta):
    okta.get(API + "/users/nobody%40example.com", status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("contain_user", {"user": "nobody@example.com"})

    assert result.ok and result.output == {
        "success": False,
        "message": "No Okta user matches nobody@example.com; nothing was contained.",
    }
    assert changes(okta) == []
