"""Shared pieces of the benchmarks: result rows, the machine section, a simulator subprocess,
plugin start messages, and small statistics helpers.

Every server started here listens on 127.0.0.1 and is stopped by the code that started it,
through its own process handle (never by name).
"""

import datetime as dt
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / ".work"
PY = sys.executable
PLUGIN_BIN = [PY, str(ROOT / "bin" / "komand_okta")]
TOKEN = "bench-token"  # the token bench/sim_throughput.py's clients send


@dataclass
class Row:
    """One figure: what was measured, against what, the ratio, the target and the verdict."""

    name: str
    measured: str
    reference: str = "—"
    ratio: str = "—"
    target: str = "—"
    status: str = "info"  # pass | FAIL | info | skip

    def cells(self):
        return [self.name, self.measured, self.reference, self.ratio, self.target, self.status]


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def fmt_ratio(x: float) -> str:
    return "%.2f×" % x if x is not None else "—"


def median_and_spread(samples):
    """(median, 'min–max' text) of a list of seconds."""
    return statistics.median(samples), "%.3f–%.3f" % (min(samples), max(samples))


# -- machine -------------------------------------------------------------------------------
def machine() -> dict:
    model = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    return {
        "CPU": model or "unknown",
        "cores": str(os.cpu_count()),
        "memory": mem or "unknown",
        "load average (1, 5, 15 min) at the start": " ".join("%.2f" % x for x in os.getloadavg()),
        "OS": "%s %s" % (platform.system(), platform.release()),
        "Python": "%s (%s)" % (platform.python_version(), PY),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit measured": commit(),
    }


def commit() -> str:
    """The commit the benchmarks ran on, and whether the code they ran differed from it."""

    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "HEAD") or "unknown (not a git checkout)"
    changed = git("status", "--porcelain", "--", "komand_okta", "bench", "oktasim", "bin", "plugin.spec.yaml")
    return head + (
        " with uncommitted changes to %d file(s) under komand_okta, bench, oktasim, bin or the spec"
        % len(changed.splitlines())
        if changed
        else ""
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_with_root(extra_paths=()) -> dict:
    paths = [str(p) for p in extra_paths] + [str(ROOT)]
    if os.environ.get("PYTHONPATH"):
        paths.append(os.environ["PYTHONPATH"])
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths))


# -- the simulator as a subprocess ----------------------------------------------------------------
class Sim:
    def __init__(self, proc, url):
        self.proc, self.url, self.token = proc, url, TOKEN

    @property
    def headers(self):
        return {"Authorization": "SSWS " + TOKEN, "Accept": "application/json", "Content-Type": "application/json"}

    def control(self, method, path, body=None, timeout=300):
        if not path.startswith("/__sim"):
            path = "/__sim" + path
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            self.url + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def api(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=self.headers)
        with urllib.request.urlopen(req, timeout=60) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def requests(self):
        """The API request log (``/__sim/requests``)."""
        return self.control("GET", "/requests")

    def clear_requests(self):
        self.control("DELETE", "/requests")

    def api_requests(self):
        return [r for r in self.requests() if r["path"].startswith("/api/")]

    def connection(self) -> dict:
        return {"okta_url": self.url, "okta_key": {"secretKey": TOKEN}}


@contextmanager
def sim(org="demo", rate_limit=None, threads=8, **gen):
    """``python -m oktasim`` on 127.0.0.1 with a free port; stopped (SIGTERM, then kill) on exit."""
    cmd = [
        PY,
        "-m",
        "oktasim",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--org",
        org,
        "--token",
        TOKEN,
        "--threads",
        str(threads),
    ]
    if rate_limit:
        cmd += ["--rate-limit", rate_limit]
    for key, value in gen.items():
        cmd += ["--" + key.replace("_", "-"), str(value)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env_with_root(), stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        if "listening on" not in line:
            raise RuntimeError("oktasim did not start: %r" % line)
        yield Sim(proc, line.split()[3])
    finally:
        stop(proc)


def stop(proc, timeout=15):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- plugin messages --------------------------------------------------------------------------------
def action_message(sim_or_conn, action, params) -> dict:
    conn = sim_or_conn.connection() if hasattr(sim_or_conn, "connection") else sim_or_conn
    return {
        "type": "action_start",
        "version": "v1",
        "body": {"action": action, "meta": {}, "connection": conn, "input": params},
    }


def trigger_message(sim_or_conn, trigger, params, trigger_id="bench") -> dict:
    conn = sim_or_conn.connection() if hasattr(sim_or_conn, "connection") else sim_or_conn
    return {
        "type": "trigger_start",
        "version": "v1",
        "body": {
            "trigger": trigger,
            "meta": {"triggerId": trigger_id},
            "connection": conn,
            "input": params,
            "dispatcher": {"url": "http://127.0.0.1:1/unused", "webhook_url": ""},
        },
    }


def task_message(sim_or_conn, task, params, state, custom=None) -> dict:
    conn = sim_or_conn.connection() if hasattr(sim_or_conn, "connection") else sim_or_conn
    return {
        "type": "task_start",
        "version": "v1",
        "body": {
            "task": task,
            "meta": {},
            "connection": conn,
            "input": params,
            "state": state,
            "custom_config": custom or {},
        },
    }


class CountingDispatcher:
    """Stands in for the orchestrator: counts the trigger events (envelopes are still built)."""

    def __init__(self):
        self.events = 0
        self.items = 0

    def send(self, envelope):
        self.events += 1
        out = envelope["body"].get("output") or {}
        self.items += sum(len(v) for v in out.values() if isinstance(v, list)) or 1


def wait_http(url, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                resp.read()
                return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
