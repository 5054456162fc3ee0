"""The incident-response story, step by step, through `bin/komand_okta run`.

Jane Doe's account is compromised. The playbook looks her up, lists her factors, pushes an MFA
challenge (which she denies: it wasn't her), suspends her, clears her sessions and factors,
removes her from the privileged group and blocks the attacker's IP; meanwhile Monitor User
Groups reports her removal. Every step is a real subprocess speaking the InsightConnect protocol
to a local simulated Okta org; the simulator is stopped at the end and nothing is left running.
Exits non-zero if any step fails.
"""
import json
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from oktasim.orgs import demo as org
from oktasim.testing import running_sim

ROOT = Path(__file__).resolve().parents[1]
BIN = [sys.executable, str(ROOT / "bin" / "komand_okta")]
TRIGGER_WAIT = 30  # seconds to wait for the trigger's event after the removal
HIDDEN = ("_links", "credentials")


def main() -> int:
    with running_sim(org="demo") as sim, tempfile.TemporaryDirectory() as state_dir:
        connection = {"okta_url": sim.url, "okta_key": {"secretKey": sim.token}}
        print("Local Okta org running at %s (demo org)\n" % sim.url)
        story = Story(connection)
        watcher = story.start_trigger(state_dir)
        try:
            wait_for_baseline(sim)
            story.step("Look up the compromised user", "get_user", {"email": org.JANE_LOGIN},
                       expect=lambda out: out["found"] and out["status"] == "ACTIVE")
            user_id = story.last["id"]
            story.step("List her MFA factors", "get_factors", {"user_id": user_id},
                       expect=lambda out: any(f["factorType"] == "push" for f in out["factors"]))
            story.step("Push an MFA challenge to her phone", "send_push",
                       {"user_id": user_id, "factor_id": org.JANE_PUSH_FACTOR_ID},
                       expect=lambda out: out["factor_status"] == "REJECTED",
                       note="She denies it: the sign-in was not hers.")
            story.step("Suspend her account", "suspend_user", {"email": org.JANE_LOGIN},
                       expect=lambda out: out["success"])
            if story.has_action("clear_user_sessions"):
                story.step("Clear her sessions", "clear_user_sessions", {"user": org.JANE_LOGIN},
                           expect=lambda out: out["success"])
            story.step("Reset her MFA factors", "reset_factors", {"email": org.JANE_LOGIN},
                       expect=lambda out: out["success"])
            story.step("Remove her from the privileged group", "remove_user_from_group",
                       {"email": org.JANE_LOGIN, "group_id": org.PRIVILEGED_GROUP_ID},
                       expect=lambda out: out["success"])
            story.step("Block the attacker's IP", "update_blacklist_zones",
                       {"name": org.BLOCKLIST_ZONE_NAME, "address": org.ATTACKER_IP, "blacklist_state": True},
                       expect=lambda out: any(org.ATTACKER_IP in g["value"] for g in out["zone_list"]["gateways"]))
            story.trigger_event(watcher, user_id)
        finally:
            stop(watcher)
    print("\n%s" % ("All steps succeeded." if story.ok else "Some steps FAILED."))
    return 0 if story.ok else 1


class Story:
    def __init__(self, connection):
        self.connection, self.ok, self.count, self.last = connection, True, 0, {}

    def step(self, title, action, params, expect, note=""):
        self.count += 1
        message = {"type": "action_start", "version": "v1",
                   "body": {"action": action, "meta": {}, "connection": self.connection, "input": params}}
        done = subprocess.run(BIN + ["run"], input=json.dumps(message), capture_output=True, text=True, timeout=120)
        envelope = json.loads(done.stdout)
        body = envelope["body"]
        passed = done.returncode == 0 and body["status"] == "ok" and _holds(expect, body.get("output"))
        self.ok &= passed
        self.last = body.get("output") or {}
        print("%s Step %d: %s" % ("✔" if passed else "✘", self.count, title))
        print("    action: %s" % action)
        print("    input:  %s" % json.dumps(params))
        shown = body.get("output") if body["status"] == "ok" else {"error": body.get("error")}
        print("    output: %s" % _indent(json.dumps(_trim(shown), indent=2)))
        if note:
            print("    %s" % note)
        print()

    def has_action(self, key: str) -> bool:
        return (ROOT / "komand_okta" / "actions" / (key + ".py")).is_file()

    def start_trigger(self, state_dir):
        message = {"type": "trigger_start", "version": "v1",
                   "body": {"trigger": "users_added_removed_from_group", "meta": {"triggerId": "demo"},
                            "connection": self.connection, "dispatcher": {"url": "", "webhook_url": ""},
                            "input": {"group_ids": [org.PRIVILEGED_GROUP_ID], "interval": 1}}}
        process = subprocess.Popen(BIN + ["--debug", "--state-dir", state_dir, "run"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        process.stdin.write(json.dumps(message))
        process.stdin.close()
        print("Monitor User Groups is watching '%s' (every second)\n" % org.PRIVILEGED_GROUP_NAME)
        return process

    def trigger_event(self, watcher, user_id):
        self.count += 1
        deadline, event = time.monotonic() + TRIGGER_WAIT, None
        while event is None and select.select([watcher.stdout], [], [], max(0.0, deadline - time.monotonic()))[0]:
            line = watcher.stdout.readline()
            if not line:
                break
            output = json.loads(line)["body"].get("output") or {}
            removed = output.get("users_removed_from_groups") or []
            if any(u["id"] == user_id for g in removed for u in g["users"]):
                event = output
        passed = event is not None
        self.ok &= passed
        print("%s Step %d: Monitor User Groups reports the removal" % ("✔" if passed else "✘", self.count))
        print("    trigger: users_added_removed_from_group")
        print("    event:  %s" % _indent(json.dumps(_trim(event), indent=2) if event else "none within %ds" % TRIGGER_WAIT))


def wait_for_baseline(sim, timeout=20):
    """The trigger's first poll is its baseline; the story starts once it has happened."""
    path = "/api/v1/groups/%s/users" % org.PRIVILEGED_GROUP_ID
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(r["path"] == path and r["status"] == 200 for r in sim.requests()):
            time.sleep(0.3)  # let it save its state
            return
        time.sleep(0.1)
    raise SystemExit("The trigger did not start polling within %ds" % timeout)


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _holds(expect, output) -> bool:
    try:
        return bool(expect(output))
    except (KeyError, TypeError, IndexError):
        return False


def _trim(value):
    """The output without the bulky hypermedia links and credentials, for reading."""
    if isinstance(value, dict):
        return {k: _trim(v) for k, v in value.items() if k not in HIDDEN}
    if isinstance(value, list):
        return [_trim(v) for v in value]
    return value


def _indent(text: str) -> str:
    return text.replace("\n", "\n    ")


if __name__ == "__main__":
    sys.exit(main())
