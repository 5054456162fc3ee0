"""Issue 6 §3, trigger soak: 300 polls per trigger against the simulator over real HTTP, with
random changes, faults, 429s and one restart in the middle; events must equal the true changes.

Size: 300 polls meet every weather dozens of times (`_assert_weather_really_happened` holds
each to a floor) at a fraction of the suite's time budget. Lists are read in pages of a few items
(`SMALL_PAGES`), so most polls cross several pages and a fault can strike between two pages of
one read.

Set-up (per trigger): the trigger runs in-process through `Plugin.handle` and the real
`TriggerRunner` (state file per triggerId in a temp dir, persisted only after delivery) with a
`SimClock` (conftest): the runner's interval waits and the client's backoff/429 waits are instant
in wall time and move the simulator's clock by the same amount, so rate-limit windows really reset.

Before every poll the harness (a `TriggerRunner` subclass hooking `_poll_once`):
1. clears faults and rate limits, makes random true changes over HTTP (membership PUT/DELETE,
   user creation, System Log events), then reads the GROUND TRUTH from the simulator's store;
2. picks this poll's weather: no faults, the suite's 10% 5xx + 2% resets (+ 429s), a heavy storm
   (most polls fail), a total outage of a path (the poll surely fails), or a tiny rate-limit window
   (429s the client must wait out via X-Rate-Limit-Reset);
3. runs the poll and records whether the runner kept its result (state saved) and which events
   the dispatcher received during it.
The changes never happen during a poll, so the truth at the start of poll k is what poll k saw.

Oracle (exact, not statistical). Let G(k) be the truth at the start of poll k and s1 < s2 < … the
polls whose result was kept (a failed poll sends nothing and keeps the previous state — also
across the restart, which only reloads the state file). Then:
* poll s1 is a baseline and sends nothing; every failed poll sends nothing;
* poll s(j) sends exactly the change between G(s(j-1)) and G(s(j)): for Monitor User Groups the
  (group, user) pairs added and removed; for New Users the users created in between; for New
  System Logs the log events written in between (matching the filter) — each once, none other.
Summed over the soak this gives: nothing missed (every change observed between two kept polls
is reported), nothing invented (every reported item is in the truth diff), nothing repeated
(diffs of consecutive kept polls are disjoint in time). A last fault-free poll flushes, so the
accumulated events reproduce the final truth from the baseline exactly.
(Membership that flips and flips back between two kept polls is, correctly, no change.)
"""

import io
import random

import pytest
import requests

from komand_okta.okta import groups, logs, users_cursor
from komand_okta.runtime.triggers import TriggerRunner
from oktasim.orgs import demo as org

from .conftest import FAULTS, SEED

POLLS = 300
RESTART_AT = POLLS // 2
INTERVAL = 30

# (module, page size constant, size): a group's members, a user search and the System Log are
# read a few items a page
SMALL_PAGES = [(groups, "MEMBERS_PAGE", 4), (users_cursor, "PAGE", 2), (logs, "MAX_PAGE", 2)]

WEATHER = [  # (weight, fault spec, rate-limit spec)
    (40, None, None),
    (35, FAULTS + ",429@0.02", None),
    (8, "*:500@0.3,503@0.2,reset_before@0.05,reset_after@0.05", None),
    (5, "GET /api/v1/*:seq=503,503,503,503,503,503", None),
    (12, None, "GET /api/v1/*=1/60s"),  # longer than the interval: 429s mid-poll and at its start
]


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    for module, name, size in SMALL_PAGES:
        monkeypatch.setattr(module, name, size)


class Collector:
    def __init__(self):
        self.events = []

    def send(self, envelope):
        assert envelope["type"] == "trigger_event"
        self.events.append(envelope["body"]["output"])


