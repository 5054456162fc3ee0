"""2. Web-server throughput: get_user actions/s through `bin/komand_okta http` (waitress) with 1,
4 and 16 concurrent clients, side by side with the arrangement it replaced (gunicorn's gthread
worker serving the same WSGI app, same workers and threads) and with the simulator's own raw
GET rate (the bound); then the plugin while SLOW_CLIENTS connections never finish their request.

All rates are measured in the same run with the same client harness (one thread and one
`requests.Session` per client, keep-alive), in alternating slices (each server first in half of
them) so load from elsewhere on the box hits each alike: the bound is `GET /api/v1/users/{id}`
straight to the simulator; the two servers answer `POST /api/v1/actions/get_user` with the v1
envelope, which makes exactly that GET to the same simulator. The verdict is on the median of the
per-round ratios of the two servers' adjacent slices (paired), with their range and the ratio of
the totals beside it: on 2 shared cores one round's accept split or a burst of outside load moved
a single ratio of totals by ±6% between runs. Each server's CPU time per action (all its processes, from /proc) is
reported too: it is steadier than a rate on a shared machine. `bench/sim_throughput.run`
(separate client processes, raw http.client) gives the simulator's rate with the lightest client.

gunicorn is no longer a dependency: for the reference it is installed with pip into
bench/.work/gunicorn (`--target`, GUNICORN_VERSION, the version the plugin used) on first use.

Slow clients: half stop inside their headers (slowloris), half announce a body and send only its
start. With them held open, `GET /api/v1/status` is timed one request at a time (target: every
answer within 1 s) and get_user actions/s is measured again with 4 clients.
"""

import http.client
import itertools
import json
import os
import socket
import statistics
import subprocess
import threading
import time
from contextlib import contextmanager

import requests

from . import sim_throughput
from .common import (
    PLUGIN_BIN,
    PY,
    ROOT,
    WORK,
    Row,
    action_message,
    env_with_root,
    free_port,
    sim,
    stop,
    verdict,
    wait_http,
)

LEVELS = (1, 4, 16)
ROUNDS = 10  # alternating slices per level: more, shorter slices average out load from elsewhere
SLOW_CLIENTS = 200
GUNICORN_VERSION = "27.0.1"
GUNICORN_DIR = WORK / "gunicorn"
NO_DROP = 0.95  # median of the paired waitress ÷ gunicorn actions/s; what shared-machine noise allows below 1.00
STATUS_PROBES = 50


def drive(clients: int, seconds: float, make_call):
    """(calls/s, errors) with `clients` threads, each with its own Session, started together."""
    barrier = threading.Barrier(clients + 1)
    counts = [[0, 0] for _ in range(clients)]
    stop_at = [0.0]

    def worker(k):
        session = requests.Session()
        call = make_call(session, k)
        call()  # open the connection before the clock starts
        barrier.wait()
        n = errors = 0
        while time.perf_counter() < stop_at[0]:
            try:
                ok = call()
            except Exception:
                ok = False
            n += 1
            errors += 0 if ok else 1
        counts[k] = [n, errors]
        session.close()

    threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    stop_at[0] = time.perf_counter() + 3600
    barrier.wait()
    start = time.perf_counter()
    stop_at[0] = start + seconds
    for t in threads:
        t.join()
    took = time.perf_counter() - start
    return sum(c[0] for c in counts) / took, sum(c[1] for c in counts)


@contextmanager
def slow_clients(port: int, count: int = SLOW_CLIENTS):
    """`count` open connections to 127.0.0.1:port, each stopped part-way through its request."""
    sockets = []
    try:
        for k in range(count):
            client = socket.create_connection(("127.0.0.1", port), timeout=10)
            sockets.append(client)
            client.sendall(
                b"POST /api/v1/actions/get_user HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{"
                if k % 2
                else b"GET /api/v1/status HTTP/1.1\r\nHost: x\r\nX-Slow: "
            )
        yield sockets
    finally:
        for client in sockets:
            client.close()


def status_seconds(port: int, probes: int = STATUS_PROBES):
    """Seconds each of `probes` sequential GET /api/v1/status took (a new connection each), and
    how many did not answer 200 within 10 s."""
    took, failed = [], 0
    for _ in range(probes):
        start = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/api/v1/status")
            ok = connection.getresponse().status == 200
            connection.close()
        except OSError:
            ok = False
        took.append(time.perf_counter() - start)
        failed += 0 if ok else 1
    return took, failed


