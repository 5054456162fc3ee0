"""2. Web-server throughput: get_user actions/s through `bin/komand_okta http` (waitress) with 1,
4 and 16 concurrent clients, as a fraction of the simulator's own raw GET rate (the bound); then
the same server while SLOW_CLIENTS connections send their requests slowly and never finish.

Both rates are measured in the same run with the same client harness (one thread and one
`requests.Session` per client, keep-alive, a few seconds per level): the bound is
`GET /api/v1/users/{id}` straight to the simulator; the plugin figure is
`POST /api/v1/actions/get_user` with the v1 envelope, which makes exactly that GET to the same
simulator. `bench/sim_throughput.run` (separate client processes, raw http.client) is reported
too, as the simulator's rate with the lightest possible client.

Slow clients: half stop inside their headers (slowloris), half announce a body and send only its
start. With them held open, `GET /api/v1/status` is timed one request at a time (target: every
answer within 1 s) and get_user actions/s is measured again with 4 clients.
"""
import http.client
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
from .common import PLUGIN_BIN, ROOT, Row, action_message, env_with_root, free_port, sim, \
    stop, verdict, wait_http

LEVELS = (1, 4, 16)
ROUNDS = 3
SLOW_CLIENTS = 200
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
            client.sendall(b"POST /api/v1/actions/get_user HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{"
                           if k % 2 else b"GET /api/v1/status HTTP/1.1\r\nHost: x\r\nX-Slow: ")
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


def run(quick=False, log=print):
    seconds = 2.0 if quick else 5.0
    workers = max(2, os.cpu_count() or 2)
    threads = 8
    rows, notes = [], []
    with sim(org="demo", threads=16) as s:
        users = s.api("GET", "/api/v1/users?limit=200")
        ids = [u["id"] for u in users]
        logins = [u["profile"]["login"] for u in users]
        port = free_port()
        server = subprocess.Popen(PLUGIN_BIN + ["http", "--host", "127.0.0.1", "--port", str(port),
                                                "--workers", str(workers), "--threads", str(threads)],
                                  cwd=ROOT, env=env_with_root(), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            base = "http://127.0.0.1:%d" % port
            wait_http(base + "/api/v1/status")

            def raw_call(session, k):
                headers = s.headers

                def call(i=[k]):
                    i[0] += 1
                    return session.get(s.url + "/api/v1/users/" + ids[i[0] % len(ids)], headers=headers,
                                       timeout=30).status_code == 200
                return call

            def plugin_call(session, k):
                bodies = [json.dumps(action_message(s, "get_user", {"email": login})) for login in logins]
                headers = {"Content-Type": "application/json"}

                def call(i=[k]):
                    i[0] += 1
                    r = session.post(base + "/api/v1/actions/get_user", data=bodies[i[0] % len(bodies)],
                                     headers=headers, timeout=60)
                    return r.status_code == 200 and r.json()["body"]["output"]["found"]
                return call

            for clients in LEVELS:
                # alternate short slices of the two, so load from elsewhere on the box hits both alike
                raw, ours_all, sent = [], [], 0
                for _ in range(ROUNDS):
                    raw.append(drive(clients, seconds / ROUNDS, raw_call))
                    s.clear_requests()
                    ours_all.append(drive(clients, seconds / ROUNDS, plugin_call))
                    sent += len(s.api_requests())
                raw_rate, raw_err = sum(r[0] for r in raw) / ROUNDS, sum(r[1] for r in raw)
                ours, errors = sum(r[0] for r in ours_all) / ROUNDS, sum(r[1] for r in ours_all)
                ratio = ours / raw_rate
                log("web %d clients: plugin %.0f/s, sim raw %.0f/s (%.2f)" % (clients, ours, raw_rate, ratio))
                rows.append(Row("get_user actions/s via `komand_okta http`, %d client(s)" % clients,
                                "%.0f/s (%d errors)" % (ours, errors),
                                "%.0f GET/s sim raw, same harness (%d errors)" % (raw_rate, raw_err),
                                "%.2f" % ratio, "— (report)", "info"))
                notes.append("%d client(s): the simulator saw %.2f API requests per get_user action "
                             "(incl. each client's warm-up call)." % (clients, sent / max(1, ours * seconds)))
            rows += slow_client_rows(port, seconds, plugin_call, log)
        finally:
            stop(server)
        paths = ["/api/v1/users/%s" % i for i in ids]
        for clients in LEVELS:
            rps, errors = sim_throughput.run(s.url, paths, clients, seconds)
            rows.append(Row("sim raw GET/s, %d client process(es), http.client (bench/sim_throughput)" % clients,
                            "%.0f/s (%d errors)" % (rps, errors), "—", "—", "—", "info"))
    notes.append("plugin: waitress, %d workers × %d threads (`--workers %d --threads %d`); simulator: waitress with "
                 "16 threads; clients, server and simulator share the same %s cores."
                 % (workers, threads, workers, threads, os.cpu_count()))
    notes.append("Slow clients: %d connections held open part-way through their request (half in the headers, "
                 "half in an announced body) for the two slow-client rows." % SLOW_CLIENTS)
    return rows, notes


def slow_client_rows(port, seconds, plugin_call, log):
    """Status latency and get_user actions/s while SLOW_CLIENTS connections stall."""
    idle, _ = status_seconds(port)
    with slow_clients(port):
        took, failed = status_seconds(port)
        rate, errors = drive(4, seconds, plugin_call)
    worst = max(took)
    log("web with %d slow clients: status median %.1f ms, max %.1f ms (%d failed); get_user %.0f/s"
        % (SLOW_CLIENTS, statistics.median(took) * 1000, worst * 1000, failed, rate))
    return [Row("GET /api/v1/status with %d slow clients held, %d sequential probes" % (SLOW_CLIENTS, len(took)),
                "median %.1f ms, max %.1f ms, %d failed" % (statistics.median(took) * 1000, worst * 1000, failed),
                "median %.1f ms with no slow client" % (statistics.median(idle) * 1000), "—",
                "every answer < 1 s", verdict(failed == 0 and worst < 1.0)),
            Row("get_user actions/s via `komand_okta http`, 4 clients, %d slow clients held" % SLOW_CLIENTS,
                "%.0f/s (%d errors)" % (rate, errors), "the 4-client row above", "—", "— (report)", "info")]
