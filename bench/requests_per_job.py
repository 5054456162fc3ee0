"""3. Requests per job: every HTTP request a job makes (lookups included) ÷ the fewest Okta allows,
and the memory a long list takes.

The minimum of a list is ceil(items / the spec's page maximum) requests on it (`spec_limits`,
read from Okta's official spec: groups 10,000, group members 1,000, app users 500, users 200,
logs 1,000, ...; 1 for a list Okta does not page by size); inputs are Okta IDs, so nothing else
is needed. Where a job needs more by nature, the row's reference says so and counts it: a push
is the verify and one poll per wait; a Monitor User Groups poll that reports a change also reads
the group's name and searches the users who left, 50 a request; reading the System Log's endless
polling stream to its end takes floor(events / 1,000) + 1 pages (only a short page shows the end);
the Monitor Logs task's first run reads Okta's time once. Every request comes from the simulator's request log; the row shows what
they were.

Sizes: 2,001 and 25,001 groups, a 1,500-member group, 10,000 users (a plain list hides the
DEPROVISIONED ones), 1,200 users of an app, 3,000 System Log events, 450 users created between
trigger polls, and a push approved on its second poll. Actions and triggers run in this process
(Plugin.handle; TriggerRunner with max_polls=1) against the simulator in a subprocess. Peak RSS is
measured apart: `bin/komand_okta run` of List Groups over 25,001 groups in a process of its own
(VmHWM), per 10,000 groups listed, with the peak after each stage of the run to show where the
memory goes.
"""

import json
import math
import os
import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from komand_okta.runtime.plugin import Plugin
from komand_okta.runtime.triggers import TriggerRunner
from oktasim.orgs import demo

from . import spec_limits
from .common import PY, ROOT, CountingDispatcher, Row, action_message, env_with_root, sim, task_message, trigger_message

NEW_USERS = 450
APP_USERS = 1200
GROUP_MEMBERS = 1500
LOG_EVENTS = 3000
CHANGES = 10  # members who join and leave before the change poll of Monitor User Groups
LEFT_PER_SEARCH = 50  # users who left, searched per request (okta/groups.REMOVED_BATCH)
RSS_TARGET_MB = 100  # List Groups over 25,001 groups


def count_items(output) -> int:
    if not isinstance(output, dict):
        return 0
    lists = [len(v) for v in output.values() if isinstance(v, list)]
    return max(lists) if lists else 0


def shape(path: str) -> str:
    """A request path with its ids replaced by {id}."""
    return re.sub(r"/(00u|00g|0oa|nzo|who|rol|ufs|opf|00p|guo|pol|0pr|jrc|gu|v2m)[A-Za-z0-9]{6,}", "/{id}", path)


def sent_text(sent) -> str:
    """What the requests were: `2 × GET /groups/{id}/users, 1 × GET /groups/{id}`."""
    counts = Counter("%s %s" % (r["method"], shape(r["path"]).replace("/api/v1", "")) for r in sent)
    return ", ".join("%d × %s" % (n, what) for what, n in counts.most_common())


class Pages:
    """Page maxima from the official spec (or, without ../shared, the plugin's own table)."""

    def __init__(self):
        if spec_limits.available():
            spec = spec_limits.load()
            self.of, self.source = (lambda key: spec_limits.page_maximum(spec, key)), "spec"
        else:
            from komand_okta.okta.http.paging import PAGE_MAXIMA

            self.of, self.source = PAGE_MAXIMA.get, "plugin table; ../shared absent"

    def minimum(self, items: int, key):
        """(requests, how): ceil(items / page) for a paged list, 1 for an unpaged one."""
        page = self.of(key) if key else None
        if not page:
            return 1, "1 (not paged)"
        return max(1, math.ceil(items / page)), "ceil(%d / %d)" % (items, page)

    def drained(self, items: int, key):
        """(requests, how) to read a stream to its end: the System Log's polling query always has a
        next link, so only a page shorter than asked for shows that nothing more is there."""
        page = self.of(key)
        return items // page + 1, "floor(%d / %d) + 1 (a short page ends the stream)" % (items, page)


