"""`make try ACTION=get_user`: run one step's sample against the local demo Okta org.

A new user's first question is "what does this action do?". This answers it in one line, with
nothing but a fresh clone: it starts the simulator's demo org (`python -m oktasim --org demo`
on a free loopback port), asks the plugin for the step's sample start message (`komand_okta
sample NAME`, built from the spec's examples, which are written against that org), points the
message's connection at the simulator, runs it (`komand_okta run`) and prints the envelope. The
simulator is stopped afterwards, whatever happens. A trigger runs until Ctrl-C, printing its
events (`--debug`).

Both the simulator and the plugin run as subprocesses of this Python, exactly as a user would
run them, so what works here works by hand: the lines printed to stderr say how.

    python -m demo.try_action NAME
"""

import json
import os
import re
import select
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = [sys.executable, str(ROOT / "bin" / "komand_okta")]
SIMULATOR = [sys.executable, "-m", "oktasim", "--org", "demo", "--port", "0"]
LISTENING = re.compile(r"listening on (?P<url>http://\S+) token=(?P<token>\S+)")
START_SECONDS = 30


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not argv[0].strip():
        print(
            "usage: make try ACTION=<action, trigger or task>   (python bin/komand_okta info lists them)",
            file=sys.stderr,
        )
        return 2
    sampled = subprocess.run(PLUGIN + ["sample", argv[0]], capture_output=True, text=True, cwd=ROOT)
    if sampled.returncode != 0:
        sys.stderr.write(sampled.stderr)
        return 2
    message = json.loads(sampled.stdout)
    simulator = subprocess.Popen(SIMULATOR, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        url, token = _address(simulator)
        message["body"]["connection"].update(okta_url=url, okta_key={"secretKey": token})
        print("Local Okta (oktasim demo org) at %s, token %s" % (url, token), file=sys.stderr)
        print("Input: %s" % json.dumps(message["body"]["input"]), file=sys.stderr)
        if message["type"] == "trigger_start":
            return _watch(message)
        return _run(message)
    finally:
        _stop(simulator)


def _address(simulator) -> tuple:
    """The URL and token from the simulator's first line; an error if it does not start."""
    ready, _, _ = select.select([simulator.stdout], [], [], START_SECONDS)
    line = simulator.stdout.readline() if ready else ""
    match = LISTENING.search(line)
    if not match:
        raise SystemExit("The local Okta did not start (python -m oktasim --org demo); is the venv installed?")
    return match.group("url"), match.group("token")


def _run(message) -> int:
    """One action or task: the envelope on stdout, the plugin's exit code."""
    done = subprocess.run(PLUGIN + ["run"], input=json.dumps(message), capture_output=True, text=True, cwd=ROOT)
    try:
        print(json.dumps(json.loads(done.stdout), indent=2))
    except ValueError:
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
    return done.returncode


def _watch(message) -> int:
    """A trigger: its events on stdout until Ctrl-C; its listener, if any, on loopback only."""
    print("The trigger polls until you press Ctrl-C.", file=sys.stderr)
    environment = dict(os.environ, KOMAND_OKTA_HOOK_HOST="127.0.0.1")
    with tempfile.TemporaryDirectory() as state_dir:
        trigger = subprocess.Popen(
            PLUGIN + ["--debug", "--state-dir", state_dir, "run"],
            stdin=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=environment,
        )
        trigger.stdin.write(json.dumps(message))
        trigger.stdin.close()
        try:
            return trigger.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            _stop(trigger)


def _stop(process) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    sys.exit(main())
