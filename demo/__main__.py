"""The incident-response story, step by step, through `bin/komand_okta run`.

Jane Doe was phished: the attacker signed in from 203.0.113.66, had her consent to a fake "Mail
Sync Pro" app (grants and a refresh token), enrolled Okta Verify on their own PC, and holds her
Super Admin role. The playbook looks her up, plans the containment (Contain User, dry run),
contains her for real and shows the step-by-step report, runs it again to show that every door is
already shut, and blocks the attacker's IP while Monitor User Groups reports her removal from the
privileged group. To give the real Jane her account back it deactivates the attacker's PC and
confirms her identity with a number-matching push: the analyst tells her the number out of band
and she picks it (the simulator plays her part). A short hunt then undoes what the attacker left
in the org and turns ThreatInsight to blocking.

Every step is a real subprocess speaking the InsightConnect protocol to a local simulated Okta org;
the simulator and the trigger are stopped at the end and nothing is left running. Exits non-zero
if any step fails.
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
HIDDEN = ("_links", "_embedded", "credentials")
CONTAIN = {"user": org.JANE_LOGIN, "remove_from_groups": [org.PRIVILEGED_GROUP_ID], "remove_admin_roles": True}
MARKS = {"done": "✔", "already": "=", "would_do": "…", "skipped": "-", "failed": "✘"}


def main() -> int:
    with running_sim(org="demo") as sim, tempfile.TemporaryDirectory() as state_dir:
        connection = {"okta_url": sim.url, "okta_key": {"secretKey": sim.token}}
        print("Local Okta org running at %s (demo org)\n" % sim.url)
        story = Story(connection)
        watcher = story.start_trigger(state_dir)
        try:
            wait_for_baseline(sim)
            contain(story)
            story.trigger_event(watcher, org.JANE_ID)
            give_back(story, sim)
            hunt(story)
        finally:
            stop(watcher)
    print("\n%s" % ("All steps succeeded." if story.ok else "Some steps FAILED."))
    return 0 if story.ok else 1


def contain(story):
    """Find the phished user, plan the containment, contain her, check it holds, block the IP."""
    story.step(
        "Look up the phished user",
        "get_user",
        {"email": org.JANE_LOGIN},
        expect=lambda out: out["found"] and out["status"] == "ACTIVE",
        show=lambda out: ["%s, %s, last sign-in %s" % (out["profile"]["login"], out["status"], out["lastLogin"])],
    )
    story.step(
        "Plan her containment (dry run: reads only, no change)",
        "contain_user",
        dict(CONTAIN, dry_run=True),
        expect=lambda out: out["success"] and _statuses(out) <= {"would_do", "skipped"},
        show=report,
    )
    story.step(
        "Contain her",
        "contain_user",
        CONTAIN,
        expect=lambda out: out["success"] and _statuses(out) <= {"done", "skipped"},
        show=report,
        note="Suspended first so no new sign-in can start; the risk goes to HIGH last, once every door is shut.",
    )
    story.step(
        "Run the containment again",
        "contain_user",
        CONTAIN,
        expect=lambda out: out["success"] and _statuses(out) <= {"already", "skipped"},
        show=report,
        note="Every step reads whether its goal already holds: nothing is sent twice.",
    )
    story.step(
        "Block the attacker's IP",
        "update_blacklist_zones",
        {"name": org.BLOCKLIST_ZONE_NAME, "address": org.ATTACKER_IP, "blacklist_state": True},
        expect=lambda out: any(org.ATTACKER_IP in g["value"] for g in out["zone_list"]["gateways"]),
        show=lambda out: [
            "%s now blocks %s" % (out["zone_list"]["name"], ", ".join(g["value"] for g in out["zone_list"]["gateways"]))
        ],
    )


def give_back(story, sim):
    """Take the attacker's device out, then confirm the real Jane with a number-matching push."""
    story.step(
        "List her devices",
        "list_user_devices",
        {"user": org.JANE_LOGIN},
        expect=lambda out: org.ATTACKER_DEVICE_ID in {d["device"]["id"] for d in out["devices"]},
        show=lambda out: [
            "%s  %-16s %s"
            % (d["device"]["id"], d["device"]["profile"]["displayName"], d["device"]["profile"]["platform"])
            for d in out["devices"]
        ],
        note="%s is a Windows PC enrolled in Okta Verify during the attack." % org.ATTACKER_DEVICE_NAME,
    )
    story.step(
        "Deactivate the attacker's PC",
        "deactivate_device",
        {"device": org.ATTACKER_DEVICE_ID},
        expect=lambda out: out["success"] and out["status"] == "DEACTIVATED",
        note="Its Okta Verify enrollment goes with it.",
    )
    story.step(
        "Unsuspend her for the identity check",
        "unsuspend_user",
        {"email": org.JANE_LOGIN},
        expect=lambda out: out["success"],
        note="Okta pushes to no suspended user. Her sessions, tokens and grants are gone and her risk stays HIGH.",
    )
    story.step(
        "Push with number matching to her own phone",
        "start_push",
        {"user": org.JANE_LOGIN, "factor_id": org.JANE_PUSH_FACTOR_ID},
        expect=lambda out: out["success"] and isinstance(out["correct_answer"], int),
        note=lambda out: (
            "The analyst calls Jane on her known number: \"pick %s\". (Simulated: she does.)"
            % out.get("correct_answer")
        ),
    )
    push = story.last
    if push.get("transaction_id"):
        sim.control("POST", "/__sim/push/%s" % push["transaction_id"], json={"picked": push["correct_answer"]})
    story.step(
        "Wait for her answer",
        "wait_for_push",
        {"user": push.get("user_id"), "factor_id": push.get("factor_id"), "transaction_id": push.get("transaction_id")},
        expect=lambda out: out["factor_result"] == "SUCCESS",
        note="She picked the right number: it is really Jane, and she can reset her password.",
    )