def gunicorn_path(log) -> list:
    """PYTHONPATH entries that let the plugin's Python import gunicorn (installed on first use)."""
    if subprocess.run([PY, "-c", "import gunicorn"], capture_output=True).returncode == 0:
        return []
    if not (GUNICORN_DIR / "gunicorn").is_dir():
        log("installing gunicorn==%s into %s for the reference" % (GUNICORN_VERSION, GUNICORN_DIR))
        subprocess.run(
            [
                PY,
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                "--target",
                str(GUNICORN_DIR),
                "gunicorn==%s" % GUNICORN_VERSION,
            ],
            check=True,
        )
    return [GUNICORN_DIR]


def server_commands(port_of, workers, threads):
    """name -> command line: the plugin as shipped, and the gthread arrangement it replaced."""
    return {
        "waitress": [
            *PLUGIN_BIN,
            "http",
            "--host",
            "127.0.0.1",
            "--port",
            str(port_of("waitress")),
            "--workers",
            str(workers),
            "--threads",
            str(threads),
        ],
        "gunicorn": [
            PY,
            "-m",
            "gunicorn",
            "--bind",
            "127.0.0.1:%d" % port_of("gunicorn"),
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--graceful-timeout",
            "30",
            "--timeout",
            "600",
            "--no-control-socket",
            "komand_okta.runtime.http:App()",
        ],
    }


