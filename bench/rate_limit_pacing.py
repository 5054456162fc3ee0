"""4. Rate-limit pacing: `list_users` of ~20,000 users (100 pages of 200) while the simulator
limits GET /api/v1/users, and loops of separate `get_user` runs (CLI mode) and of web-mode
requests while it limits GET /api/v1/users/{id}, in real time (the simulator's real clock).

Runs, all against one simulator in the same run:

* unlimited: the same job(s) with no limit, which gives the work time T;
* ours ×1: one `bin/komand_okta run list_users` with the limit L requests per W seconds;
* ours ×4: four such processes at once, each listing a quarter of the users (`limit` 5,000), so
  the total work is the same 100 pages, sharing the same limit; they coordinate only through
  Okta's X-Rate-Limit-* headers;
* naive ×1 and ×4: the same pages with a plain `requests` loop that retries a 429 after an
  exponential backoff (0.5 s doubling, capped at 32 s, reset after a success), headers ignored.

Theoretical minimum. The simulator opens a window at the first request after the previous one
ended, so N requests need k = ceil(N / limit) windows, and request (k−1)·limit, the first of the
last window, cannot be sent before (k−1)·W after the first request. Measured on the same job(s)
without a limit: S, the start-up before the first request, and E, the time from request
(k−1)·limit to the end (the last window's requests and building the output). Then
bound = S + (k−1)·W + E: no run can be faster. (The formula used before, (k−1)·W + T·n/N with T the
unlimited time, scaled the start-up and the output, which happen once, by n/N; it is reported
beside it.)
429s are counted in the simulator's request log. Targets: one process within 5% of the bound
with zero 429s; four processes: no 429 storm (≤ 1 per window elapsed).

Separate runs share what they know of a window through a file in the state directory
(komand_okta/okta/http/windowfile.py). Each measurement gets a fresh, empty state directory, so
nothing carries over from the one before:

* CLI loops: 100 `bin/komand_okta run get_user` one after another, then four such loops of 25
  at once (targets: zero 429s for one loop, ≤ 1 per window for four); and, for reference, the one
  loop with a state directory it cannot write (each run then learns the window on its own);
* web mode: `bin/komand_okta http` (2 workers × 8 threads) and four clients posting get_user,
  100 actions in all (target: ≤ 1 per window).
"""

import json
import math
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from .common import (
    PLUGIN_BIN,
    PY,
    ROOT,
    Row,
    action_message,
    env_with_root,
    fmt_ratio,
    free_port,
    sim,
    stop,
    verdict,
    wait_http,
)

PATH = "/api/v1/users"
ONE_PROCESS_TARGET = 1.05
LOOP_RUNS = 100  # get_user runs per CLI or web-mode measurement, in all
USER_PATTERN = "GET /api/v1/users/*"
NAIVE = r'''
import sys, time, requests
url, token, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = requests.Session()
s.headers.update({"Authorization": "SSWS " + token, "Accept": "application/json"})
next_url, attempt, count = url + "/api/v1/users?limit=200", 0, 0
while next_url and count < wanted:
    r = s.get(next_url, timeout=60)
    if r.status_code == 429:
        time.sleep(min(32.0, 0.5 * 2 ** attempt))
        attempt += 1
        continue
    r.raise_for_status()
    attempt = 0
    count += len(r.json())
    if count >= wanted:
        break
    next_url = r.links.get("next", {}).get("url")
print(count)
'''


def sizes(quick):
    # a plain list hides DEPROVISIONED users (1 in 20 of the generated org): 21,050 → 20,000 listed (with the 2 built-in users)
    if quick:
        return {"users": 4208, "listed": 4000, "limit": 5, "window": 4}
    return {"users": 21050, "listed": 20000, "limit": 20, "window": 10}


def bound(requests_total, limit, window, work):
    """The earlier, proportional bound: (k−1)·W + T·n/N."""
    k = math.ceil(requests_total / limit)
    last = requests_total - (k - 1) * limit
    return (k - 1) * window + work * last / requests_total, k


def measured_bound(unlimited, limit, window):
    """(S + (k−1)·W + E, k, S, E) from the unlimited run's request times (see the module docstring)."""
    times = unlimited["times"]
    k = math.ceil(len(times) / limit)
    start = times[0] - unlimited["started"]
    end = unlimited["ended"] - times[(k - 1) * limit]
    return start + (k - 1) * window + end, k, start, end


def sim_offset(s) -> float:
    """The simulator's clock minus ours, in seconds (its request log is on its clock)."""
    from datetime import datetime

    now = datetime.fromisoformat(s.control("GET", "/health")["now"].replace("Z", "+00:00")).timestamp()
    return now - time.time()