def row(name, sent, minimum, how):
    n = len(sent)
    return Row(
        name,
        "%d: %s" % (n, sent_text(sent)),
        "%d = %s" % (minimum, how),
        "%.2f" % (n / minimum),
        "1.00",
        "pass" if n == minimum else "FAIL",
    )


class Bench:
    def __init__(self, s):
        self.s = s
        self.plugin = Plugin(stderr=open(os.devnull, "w"))
        self.state_dir = Path(tempfile.mkdtemp(prefix="bench-rpj-"))

    def counted(self, fn):
        self.s.clear_requests()
        result = fn()
        return result, self.s.api_requests()

    def action(self, name, params):
        (envelope, ok), sent = self.counted(lambda: self.plugin.handle(action_message(self.s, name, params)))
        if not ok:
            raise RuntimeError("%s failed: %s" % (name, envelope["body"].get("error")))
        return envelope["body"]["output"], sent

    def poll(self, trigger, params, trigger_id):
        dispatcher = CountingDispatcher()
        runner = TriggerRunner(dispatcher=dispatcher, state_dir=self.state_dir, max_polls=1)
        (envelope, ok), sent = self.counted(
            lambda: self.plugin.handle(trigger_message(self.s, trigger, params, trigger_id), trigger_runner=runner)
        )
        if not ok:
            raise RuntimeError("%s failed: %s" % (trigger, envelope["body"].get("error")))
        return dispatcher, sent


def list_rows(b, pages, jobs):
    rows = []
    for name, params, key, label in jobs:
        try:
            output, sent = b.action(name, params)
        except Exception as exc:
            rows.append(Row("%s %s" % (name, label), "error: %s" % exc, status="FAIL"))
            continue
        items = count_items(output)
        minimum, how = pages.minimum(items, key)
        rows.append(row("%s%s: %d item(s)" % (name, label, items), sent, minimum, how))
    return rows


