"""3. Requests per job: HTTP requests made ÷ the minimum possible, for each list action and the
polling triggers/task, on a generated org of 10,000 users (a 10,000-member group, 1,200 users
assigned to an app, 2,500 System Log events, 450 users created between trigger polls).

Counts come from the simulator's request log. The minimum is ceil(items / max page) requests
on the list's endpoint (at least 1), with the page sizes Okta documents: users 200, groups
10,000, group members 1,000 (Okta's default; no maximum is documented), apps 200, app users
500, logs 1,000, identity providers 200; un-paged lists (roles, factors, user types, event
hooks, a user's groups) 1. The ratio is taken on the list endpoint; other requests a job makes
(resolving a name to an id, reading a group's name, the server's time) are shown next to it.

Actions and triggers run in this process (Plugin.handle, TriggerRunner with max_polls=1) against
the simulator in a subprocess, so only the plugin's requests reach it.
"""
import math
import re
import tempfile
from pathlib import Path

from komand_okta.runtime.plugin import Plugin
from komand_okta.runtime.triggers import TriggerRunner

from .common import CountingDispatcher, Row, action_message, sim, task_message, trigger_message

NEW_USERS = 450
APP_USERS = 1200  # users assigned to the first app (Okta pages app users at up to 500)
LOG_EVENTS = 2500


def count_items(output) -> int:
    if not isinstance(output, dict):
        return 0
    lists = [len(v) for v in output.values() if isinstance(v, list)]
    return max(lists) if lists else 0


class Bench:
    def __init__(self, s):
        self.s = s
        self.plugin = Plugin(stderr=open("/dev/null", "w"))
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
        (envelope, ok), sent = self.counted(lambda: self.plugin.handle(
            trigger_message(self.s, trigger, params, trigger_id), trigger_runner=runner))
        if not ok:
            raise RuntimeError("%s failed: %s" % (trigger, envelope["body"].get("error")))
        return dispatcher, sent


def shape(path: str) -> str:
    """A request path with its ids replaced by {id}."""
    return re.sub(r"/(00u|00g|0oa|nzo|who|rol|ufs|00p|guo|pol|0pr|jrc|gu)[A-Za-z0-9]{8,}", "/{id}", path)


def row(name, sent, endpoint, items, page, note=""):
    on_list = [r for r in sent if re.fullmatch(endpoint, r["path"])]
    other = len(sent) - len(on_list)
    if other and not note:
        note = ", ".join(sorted({"%s %s" % (r["method"], shape(r["path"])) for r in sent if r not in on_list}))
    minimum = max(1, math.ceil(items / page)) if page else 1
    ratio = len(on_list) / minimum
    measured = "%d on the list (+%d other%s)" % (len(on_list), other, (": " + note) if note else "") \
        if other else "%d" % len(on_list)
    return Row(name, measured, "%d = ceil(%d / %s)" % (minimum, items, page or "∞"),
               "%.2f" % ratio, "1.00", "pass" if len(on_list) == minimum else "FAIL")


