"""Issue-12 devices, authenticator enrollments and number-matching push, end to end against oktasim.

Each test checks what changed in the simulated org and the exact requests the plugin made (the
simulator's request log), in CLI and web-server mode. The number-matching push is played both
ways: the user picks the number the analyst read out (SUCCESS), or another one (REJECTED).
Waiting never sleeps: the user answers before Wait for Push polls, or the sim clock runs out.
"""

from urllib.parse import parse_qs

import pytest

from oktasim.orgs import demo as org
from unit_test.integration.conftest import okta_get

DEVICE = "/api/v1/devices/" + org.ATTACKER_DEVICE_ID
JANE_ENROLLMENTS = "/api/v1/users/%s/authenticator-enrollments" % org.JANE_ID
JOHN_FACTOR = "/api/v1/users/%s/factors/%s" % (org.JOHN_ID, org.JOHN_PUSH_FACTOR_ID)


def made(sim) -> list:
    return [(r["method"], r["path"], r["status"]) for r in sim.requests()]


def device_status(sim, device_id):
    return okta_get(sim, "/api/v1/devices/" + device_id)["status"]


# -- devices -------------------------------------------------------------------------------------
def test_list_devices_finds_the_attackers_windows_pc_with_its_user(plugin, sim):
    run = plugin("list_devices", {"search": 'profile.platform eq "WINDOWS"', "expand": "userSummary"})

    assert run.ok, run.body
    assert [d["id"] for d in run.output["devices"]] == [org.ATTACKER_DEVICE_ID]
    assert run.output["devices"][0]["_embedded"]["users"][0]["user"]["id"] == org.JANE_ID
    assert made(sim) == [("GET", "/api/v1/devices", 200)]
    assert parse_qs(sim.requests()[0]["query"]) == {
        "search": ['profile.platform eq "WINDOWS"'],
        "expand": ["userSummary"],
        "limit": ["200"],
    }


def test_list_user_devices_shows_every_device_jane_enrolled(plugin, sim):
    run = plugin("list_user_devices", {"user": org.JANE_LOGIN})

    assert run.ok and run.output["found"]
    assert {d["device"]["id"] for d in run.output["devices"]} == {
        org.JANE_IPHONE_DEVICE_ID,
        org.JANE_LAPTOP_DEVICE_ID,
        org.ATTACKER_DEVICE_ID,
    }
    assert made(sim) == [
        ("GET", "/api/v1/users/" + org.JANE_LOGIN, 200),
        ("GET", "/api/v1/users/%s/devices" % org.JANE_ID, 200),
    ]


@pytest.mark.parametrize(
    "action, before, after",
    [
        ("suspend_device", "ACTIVE", "SUSPENDED"),
        ("unsuspend_device", "SUSPENDED", "ACTIVE"),
        ("deactivate_device", "ACTIVE", "DEACTIVATED"),
    ],
)
def test_a_lifecycle_change_by_hostname_is_made_once_and_a_second_run_is_a_quiet_success(
    plugin, sim, action, before, after
):
    sim.store.devices[org.ATTACKER_DEVICE_ID]["status"] = before
    operation = action.split("_")[0]

    first = plugin(action, {"device": org.ATTACKER_DEVICE_NAME})
    second = plugin(action, {"device": org.ATTACKER_DEVICE_NAME})

    assert first.output == second.output == {"success": True, "device_id": org.ATTACKER_DEVICE_ID, "status": after}
    lookup = [("GET", "/api/v1/devices", 200), ("GET", DEVICE, 200)]
    assert made(sim) == [*lookup, ("POST", DEVICE + "/lifecycle/" + operation, 204), *lookup]
    assert device_status(sim, org.ATTACKER_DEVICE_ID) == after


def test_deactivating_the_attackers_pc_destroys_its_okta_verify_enrollment(plugin, sim):
    run = plugin("deactivate_device", {"device": org.ATTACKER_DEVICE_ID})

    assert run.ok and run.output["success"]
    assert org.ATTACKER_OV_ENROLLMENT_ID not in {e["id"] for e in okta_get(sim, JANE_ENROLLMENTS)}
    jane_devices = okta_get(sim, "/api/v1/users/%s/devices" % org.JANE_ID)
    assert org.ATTACKER_DEVICE_ID not in {d["device"]["id"] for d in jane_devices}


def test_delete_device_refuses_an_active_device_and_deletes_it_once_deactivated(plugin, sim):
    refused = plugin("delete_device", {"device": org.ATTACKER_DEVICE_ID})
    plugin("deactivate_device", {"device": org.ATTACKER_DEVICE_ID})
    sim.control("DELETE", "/__sim/requests")
    deleted = plugin("delete_device", {"device": org.ATTACKER_DEVICE_ID})

    assert refused.ok and refused.output["success"] is False
    assert "Run Deactivate Device first" in refused.output["message"]
    assert deleted.output == {"success": True, "device_id": org.ATTACKER_DEVICE_ID}
    assert made(sim) == [("GET", DEVICE, 200), ("DELETE", DEVICE, 204)]
    assert org.ATTACKER_DEVICE_ID not in sim.store.devices


def test_a_classic_engine_org_is_told_it_lacks_identity_engine(plugin, sim):
    sim.control("POST", "/__sim/features", json={"identity_engine": False})

    run = plugin("suspend_device", {"device": org.ATTACKER_DEVICE_ID})

    assert not run.ok
    assert "does not have Identity Engine" in run.body["exception"]["cause"]
    assert made(sim) == [("GET", DEVICE, 401)]
    assert sim.store.devices[org.ATTACKER_DEVICE_ID]["status"] == "ACTIVE"