def org_rows(s, pages, quick, log):
    """Lists, triggers and the task on the generated org of 10,000 users."""
    b = Bench(s)
    big = next(g for g in s.control("GET", "/state/groups") if g["profile"]["name"] == "Group 0000")
    user = s.api("GET", "/api/v1/users?limit=1")[0]
    app = s.api("GET", "/api/v1/apps")[0]
    uid, gid = user["id"], big["id"]
    app_users = APP_USERS // 2 if quick else APP_USERS
    active = [u for u in s.control("GET", "/state/users") if u.get("status") == "ACTIVE"]
    for u in active[:app_users]:
        s.api("POST", "/api/v1/apps/%s/users" % app["id"], {"id": u["id"]})
    rows = list_rows(
        b,
        pages,
        [
            ("list_users", {}, "users", ""),
            ("list_users", {"search": 'status eq "ACTIVE"'}, "users", " (search)"),
            ("list_group_members", {"group": gid}, "groups/*/users", " (group ID)"),
            ("list_apps", {}, "apps", ""),
            ("list_app_users", {"app": app["id"]}, "apps/*/users", " (app ID)"),
            ("list_user_apps", {"user": uid}, None, " (user ID)"),
            ("get_user_groups", {"user": uid}, None, " (user ID)"),
            ("list_roles", {"user": uid}, None, " (user ID)"),
            ("get_factors", {"user_id": uid}, None, " (user ID)"),
            ("list_zones", {}, None, ""),
            ("list_event_hooks", {}, None, ""),
            ("list_policies", {"type": "OKTA_SIGN_ON"}, None, ""),
            ("list_providers", {}, "idps", ""),
            ("list_realms", {}, "realms", ""),
            ("list_user_types", {}, None, ""),
        ],
    )
    log_events = LOG_EVENTS // 2 if quick else LOG_EVENTS

    since = s.control("GET", "/health")["now"]
    post_events(s, log_events, uid)
    output, sent = b.action("get_logs", {"since": since, "limit": log_events})
    minimum, how = pages.minimum(count_items(output), "logs")
    rows.append(row("get_logs (limit %d): %d event(s)" % (log_events, count_items(output)), sent, minimum, how))

    members = len(member_ids(s, gid))
    trigger_input = {"group_ids": [gid], "interval": 300}
    for label in ("baseline", "no change"):
        d, sent = b.poll("users_added_removed_from_group", trigger_input, "rpj-group")
        minimum, how = pages.minimum(members, "groups/*/users")
        rows.append(row("users_added_removed_from_group, %s poll, %d members" % (label, members), sent, minimum, how))
    outsiders = [u["id"] for u in active if u["id"] not in set(member_ids(s, gid))][:CHANGES]
    for user_id in outsiders:
        s.api("PUT", "/api/v1/groups/%s/users/%s" % (gid, user_id))
    for user_id in member_ids(s, gid)[:CHANGES]:
        if user_id not in outsiders:
            s.api("DELETE", "/api/v1/groups/%s/users/%s" % (gid, user_id))
    d, sent = b.poll("users_added_removed_from_group", trigger_input, "rpj-group")
    list_min, how = pages.minimum(len(member_ids(s, gid)), "groups/*/users")
    searches = math.ceil(CHANGES / LEFT_PER_SEARCH)
    rows.append(
        row(
            "users_added_removed_from_group, poll after %d joined and %d left" % (CHANGES, CHANGES),
            sent,
            list_min + 1 + searches,
            "%s + 1 (the group's name) + %d (users who left, %d a search)" % (how, searches, LEFT_PER_SEARCH),
        )
    )

    for trig in ("new_users", "updated_users"):
        b.poll(trig, {"interval": 60}, "rpj-" + trig)
    for i in range(NEW_USERS):
        s.api(
            "POST",
            "/api/v1/users?activate=false",
            {
                "profile": {
                    "firstName": "New",
                    "lastName": "User%d" % i,
                    "login": "new%d@example.com" % i,
                    "email": "new%d@example.com" % i,
                }
            },
        )
    for trig in ("new_users", "updated_users"):
        d, sent = b.poll(trig, {"interval": 60}, "rpj-" + trig)
        minimum, how = pages.minimum(d.events, "users")
        rows.append(
            row("%s, poll after %d users were created: %d event(s)" % (trig, NEW_USERS, d.events), sent, minimum, how)
        )

    start = s.control("GET", "/health")["now"]
    b.poll("new_system_logs", {"interval": 60, "since": start}, "rpj-logs")
    post_events(s, log_events, uid)
    d, sent = b.poll("new_system_logs", {"interval": 60, "since": start}, "rpj-logs")
    minimum, how = pages.drained(d.events, "logs")
    rows.append(row("new_system_logs, poll after %d events: %d event(s)" % (log_events, d.events), sent, minimum, how))

    state, total, sent_all, runs = {}, 0, [], 0
    while True:
        s.clear_requests()
        envelope, ok = b.plugin.handle(task_message(s, "monitor_logs", {"lookback_hours": 1}, state))
        sent_all += s.api_requests()
        runs += 1
        body = envelope["body"]
        if not ok:
            raise RuntimeError("monitor_logs failed: %s" % body.get("error"))
        total += len(body.get("output") or [])
        state = body["state"]
        if not body.get("has_more_pages") or runs > 100:
            break
    minimum, how = pages.drained(total, "logs")
    rows.append(
        row(
            "monitor_logs task, %d run(s) until has_more_pages is false: %d event(s)" % (runs, total),
            sent_all,
            minimum + 1,
            how + " + 1 (Okta's time, on the first run)",
        )
    )
    note = "Org: `--org generate --users %d --groups 20 --group-size %d`." % (s.users, s.group_size)
    return rows, note


def member_ids(s, gid):
    return sorted(s.control("GET", "/state/memberships").get(gid) or [])