def run(quick=False, log=print):
    users = 2000 if quick else 10_000
    rows = []
    with sim(org="generate", users=users, groups=20, group_size=users) as s:
        b = Bench(s)
        groups = s.control("GET", "/state/groups")
        big = next(g for g in groups if g["profile"]["name"] == "Group 0000")
        user = s.api("GET", "/api/v1/users?limit=1")[0]
        apps = s.api("GET", "/api/v1/apps")
        app = apps[0]
        uid, gid = user["id"], big["id"]
        app_users = APP_USERS // 2 if quick else APP_USERS
        active = [u for u in s.control("GET", "/state/users") if u.get("status") == "ACTIVE"]
        for u in active[:app_users]:
            s.api("POST", "/api/v1/apps/%s/users" % app["id"], {"id": u["id"]})

        jobs = [  # (action, input, list endpoint regex, page size; 0 = un-paged)
            ("list_users", {}, r"/api/v1/users", 200),
            ("list_users", {"search": 'status eq "ACTIVE"'}, r"/api/v1/users", 200),
            ("list_groups", {}, r"/api/v1/groups", 10000),
            ("list_group_members", {"group": gid}, r"/api/v1/groups/[^/]+/users", 1000),
            ("list_apps", {}, r"/api/v1/apps", 200),
            ("list_app_users", {"app": app["id"]}, r"/api/v1/apps/[^/]+/users", 500),
            ("list_user_apps", {"user": uid}, r"/api/v1/users/[^/]+/appLinks", 0),
            ("get_user_groups", {"user": uid}, r"/api/v1/users/[^/]+/groups", 0),
            ("list_roles", {"user": uid}, r"/api/v1/users/[^/]+/roles", 0),
            ("get_factors", {"user_id": uid}, r"/api/v1/users/[^/]+/factors", 0),
            ("list_zones", {}, r"/api/v1/zones", 0),
            ("list_event_hooks", {}, r"/api/v1/eventHooks", 0),
            ("list_policies", {"type": "OKTA_SIGN_ON"}, r"/api/v1/policies", 0),
            ("list_providers", {}, r"/api/v1/idps", 200),
            ("list_realms", {}, r"/api/v1/realms", 200),
            ("list_user_types", {}, r"/api/v1/meta/types/user", 0),
        ]
        for name, params, endpoint, page in jobs:
            try:
                output, sent = b.action(name, params)
            except Exception as exc:
                rows.append(Row("%s %s" % (name, params or ""), "error: %s" % exc, status="FAIL"))
                continue
            items = count_items(output)
            label = "%s%s: %d item(s)" % (name, " " + str(params) if name in ("list_users",) and params else "", items)
            rows.append(row(label, sent, endpoint, items, page))

        # get_logs: LOG_EVENTS events in the log, read them all
        since = s.control("GET", "/health")["now"]
        post_events(s, LOG_EVENTS, uid)
        output, sent = b.action("get_logs", {"since": since, "limit": LOG_EVENTS})
        rows.append(row("get_logs (limit %d): %d event(s)" % (LOG_EVENTS, count_items(output)), sent,
                        r"/api/v1/logs", count_items(output), 1000))

        # Monitor User Groups on the whole-org group
        for label in ("baseline", "no change"):
            d, sent = b.poll("users_added_removed_from_group", {"group_ids": [gid], "interval": 300}, "rpj-group")
            rows.append(row("users_added_removed_from_group, %s poll, %d members" % (label, users), sent,
                            r"/api/v1/groups/[^/]+/users", users, 1000, "GET /groups/{id} for the name"))

        # New Users / Updated Users: baseline, then NEW_USERS created
        for trig in ("new_users", "updated_users"):
            b.poll(trig, {"interval": 60}, "rpj-" + trig)
        for i in range(NEW_USERS):
            s.api("POST", "/api/v1/users?activate=false",
                  {"profile": {"firstName": "New", "lastName": "User%d" % i, "login": "new%d@example.com" % i,
                               "email": "new%d@example.com" % i}})
        for trig in ("new_users", "updated_users"):
            d, sent = b.poll(trig, {"interval": 60}, "rpj-" + trig)
            rows.append(row("%s, poll after %d users were created: %d event(s)" % (trig, NEW_USERS, d.events),
                            sent, r"/api/v1/users", d.events, 200))

        # New System Logs: the first poll fixes the start, the second reads
        start = s.control("GET", "/health")["now"]
        d, sent = b.poll("new_system_logs", {"interval": 60, "since": start}, "rpj-logs")
        post_events(s, LOG_EVENTS, uid)
        d, sent = b.poll("new_system_logs", {"interval": 60, "since": start}, "rpj-logs")
        rows.append(row("new_system_logs, poll after %d events: %d event(s)" % (LOG_EVENTS, d.events), sent,
                        r"/api/v1/logs", d.events, 1000))

        # Monitor Logs task: runs until has_more_pages is false
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
        rows.append(row("monitor_logs task, %d run(s) until has_more_pages=false: %d event(s)" % (runs, total),
                        [r for r in sent_all if r["query"] and "limit=1&" not in r["query"] + "&"] +
                        [r | {"path": "(server time)"} for r in sent_all if "limit=1&" in (r["query"] or "") + "&"],
                        r"/api/v1/logs", total, 1000, "GET /logs?limit=1 for the server's time"))
    notes = ["Org: `--org generate --users %d --groups 20 --group-size %d`; a plain user list hides DEPROVISIONED "
             "users, so it holds fewer than %d." % (users, users, users),
             "The Monitor User Groups poll also reads the group (GET /groups/{id}) every poll, to keep the name "
             "current and to turn a deleted group into an error: ceil(members/1000) + 1 requests in all."]
    return rows, notes


def post_events(s, n, uid, batch=1000):
    for start in range(0, n, batch):
        s.control("POST", "/events", {"events": [{"eventType": "user.session.start", "userId": uid}
                                                 for _ in range(min(batch, n - start))]})
