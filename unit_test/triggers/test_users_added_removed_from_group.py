"""Monitor User Groups: baseline first, then one event per real change, never a phantom one.

A `FakeGroup` serves one group's name and members from a script of polls: its member list
for poll N is `polls[N]` (the last one repeats), paged by `after`/`limit` with Link next as Okta
does. A poll starts when the trigger reads the first page of members, which it does first each poll.
"""

import json
import re

from komand_okta.clock import FakeClock
from komand_okta.runtime.triggers import TriggerRunner
from unit_test import factories
from unit_test.conftest import API, run_step

FAIL_PAGE_2 = "fail on page 2"
U = {name: factories.user(email="%s@example.com" % name, user_id="00u" + name) for name in ("ann", "bob", "cat", "dan")}


class Collector:
    def __init__(self):
        self.sent = []

    def send(self, envelope):
        self.sent.append(envelope)

    @property
    def outputs(self):
        return [envelope["body"]["output"] for envelope in self.sent]


class FakeGroup:
    def __init__(self, okta, group_id, name, polls):
        self.group_id, self.name, self.polls, self.poll = group_id, name, polls, -1
        self.members_url = "%s/groups/%s/users" % (API, group_id)
        okta.get("%s/groups/%s" % (API, group_id), json=self._group)
        okta.get(self.members_url, json=self._members)

    def _group(self, request, context):
        return factories.group(self.name, self.group_id)

    def _members(self, request, context):
        if "after" not in request.qs:
            self.poll += 1
        script = self.polls[min(self.poll, len(self.polls) - 1)]
        start, size = int(request.qs.get("after", ["0"])[0]), int(request.qs["limit"][0])
        if script == FAIL_PAGE_2:
            script = self.polls[self.poll - 1] * 1
            if start > 0:
                context.status_code = 500
                return factories.error("E0000009", "Internal Server Error")
        if start + size < len(script):
            context.headers["Link"] = '<%s?after=%d&limit=%d>; rel="next"' % (self.members_url, start + size, size)
        return script[start : start + size]


def known_users(okta, *users):
    """Okta's user search for `id eq "…" or …`, answering the users it still knows (deleted ones are absent)."""
    by_id = {user["id"]: user for user in users}

    def search(request, context):
        wanted = re.findall(r'id eq "([^"]+)"', request.qs.get("search", [""])[0], flags=re.IGNORECASE)
        return [by_id[i] for i in by_id if i.lower() in wanted]

    okta.get(API + "/users", json=search)


def many(count, prefix="m"):
    return [
        {"id": "00u%s%06d" % (prefix, i), "status": "ACTIVE", "profile": {"login": "%s%d@example.com" % (prefix, i)}}
        for i in range(count)
    ]


def watch(tmp_path, polls, group_ids=("00gA",), interval=300, clock=None, trigger_id="t1"):
    collector = Collector()
    runner = TriggerRunner(dispatcher=collector, state_dir=tmp_path, max_polls=polls)
    result = run_step(
        "trigger",
        "users_added_removed_from_group",
        {"group_ids": list(group_ids), "interval": interval},
        clock=clock or FakeClock(),
        trigger_runner=runner,
        meta={"triggerId": trigger_id},
    )
    return collector, result


def saved_state(tmp_path, trigger_id="t1"):
    return json.loads((tmp_path / ("%s.json" % trigger_id)).read_text())


def test_the_first_poll_is_a_baseline_and_sends_nothing(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["bob"], U["ann"]]])

    collector, result = watch(tmp_path, polls=1)

    assert result.ok, result.error
    assert collector.sent == []
    assert saved_state(tmp_path) == {"version": 1, "groups": {"00gA": {"name": None, "members": ["00uann", "00ubob"]}}}
    assert [r.url for r in okta.request_history] == [API + "/groups/00gA/users?limit=1000"]


