"""Benchmark: requests/s of the simulator for simple ``GET /api/v1/users/{id}``.

Starts ``python -m oktasim`` (demo org) as a subprocess, then drives it with 1
and 4 concurrent clients (separate processes, keep-alive ``http.client``
connections) for a few seconds each, and prints a markdown table.  Also
measures start-up time (process start until the URL line is printed).
Target: >= 1,500 GETs/s on a 2-core machine.  Not a test: no assertions.

    .venv/bin/python bench/sim_throughput.py [--seconds 5] [--threads 8] [--out FILE]
"""

import argparse
import http.client
import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"


def _client(url: str, paths: list, seconds: float, start_at: float, out: mp.Queue) -> None:
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    headers = {"Authorization": f"SSWS {TOKEN}", "Accept": "application/json"}
    while time.time() < start_at:
        time.sleep(0.001)
    n = errors = 0
    i = 0
    end = time.time() + seconds
    while time.time() < end:
        conn.request("GET", paths[i % len(paths)], headers=headers)
        resp = conn.getresponse()
        resp.read()
        if resp.status != 200:
            errors += 1
        n += 1
        i += 1
    conn.close()
    out.put((n, errors))


def run(url: str, paths: list, clients: int, seconds: float) -> tuple:
    q: mp.Queue = mp.Queue()
    start_at = time.time() + 0.5
    procs = [
        mp.Process(target=_client, args=(url, paths[k::clients] or paths, seconds, start_at, q)) for k in range(clients)
    ]
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    total = sum(r[0] for r in results)
    return total / seconds, sum(r[1] for r in results)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--out", default=None, help="append the markdown table to this file")
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "oktasim",
            "--port",
            "0",
            "--org",
            "demo",
            "--token",
            TOKEN,
            "--threads",
            str(args.threads),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    startup = time.monotonic() - t0
    url = line.split()[3]
    try:
        c = http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port)
        c.request("GET", "/api/v1/users?limit=200", headers={"Authorization": f"SSWS {TOKEN}"})
        ids = [u["id"] for u in json.loads(c.getresponse().read())]
        c.close()
        paths = [f"/api/v1/users/{i}" for i in ids]
        rows = []
        for clients in (1, 4):
            rps, errors = run(url, paths, clients, args.seconds)
            rows.append((clients, rps, errors))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
    table = ["| clients | GET /api/v1/users/{id} per s | errors |", "|---:|---:|---:|"]
    table += [f"| {c} | {rps:,.0f} | {e} |" for c, rps, e in rows]
    report = (
        f"oktasim throughput ({os.cpu_count()} CPUs, waitress threads={args.threads}, "
        f"{args.seconds:g} s per run); start-up to URL line: {startup:.2f} s\n\n" + "\n".join(table) + "\n"
    )
    print(report)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as fh:
            fh.write(report + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