class SoakRunner(TriggerRunner):
    """The real runner, with a hook before each poll and a record of each poll's outcome."""

    def __init__(self, soak, **kwargs):
        super().__init__(**kwargs)
        self.soak = soak

    def _poll_once(self, step, params, state, output_schema, dispatcher, meta, log):
        self.soak.before_poll()
        sent = len(self.soak.collector.events)
        kept = super()._poll_once(step, params, state, output_schema, dispatcher, meta, log)
        self.soak.record(kept, self.soak.collector.events[sent:])
        return kept


class Soak:
    """Drives one trigger for POLLS polls (+1 flush), restarting once; subclasses make changes."""

    trigger = None

    def __init__(self, sim, inproc, tmp_path, seed):
        self.sim, self.inproc, self.state_dir = sim, inproc, tmp_path
        self.rng = random.Random(seed)
        self.http = requests.Session()
        self.http.headers.update(sim.headers)
        self.collector = Collector()
        self.polls = []  # (kept, events, truth, weather)
        self.truth = None
        self.weather = None
        self.flushing = False
        self.counts = {"kept": 0, "failed": 0, "429": 0}

    def api(self, method, path, **kwargs):
        response = self.http.request(method, self.sim.url + path, timeout=10, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    # -- per poll -------------------------------------------------------------------------
    def before_poll(self):
        app = self.sim.app
        app.faults.clear()  # the harness's own changes are not under faults (GET-only limits spare them)
        if self.polls and not self.flushing:
            self.change()
        self.truth = self.observe()
        if self.flushing:
            faults, limit = None, None
        else:
            _, faults, limit = self.rng.choices(WEATHER, weights=[w[0] for w in WEATHER])[0]
        self.weather = (faults, limit)
        if faults:
            app.faults.configure(faults, seed=SEED + len(self.polls))
        if limit != app.ratelimit.spec:  # an unchanged limit keeps its window running across polls
            app.ratelimit.configure(limit)
        if limit:  # another client of the org spends the window, so the poll meets 429s (not just pacing)
            for _ in range(2):
                self.http.get(self.sim.url + "/api/v1/groups", params={"limit": 1}, timeout=10)

    def record(self, kept, events):
        self.polls.append((kept, list(events), self.truth, self.weather))
        self.counts["kept" if kept else "failed"] += 1

    def run(self, params, polls, trigger_id="soak"):
        runner = SoakRunner(self, dispatcher=self.collector, state_dir=self.state_dir, max_polls=polls)
        stderr = io.StringIO()
        outcome = self.inproc.trigger(self.trigger, dict(params, interval=INTERVAL), runner, trigger_id, stderr)
        assert outcome.ok, outcome.text
        return stderr.getvalue()

    def soak(self, params):
        self.run(params, RESTART_AT)
        assert (self.state_dir / "soak.json").is_file()  # what the restarted runner must resume from
        # the restart: a new Plugin, connection, client and runner; only the state file carries over
        from .conftest import InProcess

        self.inproc = InProcess(self.sim)
        self.run(params, POLLS - RESTART_AT)
        self.flushing = True
        self.run(params, 1)
        self.counts["429"] = sum(1 for r in self.sim.requests() if r["status"] == 429)
        return self.polls

    # -- the oracle ------------------------------------------------------------------------
    def check(self):
        """Events of each poll == diff(truth at the previous kept poll, truth at this poll)."""
        kept_polls = [i for i, p in enumerate(self.polls) if p[0]]
        assert kept_polls, "no poll ever succeeded"
        assert self.polls[-1][0], "the final fault-free poll must succeed"
        previous = None
        for index, (kept, events, truth, weather) in enumerate(self.polls):
            if not kept:
                assert events == [], "poll %d failed yet sent %r" % (index, events)
                continue
            if previous is None:
                assert events == [], "the baseline poll %d sent %r" % (index, events)
            else:
                expected = self.diff(previous, truth)
                got = self.reported(events)
                assert got == expected, "poll %d (%s): got %r, expected %r" % (index, weather, got, expected)
            previous = truth

    def observe(self):
        raise NotImplementedError

    def change(self):
        raise NotImplementedError


# -- Monitor User Groups ------------------------------------------------------------------------
class GroupSoak(Soak):
    trigger = "users_added_removed_from_group"

    def setup(self):
        with self.sim.store.lock:
            by_name = {g["profile"]["name"]: gid for gid, g in self.sim.store.groups.items()}
            self.groups = [org.PRIVILEGED_GROUP_ID, by_name["Executives"], by_name["VPN Users"]]
            self.users = [u.id for u in self.sim.store.users.values() if u.status == "ACTIVE"][:12]
        return {"group_ids": self.groups}

    def change(self):
        for _ in range(self.rng.choice([0, 0, 1, 1, 2, 3])):
            group, user = self.rng.choice(self.groups), self.rng.choice(self.users)
            method = "PUT" if self.rng.random() < 0.5 else "DELETE"
            self.api(method, "/api/v1/groups/%s/users/%s" % (group, user))

    def observe(self):
        with self.sim.store.lock:
            return {g: frozenset(self.sim.store.members.get(g, {})) for g in self.groups}

    def diff(self, before, after):
        added = {(g, u) for g in self.groups for u in after[g] - before[g]}
        removed = {(g, u) for g in self.groups for u in before[g] - after[g]}
        return {"added": sorted(added), "removed": sorted(removed)}

    def reported(self, events):
        added, removed = [], []
        for event in events:
            for side, bucket in (("users_added_from_groups", added), ("users_removed_from_groups", removed)):
                for entry in event.get(side) or []:
                    bucket.extend((entry["group_id"], user["id"]) for user in entry["users"])
        assert len(added) == len(set(added)) and len(removed) == len(set(removed)), "repeated within a poll"
        return {"added": sorted(added), "removed": sorted(removed)}


def _summary(soak):
    return "%d polls kept, %d failed, %d answers 429" % (soak.counts["kept"], soak.counts["failed"], soak.counts["429"])


def _assert_weather_really_happened(soak):
    kept_under_faults = sum(1 for kept, _, _, weather in soak.polls if kept and weather[0])
    kept_under_429 = sum(1 for kept, _, _, weather in soak.polls if kept and weather[1])
    assert soak.counts["failed"] >= 5, _summary(soak)  # failed polls did happen (and were recovered)
    assert kept_under_faults >= 80 and kept_under_429 >= 20, _summary(soak)
    assert soak.counts["429"] >= 50, _summary(soak)  # 429s were answered and waited out
    faults = {r["fault"] for r in soak.sim.requests()}
    assert {"500", "503", "reset_before", "reset_after", "429"} <= faults


def test_monitor_user_groups_soak_events_equal_true_changes(sim, inproc, tmp_path):
    soak = GroupSoak(sim, inproc, tmp_path, seed=SEED)
    params = soak.setup()
    soak.soak(params)
    soak.check()
    _assert_weather_really_happened(soak)
    # accumulated: baseline + all reported additions - removals == final truth
    first = next(p for p in soak.polls if p[0])[2]
    net = {g: set(first[g]) for g in soak.groups}
    changes = 0
    for _kept, events, _, _ in soak.polls:
        got = soak.reported(events)
        for g, u in got["removed"]:
            assert u in net[g], "removal of a non-member reported"
            net[g].discard(u)
        for g, u in got["added"]:
            assert u not in net[g], "addition of a member reported"
            net[g].add(u)
        changes += len(got["added"]) + len(got["removed"])
    assert net == {g: set(m) for g, m in soak.observe().items()}
    assert changes >= 100, changes  # the soak did exercise many real changes


# -- New Users ------------------------------------------------------------------------------------
class NewUserSoak(Soak):
    trigger = "new_users"

    def setup(self):
        self.created = 0
        return {}

    def change(self):
        for _ in range(self.rng.choice([0, 0, 1, 1, 2])):
            self.created += 1
            login = "soak.%04d@example.com" % self.created
            self.api(
                "POST",
                "/api/v1/users?activate=false",
                json={"profile": {"login": login, "email": login, "firstName": "Soak", "lastName": str(self.created)}},
            )

    def observe(self):
        with self.sim.store.lock:
            return frozenset(self.sim.store.users)

    def diff(self, before, after):
        assert before <= after  # this soak only creates users
        return sorted(after - before)

    def reported(self, events):
        ids = [event["user"]["id"] for event in events]
        assert len(ids) == len(set(ids)), "repeated within a poll"
        return sorted(ids)


def test_new_users_soak_every_created_user_reported_exactly_once(sim, inproc, tmp_path):
    soak = NewUserSoak(sim, inproc, tmp_path, seed=SEED + 1)
    soak.soak(soak.setup())
    soak.check()
    _assert_weather_really_happened(soak)
    reported = [e["user"]["id"] for _, events, _, _ in soak.polls for e in events]
    first = next(p for p in soak.polls if p[0])[2]
    assert len(reported) == len(set(reported)) == soak.created - 0  # none twice, none missed
    assert set(reported) == soak.observe() - first
    assert soak.created >= 150


# -- New System Logs -------------------------------------------------------------------------------
WATCHED = "user.account.lock"
NOISE = "user.session.start"


class LogSoak(Soak):
    trigger = "new_system_logs"

    def setup(self):
        self.emitted = []
        return {"filter": 'eventType eq "%s"' % WATCHED}

    def change(self):
        batch = [
            {"eventType": self.rng.choice([WATCHED, WATCHED, NOISE]), "userId": org.JANE_ID}
            for _ in range(self.rng.choice([0, 0, 1, 1, 2, 3]))
        ]
        if batch:
            self.sim.control("POST", "/__sim/events", json={"events": batch})

    def observe(self):
        with self.sim.store.lock:
            return tuple(e["uuid"] for e in self.sim.store.logs if e.get("eventType") == WATCHED)

    def diff(self, before, after):
        assert after[: len(before)] == before  # the log only grows
        return list(after[len(before) :])

    def reported(self, events):
        return [event["log_event"]["uuid"] for event in events]

    def check(self):
        """As `Soak.check`, except that a kept poll may end between two pages: when a later page
        fails, New System Logs sends what it read and goes on from the failed page next poll.
        So each kept poll reports the next events of the truth, in order; all of them unless
        the poll met faults or 429s; and the next kept poll goes on exactly where it stopped."""
        assert any(p[0] for p in self.polls), "no poll ever succeeded"
        assert self.polls[-1][0], "the final fault-free poll must succeed"
        done = None  # how many of the truth's events are reported (or were there at the baseline)
        for index, (kept, events, truth, weather) in enumerate(self.polls):
            if not kept or done is None:
                assert events == [], "poll %d (a failed poll or the baseline) sent %r" % (index, events)
                done = len(truth) if kept else done
                continue
            got, pending = self.reported(events), list(truth[done:])
            assert got == pending[: len(got)], "poll %d (%s): got %r, expected the start of %r" % (
                index,
                weather,
                got,
                pending,
            )
            assert got == pending or any(weather), "poll %d stopped short without a fault" % index
            done += len(got)
        assert done == len(self.polls[-1][2])


def test_new_system_logs_soak_every_log_event_reported_exactly_once_in_order(sim, inproc, tmp_path):
    soak = LogSoak(sim, inproc, tmp_path, seed=SEED + 2)
    soak.soak(soak.setup())
    soak.check()
    _assert_weather_really_happened(soak)
    reported = [uuid for _, events, _, _ in soak.polls for uuid in soak.reported(events)]
    first = next(p for p in soak.polls if p[0])[2]
    assert len(reported) == len(set(reported))
    assert reported == list(soak.observe()[len(first) :])
    assert len(reported) >= 150