def test_a_user_joining_is_sent_with_the_spec_fields_and_an_empty_removed_side(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"]], [U["ann"], U["bob"]]])

    collector, _ = watch(tmp_path, polls=2)

    expected_user = {
        key: U["bob"][key]
        for key in (
            "id",
            "status",
            "created",
            "activated",
            "statusChanged",
            "lastUpdated",
            "profile",
            "credentials",
            "_links",
        )
    }
    assert collector.outputs == [
        {
            "users_added_from_groups": [{"group_name": "Staff", "group_id": "00gA", "users": [expected_user]}],
            "users_removed_from_groups": [],
        }
    ]
    assert collector.sent[0]["type"] == "trigger_event"
    assert collector.sent[0]["body"]["meta"] == {"triggerId": "t1"}


def test_a_user_leaving_is_fetched_and_sent_as_removed(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"], U["bob"]], [U["ann"]]])
    known_users(okta, U["bob"])

    collector, _ = watch(tmp_path, polls=2)

    assert collector.outputs == [
        {
            "users_added_from_groups": [],
            "users_removed_from_groups": [
                {
                    "group_name": "Staff",
                    "group_id": "00gA",
                    "users": [{k: v for k, v in U["bob"].items() if v is not None and k != "type"}],
                }
            ],
        }
    ]
    assert okta.request_history[-1].qs["search"] == ['id eq "00ubob"']


def test_a_removed_user_deleted_from_okta_is_reported_by_id(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"], U["bob"]], [U["ann"]]])
    known_users(okta)  # bob was deleted outright: the search does not find him

    collector, _ = watch(tmp_path, polls=2)

    assert collector.outputs[0]["users_removed_from_groups"][0]["users"] == [{"id": "00ubob"}]


def test_additions_and_removals_in_one_poll_make_one_event(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"], U["bob"]], [U["ann"], U["cat"], U["dan"]]])
    known_users(okta, U["bob"])

    collector, _ = watch(tmp_path, polls=2)

    assert len(collector.sent) == 1
    event = collector.outputs[0]
    assert [u["id"] for u in event["users_added_from_groups"][0]["users"]] == ["00ucat", "00udan"]
    assert [u["id"] for u in event["users_removed_from_groups"][0]["users"]] == ["00ubob"]


def test_no_change_sends_no_event(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"], U["bob"]], [U["bob"], U["ann"]]])

    collector, result = watch(tmp_path, polls=3)

    assert result.ok, result.error
    assert collector.sent == []
    assert okta.call_count == 3  # one members page per poll: no name, nobody fetched


def test_members_beyond_a_thousand_are_all_read_and_diffed(tmp_path, okta):
    members = many(2500)
    FakeGroup(okta, "00gA", "Everyone", [members, members[:1800] + members[1801:] + [U["ann"]]])
    known_users(okta, members[1800])

    collector, _ = watch(tmp_path, polls=2)

    assert len(saved_state(tmp_path)["groups"]["00gA"]["members"]) == 2500
    event = collector.outputs[0]
    assert [u["id"] for u in event["users_added_from_groups"][0]["users"]] == ["00uann"]
    assert [u["id"] for u in event["users_removed_from_groups"][0]["users"]] == ["00um001800"]
    pages = [r.qs.get("after") for r in okta.request_history if r.path == "/api/v1/groups/00ga/users"]
    assert pages == [None, ["1000"], ["2000"]] * 2


def test_a_failed_page_sends_nothing_keeps_the_snapshot_and_the_next_poll_reports_once(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [many(1500), FAIL_PAGE_2, many(1500)[1:] + [U["ann"]]])
    known_users(okta, many(1)[0])

    collector, result = watch(tmp_path, polls=4)

    assert result.ok, result.error
    assert "Poll failed" in result.stderr and "500" in result.stderr
    assert len(collector.sent) == 1  # not a phantom removal of page 2's members during the failure
    event = collector.outputs[0]
    assert [u["id"] for u in event["users_added_from_groups"][0]["users"]] == ["00uann"]
    assert [u["id"] for u in event["users_removed_from_groups"][0]["users"]] == ["00um000000"]
    failed = [r for r in okta.request_history if r.qs.get("after") == ["1000"]]
    assert len(failed) == 1 + 5 + 2  # baseline, five tries of the failing poll, two later polls


def test_a_restart_resumes_from_the_saved_state_without_a_new_baseline(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"]], [U["ann"], U["bob"]]])
    first, _ = watch(tmp_path, polls=1)

    second, result = watch(tmp_path, polls=1)  # a new runner, same state directory and trigger id

    assert first.sent == []
    assert [u["id"] for u in second.outputs[0]["users_added_from_groups"][0]["users"]] == ["00ubob"]
    assert saved_state(tmp_path)["groups"]["00gA"]["members"] == ["00uann", "00ubob"]


def test_a_group_added_to_the_input_later_starts_with_its_own_baseline(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"]], [U["ann"], U["bob"]]])
    FakeGroup(okta, "00gB", "Admins", [[U["cat"]]])
    watch(tmp_path, polls=1, group_ids=["00gA"])

    collector, _ = watch(tmp_path, polls=1, group_ids=["00gA", "00gB"])

    assert len(collector.sent) == 1
    event = collector.outputs[0]
    assert [(g["group_id"], [u["id"] for u in g["users"]]) for g in event["users_added_from_groups"]] == [
        ("00gA", ["00ubob"])
    ]
    assert event["users_removed_from_groups"] == []
    assert saved_state(tmp_path)["groups"]["00gB"]["members"] == ["00ucat"]


def test_an_unknown_group_fails_the_poll_with_a_clear_error_and_no_event(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"]], [U["bob"]]])
    okta.get(
        API + "/groups/00gNOPE/users",
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: 00gNOPE (UserGroup)"),
    )

    collector, result = watch(tmp_path, polls=2, group_ids=["00gA", "00gNOPE"])

    assert collector.sent == []
    assert "No Okta group has the ID 00gNOPE" in result.stderr
    assert not (tmp_path / "t1.json").exists()


def test_a_poll_without_changes_costs_exactly_the_member_pages(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [many(2500)])

    watch(tmp_path, polls=3)

    group_reads = [r for r in okta.request_history if r.path == "/api/v1/groups/00ga"]
    member_pages = [r for r in okta.request_history if r.path == "/api/v1/groups/00ga/users"]
    assert len(group_reads) == 0 and len(member_pages) == 3 * 3  # the baseline included


def test_a_repeated_group_id_is_read_and_reported_once(tmp_path, okta):
    group = FakeGroup(okta, "00gA", "Staff", [[U["ann"]]])

    collector, _ = watch(tmp_path, polls=1, group_ids=["00gA", " 00gA "])

    assert group.poll == 0
    assert list(saved_state(tmp_path)["groups"]) == ["00gA"]


def test_polls_are_spaced_by_the_interval(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"]]])
    clock = FakeClock()

    watch(tmp_path, polls=3, interval=100, clock=clock)

    assert sum(clock.sleeps) == 200


def test_the_interval_defaults_to_five_minutes(tmp_path, okta):
    FakeGroup(okta, "00gA", "Staff", [[U["ann"]]])
    clock = FakeClock()
    collector = Collector()
    runner = TriggerRunner(dispatcher=collector, state_dir=tmp_path, max_polls=2)

    run_step(
        "trigger",
        "users_added_removed_from_group",
        {"group_ids": ["00gA"]},
        clock=clock,
        trigger_runner=runner,
        meta={"triggerId": "t1"},
    )

    assert sum(clock.sleeps) == 300


def test_state_from_an_unknown_format_is_treated_as_a_fresh_baseline(tmp_path, okta):
    (tmp_path / "t1.json").write_text(json.dumps({"00gA": ["00uann"]}))
    FakeGroup(okta, "00gA", "Staff", [[U["ann"], U["bob"]]])

    collector, result = watch(tmp_path, polls=1)

    assert result.ok, result.error
    assert collector.sent == []
    assert saved_state(tmp_path)["groups"]["00gA"]["members"] == ["00uann", "00ubob"]
