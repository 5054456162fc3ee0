"""Rate limits (buckets on the sim clock, concurrency) and the deterministic fault plan."""

import threading

import pytest
import requests

from oktasim import faults as faults_mod
from oktasim import ratelimit as rl_mod
from oktasim.clock import Clock


def test_rate_limit_spec_parsing():
    buckets, conc = rl_mod.parse("/api/v1/users=100/10s,*=600/60s,GET /api/v1/logs=5/1m,concurrency=3")
    assert conc == 3
    assert [(b.pattern, b.limit, b.window) for b in buckets][-1] == ("*", 600, 60)
    assert any(b.method == "GET" and b.window == 60 for b in buckets)


def test_bad_rate_limit_spec_is_refused():
    with pytest.raises(rl_mod.SpecError):
        rl_mod.parse("/api/v1/users=lots")


def test_longest_pattern_wins_and_window_resets_on_clock():
    c = Clock(frozen_at=1000.0)
    lim = rl_mod.RateLimiter(c, "/api/v1/users=2/10s,*=100/60s")
    assert [lim.check("GET", "/api/v1/users/x")[0] for _ in range(3)] == [True, True, False]
    assert lim.check("GET", "/api/v1/groups")[0]
    c.advance(10)
    assert lim.check("GET", "/api/v1/users/x")[0]


def test_429_with_e0000047_and_headers(api, sim):
    sim.control("POST", "/ratelimit", json={"spec": "/api/v1/users=2/60s"})
    codes = [api.get("/api/v1/users?limit=1") for _ in range(3)]
    assert [r.status_code for r in codes] == [200, 200, 429]
    r = codes[2]
    assert r.json()["errorCode"] == "E0000047"
    assert r.headers["X-Rate-Limit-Limit"] == "2" and r.headers["X-Rate-Limit-Remaining"] == "0"
    assert int(r.headers["X-Rate-Limit-Reset"]) > 0 and "Date" in r.headers
    assert codes[0].headers["X-Rate-Limit-Remaining"] == "1"


def test_rate_limit_window_moves_with_sim_clock(api, sim):
    sim.control("POST", "/ratelimit", json={"spec": "*=1/60s"})
    api.get("/api/v1/users?limit=1")
    assert api.get("/api/v1/users?limit=1").status_code == 429
    sim.control("POST", "/clock", json={"advance": 61})
    assert api.get("/api/v1/users?limit=1").status_code == 200


def test_violation_is_logged_once_per_window(api, sim):
    sim.control("POST", "/ratelimit", json={"spec": "/api/v1/groups=1/60s"})
    for _ in range(4):
        api.get("/api/v1/groups")
    assert sum(e["eventType"] == "system.org.rate_limit.violation" for e in sim.store.logs) == 1


def test_rate_limit_off_by_default_but_headers_present(api):
    r = api.get("/api/v1/users?limit=1")
    assert int(r.headers["X-Rate-Limit-Remaining"]) > 0


def test_concurrency_limit_answers_429_with_zero_limit(sim):
    sim.control("POST", "/ratelimit", json={"spec": "concurrency=1"})
    sim.control("POST", "/faults", json={"spec": "/api/v1/groups*:slow=400"})
    h = sim.headers
    entered, release, results = threading.Event(), threading.Event(), []
    sim.app.slow_wait = lambda seconds: (entered.set(), release.wait(10))
    t = threading.Thread(target=lambda: results.append(requests.get(sim.url + "/api/v1/groups", headers=h)))
    t.start()
    assert entered.wait(10)  # the slow request now holds the only slot
    r = requests.get(sim.url + "/api/v1/users?limit=1", headers=h)
    release.set()
    t.join()
    assert (
        r.status_code == 429 and r.headers["X-Rate-Limit-Limit"] == "0" and r.headers["X-Rate-Limit-Remaining"] == "0"
    )
    assert results[0].status_code == 200


def test_fault_spec_parsing():
    rules = faults_mod.parse("/api/v1/users*:500@0.1,reset@0.02;POST /api/v1/zones*:seq=503,503,ok")
    assert rules[0].actions == [("500", None, 0.1), ("reset", None, 0.02)]
    assert rules[1].method == "POST" and [k for k, _ in rules[1].seq] == ["503", "503", "ok"]


def test_bad_fault_spec_is_refused():
    with pytest.raises(faults_mod.SpecError):
        faults_mod.parse("/api/v1/users*:explode")


def test_fault_plan_is_deterministic_for_a_seed():
    def run(seed):
        plan = faults_mod.FaultPlan("/api/*:500@0.3,503@0.2", seed)
        return [(f.kind if f else None) for f in (plan.decide("GET", "/api/v1/users") for _ in range(50))]

    assert run(7) == run(7) and run(7) != run(8)


def test_sequence_faults_then_ok(api, sim):
    sim.control("POST", "/faults", json={"spec": "/api/v1/zones*:seq=503,500,ok"})
    codes = [api.get("/api/v1/zones").status_code for _ in range(4)]
    assert codes == [503, 500, 200, 200]


def test_gateway_faults_are_html_500_is_okta_json(api, sim):
    sim.control("POST", "/faults", json={"spec": "/api/v1/zones*:seq=502,500"})
    r = api.get("/api/v1/zones")
    assert r.headers["Content-Type"].startswith("text/html")
    assert api.get("/api/v1/zones").json()["errorCode"] == "E0000009"


def test_reset_before_drops_connection_and_does_not_apply(api, sim, demo):
    sim.control("POST", "/faults", json={"spec": "POST /api/v1/users/*:seq=reset"})
    with pytest.raises(requests.ConnectionError):
        requests.post(f"{sim.url}/api/v1/users/{demo.JANE_ID}/lifecycle/suspend", headers=sim.headers)
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").json()["status"] == "ACTIVE"


def test_reset_after_drops_connection_but_applies(api, sim, demo):
    sim.control("POST", "/faults", json={"spec": "POST /api/v1/users/*:seq=reset_after"})
    with pytest.raises(requests.ConnectionError):
        requests.post(f"{sim.url}/api/v1/users/{demo.JANE_ID}/lifecycle/suspend", headers=sim.headers)
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").json()["status"] == "SUSPENDED"


def test_truncated_body_breaks_the_read(sim):
    sim.control("POST", "/faults", json={"spec": "/api/v1/users:seq=truncate"})
    with pytest.raises((requests.exceptions.ChunkedEncodingError, requests.ConnectionError)):
        requests.get(f"{sim.url}/api/v1/users", headers=sim.headers)


def test_slow_fault_holds_the_answer_for_its_delay_and_still_answers(api, sim):
    waits = []
    sim.app.slow_wait = waits.append
    sim.control("POST", "/faults", json={"spec": "/api/v1/users:slow=20"})
    assert api.get("/api/v1/users?limit=1").status_code == 200 and waits == [0.02]


def test_faults_json_plan_and_clear(api, sim):
    sim.control("POST", "/faults", json={"rules": [{"pattern": "/api/v1/idps*", "seq": ["504"]}]})
    assert api.get("/api/v1/idps").status_code == 504
    sim.control("DELETE", "/faults")
    sim.control("POST", "/faults", json={"rules": [{"pattern": "/api/v1/idps*", "seq": ["504"]}]})
    sim.control("DELETE", "/faults")
    assert api.get("/api/v1/idps").status_code == 200


def test_request_log_records_faults(api, sim):
    sim.control("POST", "/faults", json={"spec": "/api/v1/zones:seq=503"})
    api.get("/api/v1/zones")
    assert sim.requests()[-1]["fault"] == "503" and sim.requests()[-1]["status"] == 503
