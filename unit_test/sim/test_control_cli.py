"""Control API, org loading, the CLI process and the big-org generator."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import requests

from oktasim import orgs
from oktasim.orgs import demo as demo_org
from oktasim.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_demo_constants_are_okta_shaped_ids():
    for name in (
        "JANE_ID",
        "JOHN_ID",
        "PRIVILEGED_GROUP_ID",
        "BLOCKLIST_ZONE_ID",
        "JANE_PUSH_FACTOR_ID",
        "JANE_SMS_FACTOR_ID",
        "JANE_TOTP_FACTOR_ID",
        "SIEM_HOOK_ID",
        "SALESFORCE_APP_ID",
    ):
        assert len(getattr(demo_org, name)) == 20, name


def test_demo_org_has_every_status_and_the_story(sim):
    statuses = {u.status for u in sim.store.users.values()}
    assert statuses == {
        "STAGED",
        "PROVISIONED",
        "ACTIVE",
        "RECOVERY",
        "PASSWORD_EXPIRED",
        "LOCKED_OUT",
        "SUSPENDED",
        "DEPROVISIONED",
    }
    assert 45 <= len(sim.store.users) <= 60 and 10 <= len(sim.store.groups) <= 12
    assert sim.store.find_user(demo_org.JANE_LOGIN).id in sim.store.members[demo_org.PRIVILEGED_GROUP_ID]


def test_reset_restores_the_org_and_clears_request_log(api, sim):
    api.post(f"/api/v1/users/{demo_org.JANE_ID}/lifecycle/suspend")
    sim.control("POST", "/reset")
    assert api.get(f"/api/v1/users/{demo_org.JANE_ID}").json()["status"] == "ACTIVE"
    assert len(sim.requests()) == 1


def test_load_empty_org_keeps_builtins_and_admin(api, sim):
    sim.control("POST", "/org", json={"org": "empty"})
    assert [u["profile"]["login"] for u in api.get("/api/v1/users").json()] == ["admin@example.com"]
    assert [g["profile"]["name"] for g in api.get("/api/v1/groups").json()] == ["Everyone"]


def test_load_inline_org(api, sim):
    sim.control(
        "POST",
        "/org",
        json={
            "org": {
                "groups": [{"name": "G1"}],
                "users": [{"login": "x@example.com", "firstName": "X", "lastName": "Y", "groups": ["G1"]}],
            }
        },
    )
    assert api.get("/api/v1/users/x@example.com").json()["profile"]["firstName"] == "X"


def test_load_yaml_org_file(tmp_path):
    f = tmp_path / "org.yaml"
    f.write_text("users:\n  - {login: y@example.com, firstName: Y, lastName: Z, status: SUSPENDED}\n")
    s = Store()
    orgs.load(s, str(f))
    assert s.find_user("y@example.com").status == "SUSPENDED"


def test_state_inspection(sim):
    user = sim.control("GET", f"/state/users/{demo_org.JANE_LOGIN}")
    assert user["id"] == demo_org.JANE_ID and demo_org.PRIVILEGED_GROUP_ID in user["groups"]
    assert "password" not in user and user["has_password"] is True
    assert sim.control("GET", "/state")["users"] == len(sim.store.users)


def test_clock_advance_and_set(sim):
    before = sim.control("GET", "/clock")["epoch"]
    after = sim.control("POST", "/clock", json={"advance": 3600})["epoch"]
    assert 3599 < after - before < 3700
    assert (
        sim.control("POST", "/clock", json={"set": "2030-01-01T00:00:00.000Z", "freeze": True})["now"]
        == "2030-01-01T00:00:00.000Z"
    )


def test_timestamps_follow_the_sim_clock(api, sim):
    sim.control("POST", "/clock", json={"set": "2030-01-01T00:00:00.000Z", "freeze": True})
    r = api.post(f"/api/v1/users/{demo_org.JANE_ID}", json={"profile": {"title": "x"}})
    assert r.json()["lastUpdated"] == "2030-01-01T00:00:00.000Z"
    assert r.headers["Date"] == "Tue, 01 Jan 2030 00:00:00 GMT"


def test_simulated_login_and_lockout(api, sim):
    sim.control("POST", f"/users/{demo_org.JOHN_ID}/login", json={"ip": "198.51.100.7"})
    assert api.get(f"/api/v1/users/{demo_org.JOHN_ID}").json()["lastLogin"]
    sim.control("POST", f"/users/{demo_org.JOHN_ID}/lockout")
    assert api.get(f"/api/v1/users/{demo_org.JOHN_ID}").json()["status"] == "LOCKED_OUT"


def test_request_log_and_clear(api, sim):
    api.get("/api/v1/users?limit=1")
    last = sim.requests()[-1]
    assert {k: last[k] for k in ("method", "path", "query", "status")} == {
        "method": "GET",
        "path": "/api/v1/users",
        "query": "limit=1",
        "status": 200,
    }
    sim.control("DELETE", "/requests")
    assert sim.control("GET", "/requests") == []


def test_control_api_needs_no_token_and_is_not_under_api(sim):
    assert requests.get(sim.url + "/__sim/health").json()["ok"] is True


def test_set_tokens(sim):
    sim.control("POST", "/tokens", json={"tokens": ["other"]})
    r = requests.get(sim.url + "/api/v1/users?limit=1", headers={"Authorization": "SSWS other"})
    assert r.status_code == 200


def test_generator_makes_big_org_compactly():
    s = Store(seed=1)
    orgs.load(s, "generate", users=20000, group_size=10000)
    assert len(s.users) == 20001 and max(len(m) for g, m in s.members.items() if g != s.everyone_id) == 10000
    ids = list(s.users)
    assert all(len(i) == 20 and i.startswith("00u") for i in ids[:100])


def test_generator_is_deterministic_for_a_seed():
    a, b = Store(seed=3), Store(seed=3)
    orgs.load(a, "generate", users=50)
    orgs.load(b, "generate", users=50)
    assert list(a.users) == list(b.users)


def test_cli_prints_url_and_token_and_exits_zero_on_sigterm():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.Popen(
        [sys.executable, "-m", "oktasim", "--port", "0", "--token", "cli-token"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = p.stdout.readline()
        assert line.startswith("oktasim listening on http://127.0.0.1:") and "token=cli-token" in line
        url = line.split()[3]
        r = requests.get(url + "/api/v1/users/me", headers={"Authorization": "SSWS cli-token"}, timeout=5)
        assert r.status_code == 200
        p.send_signal(signal.SIGTERM)
        assert p.wait(timeout=10) == 0
    finally:
        if p.poll() is None:
            p.kill()
