"""1. Start-up: a whole `bin/komand_okta run` of get_user against the simulator, next to two
references timed in the same run, interleaved round-robin so drift hits all three alike:

* `python -c "import requests"` (the floor: any Python plugin that talks HTTP pays it);
* `python -c "import insightconnect_plugin_runtime"` (Rapid7's runtime 6.6.0, in a throw-away
  venv under bench/.work/, created on first use and cached).

Each figure is the median wall time (process start to exit) of N runs. Target: our whole action
≤ 0.45 × their bare import.
"""

import json
import statistics
import subprocess
import time

from .common import PLUGIN_BIN, PY, ROOT, WORK, Row, action_message, env_with_root, fmt_ratio, sim, verdict

R7_VENV = WORK / "r7venv"
R7_PACKAGE = "insightconnect-plugin-runtime"
TARGET = 0.45
JANE_LOGIN = "jane.doe@example.com"


def ensure_r7_venv(log) -> str:
    python = R7_VENV / "bin" / "python"
    check = [str(python), "-c", "import insightconnect_plugin_runtime"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return str(python)
    log("creating %s and installing %s (cached for later runs)" % (R7_VENV, R7_PACKAGE))
    WORK.mkdir(parents=True, exist_ok=True)
    subprocess.run(["python3.11", "-m", "venv", str(R7_VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", R7_PACKAGE], check=True)
    subprocess.run(check, check=True)  # and compile the .pyc files once, outside the timing
    return str(python)


def r7_version(python: str) -> str:
    done = subprocess.run(
        [python, "-c", "import importlib.metadata as m; print(m.version(%r))" % R7_PACKAGE],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() or "?"


def timed(cmd, stdin=None, env=None) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd[:3], done.returncode, done.stderr[-500:] or done.stdout[-500:]))
    return elapsed


def run(quick=False, log=print):
    n = 5 if quick else 15
    r7_python = ensure_r7_venv(log)
    with sim(org="demo") as s:
        message = json.dumps(action_message(s, "get_user", {"email": JANE_LOGIN}))
        check = subprocess.run(PLUGIN_BIN + ["run"], input=message, capture_output=True, text=True, cwd=ROOT)
        body = json.loads(check.stdout)["body"]
        if check.returncode != 0 or not body["output"].get("found"):
            raise RuntimeError("get_user did not find Jane: %s" % check.stdout[-500:])
        env = env_with_root()
        cases = {
            "bare": [PY, "-c", "pass"],
            "requests": [PY, "-c", "import requests"],
            "r7": [r7_python, "-c", "import insightconnect_plugin_runtime"],
            "ours": PLUGIN_BIN + ["run"],
        }
        for cmd in cases.values():  # warm the page cache and .pyc files once
            timed(cmd, message if cmd is cases["ours"] else None, env)
        samples = {key: [] for key in cases}
        for _ in range(n):
            for key, cmd in cases.items():
                samples[key].append(timed(cmd, message if key == "ours" else None, env))
    med = {key: statistics.median(v) for key, v in samples.items()}
    spread = {key: "%.3f–%.3f s" % (min(v), max(v)) for key, v in samples.items()}
    ratio_ours = med["ours"] / med["r7"]
    log("startup medians: " + ", ".join("%s %.3f s" % (k, v) for k, v in med.items()))
    version = r7_version(r7_python)
    r7_ref = "%.3f s (Rapid7 runtime %s import)" % (med["r7"], version)
    return [
        Row(
            "`bin/komand_okta run` get_user vs Rapid7 runtime import (median of %d)" % n,
            "%.3f s (%s)" % (med["ours"], spread["ours"]),
            r7_ref,
            fmt_ratio(ratio_ours),
            "≤ %.2f×" % TARGET,
            verdict(ratio_ours <= TARGET),
        ),
        Row(
            "`python -c \"import requests\"` (floor) vs Rapid7 runtime import",
            "%.3f s (%s)" % (med["requests"], spread["requests"]),
            r7_ref,
            fmt_ratio(med["requests"] / med["r7"]),
            "— (issue: ≈ 0.25×)",
            "info",
        ),
        Row(
            "our get_user vs the requests floor",
            "%.3f s" % med["ours"],
            "%.3f s" % med["requests"],
            fmt_ratio(med["ours"] / med["requests"]),
            "—",
            "info",
        ),
        Row(
            "Rapid7 runtime import (spread)",
            "%.3f s (%s)" % (med["r7"], spread["r7"]),
            "%.3f s (`python -c pass`)" % med["bare"],
            fmt_ratio(med["r7"] / med["bare"]),
            "—",
            "info",
        ),
    ]