def fresh_state(writable=True) -> dict:
    """The environment of a measurement's plugin processes: a new, empty state directory (or one
    that cannot be written, so nothing is shared)."""
    directory = Path(tempfile.mkdtemp(prefix="bench-pacing-"))
    if not writable:
        (directory / "file").write_text("")
        directory = directory / "file" / "state"
    return dict(env_with_root(), KOMAND_OKTA_STATE_DIR=str(directory))


def run_jobs(cmds, stdin=None):
    """Start all commands at once; (seconds until the last exits, [stdout])."""
    t0 = time.perf_counter()
    env = fresh_state()
    procs = [
        subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env
        )
        for cmd in cmds
    ]
    outs = [p.communicate(stdin)[0] for p in procs]
    took = time.perf_counter() - t0
    codes = [p.returncode for p in procs]
    return took, outs, codes


def run(quick=False, log=print):
    z = sizes(quick)
    rows, notes = [], []
    with sim(org="generate", users=z["users"], groups=1, group_size=0) as s:
        ours = PLUGIN_BIN + ["run"]

        def measure(label, who, procs, spec):
            # ×4: each process lists a quarter (list_users `limit`), so the total work is the same
            per = z["listed"] // procs
            message = json.dumps(action_message(s, "list_users", {} if procs == 1 else {"limit": per}))
            cmd = ours if who != "naive" else [PY, "-c", NAIVE, s.url, s.token, str(per if procs > 1 else 10**9)]
            if spec:
                s.control("POST", "/ratelimit", {"spec": spec})
            else:
                s.control("DELETE", "/ratelimit")
            s.clear_requests()
            offset, started = sim_offset(s), time.time()
            took, outs, codes = run_jobs([cmd] * procs, message if cmd is ours else None)
            sent = [r for r in s.requests() if r["path"] == PATH]
            times = sorted(r["time"] for r in sent if r["status"] == 200)
            n429 = sum(1 for r in sent if r["status"] == 429)
            ok = sum(1 for r in sent if r["status"] == 200)
            if cmd is ours:
                counts = [json.loads(o)["body"].get("output", {}).get("count") if o.strip() else None for o in outs]
            else:
                counts = [int(o) if o.strip().isdigit() else None for o in outs]
            log("%s: %.1f s, %d ok requests, %d 429s, listed %s, exit %s" % (label, took, ok, n429, counts, codes))
            return {
                "took": took,
                "ok": ok,
                "n429": n429,
                "counts": counts,
                "codes": codes,
                "times": times,
                "started": started + offset,
                "ended": started + offset + took,
            }

        results = {}
        for procs in (1, 4):
            spec = "GET %s=%d/%ds" % (PATH, z["limit"], z["window"])
            results[("unl", procs)] = measure("unlimited ours ×%d" % procs, "unl", procs, None)
            results[("ours", procs)] = measure("ours ×%d, %s" % (procs, spec), "ours", procs, spec)
            results[("naive", procs)] = measure("naive ×%d, %s" % (procs, spec), "naive", procs, spec)
        s.control("DELETE", "/ratelimit")
        rows_429 = get_user_rows(s, z, log)

    for procs in (1, 4):
        limit, window = z["limit"], z["window"]
        unl = results[("unl", procs)]
        pages = unl["ok"]
        minimum, k, start, end = measured_bound(unl, limit, window)
        proportional, _ = bound(pages, limit, window, unl["took"])
        for who in ("ours", "naive"):
            r = results[(who, procs)]
            ratio = r["took"] / minimum
            complete = all(c == unl["counts"][0] for c in r["counts"]) and not any(r["codes"])
            windows = r["took"] / window
            per_window = r["n429"] / windows
            name = "%s, %d process%s, limit %d/%ds%s" % (
                "komand_okta list_users" if who == "ours" else "naive requests loop (exp. backoff)",
                procs,
                "" if procs == 1 else "es sharing it",
                limit,
                window,
                "" if complete else " — INCOMPLETE",
            )
            if procs == 1:
                target, ok = "≤ %.2f×, 0 × 429" % ONE_PROCESS_TARGET, ratio <= ONE_PROCESS_TARGET and r["n429"] == 0
            else:
                target, ok = "≤ 1 × 429 per window", per_window <= 1.0
            rows.append(
                Row(
                    name,
                    "%.1f s, %d × 429 (%.1f per window)" % (r["took"], r["n429"], per_window),
                    "%.1f s bound = %.1f s start-up + %d × %d s + %.1f s after the last window opened "
                    "(proportional bound %.1f s: %s)"
                    % (minimum, start, k - 1, window, end, proportional, fmt_ratio(r["took"] / proportional)),
                    fmt_ratio(ratio),
                    target,
                    verdict(ok and complete) if who == "ours" else "info",
                )
            )
        rows.append(
            Row(
                "unlimited, %d process%s (work time T)" % (procs, "" if procs == 1 else "es"),
                "%.1f s for %d × %s users, %d requests" % (unl["took"], procs, unl["counts"][0], pages),
                "—",
                "—",
                "—",
                "info",
            )
        )
    rows += rows_429
    notes.append(
        "Bound = S + (k−1)·W + E with k = ceil(N/limit) windows for N requests; S (start-up to the first "
        "request) and E (from the first request of the last window to the end) measured on the same job(s) "
        "without a limit just before. The proportional bound (k−1)·W + T·n/N (T the unlimited time, n the "
        "last window's requests) is shown beside it."
    )
    notes.append(
        "Org: `--org generate --users %d` (a plain list hides DEPROVISIONED users); limit set per run "
        "through `POST /__sim/ratelimit`, which also starts fresh windows." % z["users"]
    )
    notes.append(
        "get_user loops: `%s=%d/%ds`; 429s per window = 429s ÷ (seconds taken ÷ window)."
        % (USER_PATTERN, z["limit"], z["window"])
    )
    return rows, notes