def push_rows(pages, log):
    """Push MFA Challenge on the demo org: John's push factor approves on the second poll."""
    with sim(org="demo") as s:
        b = Bench(s)
        output, sent = b.action("send_push", {"user_id": demo.JOHN_ID, "factor_id": demo.JOHN_PUSH_FACTOR_ID})
        log("send_push: %s, %s" % (output, sent_text(sent)))
        rows = [
            row(
                "send_push (user and factor IDs), approved on the second poll: %s" % output.get("factor_status"),
                sent,
                3,
                "1 verify + 2 polls",
            )
        ]
        output, sent = b.action("get_factors", {"user_id": demo.JANE_ID})
        rows.append(row("get_factors (user ID): %d factor(s)" % count_items(output), sent, 1, "1 (not paged)"))
    return rows


def groups_rows(pages, quick, log):
    """List Groups over 2,001 and 25,001 groups, and the peak RSS of listing 25,001."""
    rows, sizes = [], (2001,) if quick else (2001, 25001)
    with sim(org="generate", users=50, groups=sizes[0], group_size=1) as s:
        for size in sizes:
            if size != sizes[0]:
                s.control("POST", "/org", {"org": "generate", "users": 50, "groups": size, "group_size": 1})
            rows += list_rows(
                Bench(s), pages, [("list_groups", {}, "groups", " (%s groups generated)" % format(size, ","))]
            )
        rows += rss_rows(s, sizes[-1], log)
    return rows


RSS_CHILD = r'''
import json, os, sys
from pathlib import Path

def peak():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0

stages = []
from komand_okta.runtime import cli, plugin
import komand_okta.actions.list_groups as action

def probe(name, fn):
    def wrapped(*args, **kwargs):
        result = fn(*args, **kwargs)
        stages.append((name, peak()))
        return result
    return wrapped

action.Action.run = probe("groups read and shaped", action.Action.run)
plugin.Plugin._output = probe("output conformed to the spec", plugin.Plugin._output)
plugin.connection_masked = probe("envelope masked", plugin.connection_masked)
cli._write = probe("envelope written", cli._write)
stages.append(("imports", peak()))
code = cli.main(["run"], stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
print(json.dumps({"code": code, "peak": peak(), "stages": stages}), file=sys.stderr)
'''


def rss_rows(s, size, log):
    """Peak RSS of `bin/komand_okta run` List Groups over all groups, in its own process."""
    message = json.dumps(action_message(s, "list_groups", {}))
    done = subprocess.run(
        [PY, "-c", RSS_CHILD], input=message, capture_output=True, text=True, cwd=ROOT, env=env_with_root()
    )
    result = json.loads(done.stderr.strip().splitlines()[-1])
    total = len(s.control("GET", "/state/groups"))
    log("list_groups RSS: %s" % result)
    stages = "; ".join("%s %.0f MB" % (name, mb) for name, mb in result["stages"])
    return [
        Row(
            "list_groups of %s groups, peak RSS of the CLI process" % format(total, ","),
            "%.0f MB; %.1f MB per 10,000 groups listed above the %.0f MB after imports"
            % (result["peak"], (result["peak"] - result["stages"][0][1]) / (total / 10_000), result["stages"][0][1]),
            "peak after each stage: %s" % stages,
            "—",
            "< %d MB" % RSS_TARGET_MB,
            "pass" if result["peak"] < RSS_TARGET_MB and result["code"] == 0 else "FAIL",
        )
    ]


def run(quick=False, log=print):
    pages = Pages()
    users = 2000 if quick else 10_000
    rows = []
    with sim(org="generate", users=users, groups=20, group_size=GROUP_MEMBERS) as s:
        s.users, s.group_size = users, GROUP_MEMBERS
        org, note = org_rows(s, pages, quick, log)
    rows += org
    rows += push_rows(pages, log)
    rows += groups_rows(pages, quick, log)
    notes = [note, "Page maxima from the %s; the minimum of a list read by ID is its pages alone." % pages.source]
    return rows, notes


def post_events(s, n, uid, batch=1000):
    for start in range(0, n, batch):
        s.control(
            "POST",
            "/events",
            {"events": [{"eventType": "user.session.start", "userId": uid} for _ in range(min(batch, n - start))]},
        )