# -- authenticator enrollments -------------------------------------------------------------------
def test_list_authenticator_enrollments_shows_what_the_factors_list_misses(plugin, sim):
    run = plugin("list_authenticator_enrollments", {"user": org.JANE_LOGIN})

    requests = made(sim)
    factors = {f["id"] for f in okta_get(sim, "/api/v1/users/%s/factors" % org.JANE_ID)}

    assert run.ok and run.output["found"]
    ids = {e["id"] for e in run.output["enrollments"]}
    assert {org.ATTACKER_OV_ENROLLMENT_ID, org.JANE_WEBAUTHN_ENROLLMENT_ID} <= ids - factors
    assert run.output["count"] == len(ids)
    assert requests == [("GET", "/api/v1/users/" + org.JANE_LOGIN, 200), ("GET", JANE_ENROLLMENTS, 200)]


@pytest.mark.parametrize("disclose", [False, True])
def test_phone_numbers_are_masked_unless_disclosed(plugin, sim, disclose):
    run = plugin("list_authenticator_enrollments", {"user": org.JANE_LOGIN, "disclose_phone": disclose})

    phones = [e["profile"]["phoneNumber"] for e in run.output["enrollments"] if e["type"] == "phone"]
    assert phones and all(("XXX" in number) is not disclose for number in phones)


def test_delete_authenticator_enrollment_removes_it_and_a_second_run_reports_it_missing(plugin, sim):
    params = {"user": org.JANE_LOGIN, "enrollment_id": org.ATTACKER_OV_ENROLLMENT_ID}
    first = plugin("delete_authenticator_enrollment", params)
    second = plugin("delete_authenticator_enrollment", params)

    assert first.output == {"success": True}
    assert second.ok and second.output["success"] is False
    enrollment = JANE_ENROLLMENTS + "/" + org.ATTACKER_OV_ENROLLMENT_ID
    lookup = ("GET", "/api/v1/users/" + org.JANE_LOGIN, 200)
    assert made(sim) == [lookup, ("DELETE", enrollment, 204), lookup, ("DELETE", enrollment, 404)]
    assert org.ATTACKER_OV_ENROLLMENT_ID not in {e["id"] for e in okta_get(sim, JANE_ENROLLMENTS)}


# -- number-matching push ------------------------------------------------------------------------
def waiting_for(pushed: dict) -> dict:
    """Wait for Push's input from Start Push's output, as a playbook wires them."""
    return {"user": pushed["user_id"], "factor_id": pushed["factor_id"], "transaction_id": pushed["transaction_id"]}


def start(plugin, sim) -> dict:
    run = plugin("start_push", {"user": org.JOHN_LOGIN})
    assert run.ok, run.body
    return run.output


def test_start_push_sends_one_number_matching_challenge_and_returns_its_number(plugin, sim):
    pushed = start(plugin, sim)

    transaction = sim.store.transactions[pushed["transaction_id"]]
    assert pushed["correct_answer"] == transaction["correct_answer"]
    assert (pushed["user_id"], pushed["factor_id"]) == (org.JOHN_ID, org.JOHN_PUSH_FACTOR_ID)
    assert transaction["result"] == "WAITING" and transaction["polls"] == 0
    assert made(sim) == [
        ("GET", "/api/v1/users/" + org.JOHN_LOGIN, 200),
        ("GET", "/api/v1/users/%s/factors" % org.JOHN_ID, 200),
        ("POST", JOHN_FACTOR + "/verify", 201),
    ]
    assert parse_qs(sim.requests()[-1]["query"]) == {"tokenLifetimeSeconds": ["300"]}


@pytest.mark.parametrize("pick, verdict", [("correct", "SUCCESS"), ("wrong", "REJECTED")])
def test_the_user_picking_the_number_decides_the_verdict(plugin, sim, pick, verdict):
    pushed = start(plugin, sim)
    number = pushed["correct_answer"] if pick == "correct" else pushed["correct_answer"] % 99 + 10
    sim.control("POST", "/__sim/push/" + pushed["transaction_id"], json={"picked": number})
    sim.control("DELETE", "/__sim/requests")

    run = plugin("wait_for_push", waiting_for(pushed))

    assert run.ok and run.output == {"found": True, "factor_result": verdict}
    assert made(sim) == [
        ("GET", "/api/v1/users/" + org.JOHN_ID, 200),
        ("GET", JOHN_FACTOR + "/transactions/" + pushed["transaction_id"], 200),
    ]


def test_a_challenge_nobody_answers_in_time_is_reported_as_timed_out(plugin, sim):
    pushed = start(plugin, sim)
    sim.control("POST", "/__sim/clock", json={"advance": 301})

    run = plugin("wait_for_push", waiting_for(pushed))

    assert run.output == {"found": True, "factor_result": "TIMEOUT"}
    assert sim.store.transactions[pushed["transaction_id"]]["result"] == "TIMEOUT"


def test_wait_for_push_of_a_transaction_okta_does_not_know_is_found_false(plugin, sim):
    run = plugin(
        "wait_for_push",
        {"user": org.JOHN_LOGIN, "factor_id": org.JOHN_PUSH_FACTOR_ID, "transaction_id": "v2mNoSuchTransact1d7"},
    )

    assert run.ok and run.output["found"] is False
    assert made(sim) == [
        ("GET", "/api/v1/users/" + org.JOHN_LOGIN, 200),
        ("GET", JOHN_FACTOR + "/transactions/v2mNoSuchTransact1d7", 404),
    ]