# -- get_user loops: CLI and web mode -----------------------------------------------------------------
def get_user_rows(s, z, log):
    """429s of get_user loops under a limit on GET /api/v1/users/{id}: CLI runs, and web mode."""
    runs = LOOP_RUNS // 4 if z["limit"] < 20 else LOOP_RUNS
    spec = "%s=%d/%ds" % (USER_PATTERN, z["limit"], z["window"])
    user = s.api("GET", "/api/v1/users?limit=1")[0]["id"]
    message = json.dumps(action_message(s, "get_user", {"email": user}))
    rows = []
    for loops, writable, label in (
        (1, True, "CLI: 1 loop of %d get_user runs" % runs),
        (4, True, "CLI: 4 loops of %d get_user runs at once" % (runs // 4)),
        (1, False, "CLI: 1 loop of %d get_user runs, state directory unwritable (nothing shared between runs)" % runs),
    ):
        env = fresh_state(writable)

        def loop(k, failures, count=runs // loops, env=env):
            for _ in range(count):
                done = subprocess.run(
                    PLUGIN_BIN + ["run"], input=message, capture_output=True, text=True, cwd=ROOT, env=env
                )
                failures.append(done.returncode)

        rows.append(
            limited(
                s,
                spec,
                z,
                label,
                loops,
                loop,
                log,
                target="0 × 429" if loops == 1 else "≤ 1 × 429 per window",
                reference=not writable,
            )
        )
    rows.append(web_row(s, spec, z, runs, message, log))
    return rows


def limited(s, spec, z, label, clients, work, log, target, reference=False):
    """Run `work(k, failures)` in `clients` threads at once under `spec`; a row of its 429s."""
    s.control("POST", "/ratelimit", {"spec": spec})
    s.clear_requests()
    failures = []
    threads = [threading.Thread(target=work, args=(k, failures)) for k in range(clients)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - t0
    s.control("DELETE", "/ratelimit")
    sent = [r for r in s.requests() if r["path"].startswith(PATH + "/")]
    n429 = sum(1 for r in sent if r["status"] == 429)
    per_window = n429 / (took / z["window"])
    errors = sum(1 for code in failures if code)
    log("%s: %.1f s, %d requests, %d × 429, %d failed" % (label, took, len(sent), n429, errors))
    ok = (n429 == 0 if target.startswith("0") else per_window <= 1.0) and errors == 0
    return Row(
        label,
        "%d × 429 (%.2f per window); %d requests in %.1f s%s"
        % (n429, per_window, len(sent), took, "; %d runs failed" % errors if errors else ""),
        "—",
        "—",
        "— (reference)" if reference else target,
        "info" if reference else verdict(ok),
    )


def web_row(s, spec, z, runs, message, log):
    """Four clients posting get_user to `bin/komand_okta http` (2 workers × 8 threads)."""
    port = free_port()
    server = subprocess.Popen(
        PLUGIN_BIN + ["http", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--threads", "8"],
        cwd=ROOT,
        env=fresh_state(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = "http://127.0.0.1:%d" % port
        wait_http(url + "/api/v1/status")
        body = json.loads(message)

        def client(k, failures):
            session = requests.Session()
            for _ in range(runs // 4):
                answer = session.post(url + "/api/v1/actions/get_user", json=body, timeout=600)
                failures.append(0 if answer.ok and answer.json()["body"].get("status") == "ok" else 1)

        return limited(
            s, spec, z, "web mode: 4 clients, %d get_user actions" % runs, 4, client, log, target="≤ 1 × 429 per window"
        )
    finally:
        stop(server)


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv)[0]:
        print(row)