def cpu_seconds(session_id: int) -> float:
    """User + system CPU seconds of every live process in the session (a server and its workers)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session_id:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def run(quick=False, log=print):
    seconds = 2.0 if quick else 15.0
    workers = max(2, os.cpu_count() or 2)
    threads = 8
    rows, notes = [], []
    ports = {}
    commands = server_commands(lambda name: ports.setdefault(name, free_port()), workers, threads)
    env = env_with_root(gunicorn_path(log))
    with sim(org="demo", threads=16) as s:
        users = s.api("GET", "/api/v1/users?limit=200")
        ids = [u["id"] for u in users]
        logins = [u["profile"]["login"] for u in users]
        servers = {}
        try:
            for name, command in commands.items():
                servers[name] = subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
                wait_http("http://127.0.0.1:%d/api/v1/status" % ports[name])

            def raw_call(session, k):
                headers = s.headers

                turn = itertools.count(k + 1)

                def call():
                    return (
                        session.get(
                            s.url + "/api/v1/users/" + ids[next(turn) % len(ids)], headers=headers, timeout=30
                        ).status_code
                        == 200
                    )

                return call

            def action_call(name):
                base = "http://127.0.0.1:%d" % ports[name]
                bodies = [json.dumps(action_message(s, "get_user", {"email": login})) for login in logins]
                headers = {"Content-Type": "application/json"}

                def make(session, k):
                    turn = itertools.count(k + 1)

                    def call():
                        r = session.post(
                            base + "/api/v1/actions/get_user",
                            data=bodies[next(turn) % len(bodies)],
                            headers=headers,
                            timeout=60,
                        )
                        return r.status_code == 200 and r.json()["body"]["output"]["found"]

                    return call

                return make

            for clients in LEVELS:
                # alternate short slices of all three, so load from elsewhere on the box hits each alike
                raw, rates, cpu, sent = [], {n: [] for n in servers}, dict.fromkeys(servers, 0.0), 0
                for round_ in range(ROUNDS):
                    raw.append(drive(clients, seconds / ROUNDS, raw_call))
                    # ABBA: each server goes first in half the rounds, so neither always follows the raw slice
                    order = list(servers.items())
                    for name, process in order if round_ % 2 == 0 else reversed(order):
                        s.clear_requests()
                        before = cpu_seconds(process.pid)
                        rates[name].append(drive(clients, seconds / ROUNDS, action_call(name)))
                        cpu[name] += cpu_seconds(process.pid) - before
                        sent += len(s.api_requests()) if name == "waitress" else 0
                raw_rate, raw_err = sum(r[0] for r in raw) / ROUNDS, sum(r[1] for r in raw)
                rate = {n: sum(r[0] for r in v) / ROUNDS for n, v in rates.items()}
                errors = {n: sum(r[1] for r in v) for n, v in rates.items()}
                per_action = {n: 1000 * cpu[n] / max(1, rate[n] * seconds) for n in servers}
                # one ratio per round, from the two servers' adjacent slices (paired), and their median:
                # a round where load from elsewhere or an uneven accept split hit one server counts once
                paired = sorted(w[0] / g[0] for w, g in zip(rates["waitress"], rates["gunicorn"], strict=True))
                ratio = statistics.median(paired)
                log(
                    "web %d clients: waitress %.0f/s (%.1f ms CPU each), gunicorn %.0f/s (%.1f ms), sim raw %.0f/s"
                    % (
                        clients,
                        rate["waitress"],
                        per_action["waitress"],
                        rate["gunicorn"],
                        per_action["gunicorn"],
                        raw_rate,
                    )
                )
                rows.append(
                    Row(
                        "get_user actions/s via `komand_okta http`, %d client(s)" % clients,
                        "%.0f/s (%d errors)" % (rate["waitress"], errors["waitress"]),
                        "%.0f/s gunicorn gthread, same app, side by side (%d errors)"
                        % (rate["gunicorn"], errors["gunicorn"]),
                        "%.2f (median of %d paired slices, %.2f–%.2f; of the totals %.2f)"
                        % (ratio, len(paired), paired[0], paired[-1], rate["waitress"] / rate["gunicorn"]),
                        "≥ %.2f (no drop)" % NO_DROP,
                        verdict(ratio >= NO_DROP),
                    )
                )
                rows.append(
                    Row(
                        "server CPU per get_user action, %d client(s)" % clients,
                        "%.2f ms" % per_action["waitress"],
                        "%.2f ms gunicorn gthread" % per_action["gunicorn"],
                        "%.2f" % (per_action["waitress"] / per_action["gunicorn"]),
                        "— (report)",
                        "info",
                    )
                )
                rows.append(
                    Row(
                        "sim raw GET/s, same harness, %d client(s)" % clients,
                        "%.0f/s (%d errors)" % (raw_rate, raw_err),
                        "—",
                        "%.2f plugin ÷ raw" % (rate["waitress"] / raw_rate),
                        "— (report)",
                        "info",
                    )
                )
                notes.append(
                    "%d client(s): the simulator saw %.2f API requests per get_user action "
                    "(incl. each client's warm-up call)." % (clients, sent / max(1, rate["waitress"] * seconds))
                )
            stop(servers.pop("gunicorn"))
            rows += slow_client_rows(ports["waitress"], seconds, action_call("waitress"), log)
        finally:
            for process in servers.values():
                stop(process)
        paths = ["/api/v1/users/%s" % i for i in ids]
        for clients in LEVELS:
            rps, errors = sim_throughput.run(s.url, paths, clients, seconds)
            rows.append(
                Row(
                    "sim raw GET/s, %d client process(es), http.client (bench/sim_throughput)" % clients,
                    "%.0f/s (%d errors)" % (rps, errors),
                    "—",
                    "—",
                    "—",
                    "info",
                )
            )
    notes.append(
        "plugin: waitress, %d workers × %d threads (`--workers %d --threads %d`); reference: gunicorn %s "
        "gthread, the same workers and threads, serving the same App; simulator: waitress with 16 threads; "
        "clients, servers and simulator share the same %s cores."
        % (workers, threads, workers, threads, GUNICORN_VERSION, os.cpu_count())
    )
    notes.append(
        "Slow clients: %d connections held open part-way through their request (half in the headers, "
        "half in an announced body) for the two slow-client rows." % SLOW_CLIENTS
    )
    return rows, notes


def slow_client_rows(port, seconds, plugin_call, log):
    """Status latency and get_user actions/s while SLOW_CLIENTS connections stall."""
    idle, _ = status_seconds(port)
    with slow_clients(port):
        took, failed = status_seconds(port)
        rate, errors = drive(4, seconds, plugin_call)
    worst = max(took)
    log(
        "web with %d slow clients: status median %.1f ms, max %.1f ms (%d failed); get_user %.0f/s"
        % (SLOW_CLIENTS, statistics.median(took) * 1000, worst * 1000, failed, rate)
    )
    return [
        Row(
            "GET /api/v1/status with %d slow clients held, %d sequential probes" % (SLOW_CLIENTS, len(took)),
            "median %.1f ms, max %.1f ms, %d failed" % (statistics.median(took) * 1000, worst * 1000, failed),
            "median %.1f ms with no slow client" % (statistics.median(idle) * 1000),
            "—",
            "every answer < 1 s",
            verdict(failed == 0 and worst < 1.0),
        ),
        Row(
            "get_user actions/s via `komand_okta http`, 4 clients, %d slow clients held" % SLOW_CLIENTS,
            "%.0f/s (%d errors)" % (rate, errors),
            "the 4-client row above",
            "—",
            "— (report)",
            "info",
        ),
    ]