def hunt(story):
    """What the attacker left in the org, found and undone (issue 13's hunting actions)."""
    story.step(
        "Hunt: list group rules",
        "list_group_rules",
        {},
        expect=lambda out: org.ROGUE_RULE_ID in {r["id"] for r in out["rules"]},
        show=lambda out: [
            "%-24s %-8s %s -> %s"
            % (
                r["name"],
                r["status"],
                r["conditions"]["expression"]["value"],
                ", ".join(g["name"] for g in r["assigned_groups"]),
            )
            for r in out["rules"]
        ],
    )
    story.step(
        "Hunt: list trusted origins",
        "list_trusted_origins",
        {},
        expect=lambda out: org.ROGUE_ORIGIN_ID in {o["id"] for o in out["trusted_origins"]},
        show=lambda out: ["%-16s %-8s %s" % (o["name"], o["status"], o["origin"]) for o in out["trusted_origins"]],
    )
    story.step(
        "Hunt: deactivate the rogue group rule",
        "deactivate_group_rule",
        {"rule": org.ROGUE_RULE_ID},
        expect=lambda out: out["success"] and out["rule"]["status"] == "INACTIVE",
        show=lambda out: ["%s is %s" % (out["rule"]["name"], out["rule"]["status"])],
    )
    story.step(
        "Hunt: set ThreatInsight to block",
        "set_threat_insight",
        {"action": "block"},
        expect=lambda out: out["success"] and out["threat_insight"]["action"] == "block",
        show=lambda out: ["ThreatInsight: %s" % out["threat_insight"]["action"]],
    )


def report(output) -> list:
    """Contain User's report, one line per step."""
    return [
        "%s %-9s %-19s %s" % (MARKS.get(s["status"], "?"), s["status"], s["step"], s["detail"])
        for s in output.get("steps") or []
    ]


class Story:
    def __init__(self, connection):
        self.connection, self.ok, self.count, self.last = connection, True, 0, {}

    def step(self, title, action, params, expect, note="", show=None):
        """Run one action; print its input, its output (`show(output)`'s lines, or the JSON) and the
        note (a text, or a function of the output)."""
        self.count += 1
        message = {
            "type": "action_start",
            "version": "v1",
            "body": {"action": action, "meta": {}, "connection": self.connection, "input": params},
        }
        done = subprocess.run([*BIN, "run"], input=json.dumps(message), capture_output=True, text=True, timeout=120)
        body = json.loads(done.stdout)["body"]
        passed = done.returncode == 0 and body["status"] == "ok" and _holds(expect, body.get("output"))
        self.ok &= passed
        self.last = body.get("output") or {}
        print("%s Step %d: %s" % ("✔" if passed else "✘", self.count, title))
        print("    action: %s" % action)
        print("    input:  %s" % json.dumps(params))
        if body["status"] != "ok":
            print("    error:  %s" % body.get("error"))
        elif show is not None and _holds(show, self.last):
            print("    output:\n      %s" % "\n      ".join(show(self.last)))
        else:
            print("    output: %s" % _indent(json.dumps(_trim(self.last), indent=2)))
        if note:
            print("    %s" % (note(self.last) if callable(note) else note))
        print()

    def start_trigger(self, state_dir):
        message = {
            "type": "trigger_start",
            "version": "v1",
            "body": {
                "trigger": "users_added_removed_from_group",
                "meta": {"triggerId": "demo"},
                "connection": self.connection,
                "dispatcher": {"url": "", "webhook_url": ""},
                "input": {"group_ids": [org.PRIVILEGED_GROUP_ID], "interval": 1},
            },
        }
        process = subprocess.Popen(
            [*BIN, "--debug", "--state-dir", state_dir, "run"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
        )
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
        print(
            "%s Step %d: Monitor User Groups reports her removal from %s"
            % ("✔" if passed else "✘", self.count, org.PRIVILEGED_GROUP_NAME)
        )
        print("    trigger: users_added_removed_from_group")
        if event:
            for group in event["users_removed_from_groups"]:
                print(
                    "    event:   removed from %s: %s"
                    % (
                        group.get("group_name") or group.get("group_id"),
                        ", ".join(u["profile"]["login"] for u in group["users"]),
                    )
                )
        else:
            print("    event:   none within %ds" % TRIGGER_WAIT)
        print()


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


def _statuses(output) -> set:
    return {s["status"] for s in output["steps"]}


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
