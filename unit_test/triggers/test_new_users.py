"""New Users: baseline, one event per created user, no repeat or gap at the boundary, across
restarts and failed polls, and the cursor follows Okta's timestamps, never the local clock.

`FakeOrg` serves `/users?search=<field> ge|gt "<time>"` sorted by `sortBy`, paged by `after`, and
answers with a fixed server `Date` far from the FakeClock's time.
"""

import json
import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from komand_okta.clock import FakeClock
from komand_okta.okta import timestamps
from komand_okta.okta import users_cursor as cursors
from komand_okta.runtime.triggers import TriggerRunner
from unit_test.conftest import API, run_step

SERVER_DATE = "Tue, 13 Aug 2024 12:00:00 GMT"
CONDITION = re.compile(r'(\w+) (ge|gt) "([^"]+)"$')


class Collector:
    def __init__(self, fail_at=None):
        self.sent, self.fail_at, self.calls = [], fail_at, 0

    def send(self, envelope):
        self.calls += 1
        if self.fail_at and self.calls in self.fail_at:
            raise OSError("dispatcher down")
        self.sent.append(envelope)


def at(second, ms=0):
    return "2024-08-13T11:%02d:%02d.%03dZ" % (second // 60, second % 60, ms)


def user(uid, created, updated=None):
    return {
        "id": uid,
        "status": "ACTIVE",
        "created": created,
        "lastUpdated": updated or created,
        "profile": {"login": uid + "@example.com"},
    }


class FakeOrg:
    """Okta's /users search; `hidden` ids are not yet in the (eventually consistent) index."""

    def __init__(self, okta, users=(), page=200):
        self.users, self.hidden, self.fail_next, self.page, self.searches = list(users), set(), 0, page, []
        okta.get(API + "/users", json=self._list, headers={"Date": SERVER_DATE})

    def _list(self, request, context):
        if self.fail_next:
            self.fail_next -= 1
            context.status_code = 500
            return {"errorCode": "E0000009", "errorSummary": "Internal Server Error"}
        qs = parse_qs(urlsplit(request.url).query)  # request.qs lower-cases values
        search = qs["search"][0]
        self.searches.append(search)
        field, op, value = CONDITION.search(search).groups()
        moment = timestamps.parse_time(value)
        rows = [
            u
            for u in self.users
            if u["id"] not in self.hidden
            and (timestamps.parse_time(u[field]) >= moment if op == "ge" else timestamps.parse_time(u[field]) > moment)
        ]
        rows.sort(key=lambda u: timestamps.parse_time(u[field]), reverse=qs.get("sortOrder") == ["desc"])
        start, size = int(qs.get("after", ["0"])[0]), min(int(qs["limit"][0]), self.page)
        if start + size < len(rows):
            query = urlencode(dict({k: v[0] for k, v in qs.items()}, after=start + size, limit=size))
            context.headers["Link"] = '<%s/users?%s>; rel="next"' % (API, query)
        return rows[start : start + size]


def run(tmp_path, polls, name="new_users", clock=None, collector=None, params=None, between=None):
    collector = collector or Collector()
    clock = clock or FakeClock(start=0.0)  # 1970: far from the server's time
    if between:
        original = clock.sleep

        def sleep(seconds):  # the runner waits in 1 s steps: act once per interval (10 s)
            original(seconds)
            if round(clock.now()) % 10 == 0:
                between()

        clock.sleep = sleep
    runner = TriggerRunner(dispatcher=collector, state_dir=tmp_path, max_polls=polls)
    result = run_step(
        "trigger",
        name,
        dict({"interval": 10}, **(params or {})),
        clock=clock,
        trigger_runner=runner,
        meta={"triggerId": "t1"},
    )
    assert result.ok, result.error
    return [e["body"]["output"]["user"]["id"] for e in collector.sent], result


def state(tmp_path):
    return json.loads((tmp_path / "t1.json").read_text())


def script(org, steps):
    """Apply steps[n] (a callable) after poll n."""
    calls = iter(steps)
    return lambda: next(calls, lambda: None)()


def test_the_first_poll_is_a_baseline_at_the_newest_user(tmp_path, okta):
    FakeOrg(okta, [user("00ua", at(1)), user("00ub", at(5)), user("00uc", at(5))])

    sent, result = run(tmp_path, 1)

    assert sent == []
    saved = state(tmp_path)
    assert saved["cursor"] == at(5) and set(saved["keys"]) == {"00ua", "00ub", "00uc"}
    assert "Baseline" in result.stderr


def test_an_empty_org_starts_at_the_server_date_not_the_local_clock(tmp_path, okta):
    FakeOrg(okta, [])

    run(tmp_path, 1)

    assert state(tmp_path)["cursor"] == "2024-08-13T12:00:00.000Z"


def test_new_users_are_sent_once_each_in_creation_order(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1))])
    steps = [
        lambda: org.users.extend([user("00uc", at(9)), user("00ub", at(3)), user("00ud", at(9))]),
        lambda: org.users.append(user("00ue", at(20))),
    ]

    sent, _ = run(tmp_path, 4, between=script(org, steps))

    assert sent == ["00ub", "00uc", "00ud", "00ue"]
    assert all('created ge "' in s for s in org.searches[1:])


def test_users_sharing_the_cursor_time_across_polls_are_each_sent_once(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(5))])
    steps = [lambda: org.users.append(user("00ub", at(5))), lambda: org.users.append(user("00uc", at(5)))]

    sent, _ = run(tmp_path, 4, between=script(org, steps))

    assert sent == ["00ub", "00uc"]


def test_a_user_the_search_index_shows_late_is_still_sent_once(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1))])

    def create_two():
        org.users.extend([user("00ulate", at(10)), user("00ub", at(30))])
        org.hidden.add("00ulate")

    steps = [create_two, lambda: org.hidden.clear()]

    sent, _ = run(tmp_path, 4, between=script(org, steps))

    assert sent == ["00ub", "00ulate"]


def test_a_restart_resumes_without_repeats_or_gaps(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1))], page=1)  # one user per page: paging too
    first, _ = run(tmp_path, 2, between=script(org, [lambda: org.users.append(user("00ub", at(4)))]))
    org.users.extend([user("00uc", at(4)), user("00ud", at(7))])  # while stopped

    second, _ = run(tmp_path, 2)

    assert first == ["00ub"] and second == ["00uc", "00ud"]


def test_a_failed_poll_sends_nothing_and_the_next_poll_catches_up(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1))])

    def create_and_break():
        org.users.append(user("00ub", at(4)))
        org.fail_next = 5  # every try of the next poll

    sent, result = run(tmp_path, 3, between=script(org, [create_and_break]))

    assert sent == ["00ub"]
    assert "Poll failed" in result.stderr


def test_a_failed_delivery_resends_the_poll_and_loses_nothing(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1))])
    collector = Collector(fail_at={2, 3, 4})  # the second event of poll 2 fails all three tries

    sent, _ = run(
        tmp_path,
        3,
        collector=collector,
        between=script(org, [lambda: org.users.extend([user("00ub", at(2)), user("00uc", at(3))])]),
    )

    assert sent == ["00ub", "00ub", "00uc"]  # at least once: the failed poll is repeated, nothing lost


def test_the_user_search_is_combined_with_the_cursor(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1))])

    run(tmp_path, 2, params={"search": 'profile.department eq "Eng"'})

    assert org.searches[1].startswith('(profile.department eq "Eng") and created ge "')


def test_the_remembered_users_stay_bounded(tmp_path, okta, monkeypatch):
    monkeypatch.setattr(cursors, "MAX_KEYS", 3)
    org = FakeOrg(okta, [user("00ua", at(1))], page=50)
    many = [user("00u%02d" % i, at(10 + i)) for i in range(8)]

    sent, _ = run(tmp_path, 3, between=script(org, [lambda: org.users.extend(many)]))

    assert sent == [u["id"] for u in many]
    saved = state(tmp_path)
    assert len(saved["keys"]) == 3 and saved["window_start"] == at(15) and saved["cursor"] == at(17)


def test_the_interval_spaces_polls(tmp_path, okta):
    FakeOrg(okta, [])
    clock = FakeClock(start=0.0)

    run(tmp_path, 3, clock=clock)

    assert sum(clock.sleeps) == 20


def test_sent_users_carry_the_spec_fields(tmp_path, okta):
    org = FakeOrg(okta, [])
    collector = Collector()
    run(
        tmp_path,
        2,
        collector=collector,
        between=script(
            org, [lambda: org.users.append(dict(user("00ub", "2024-08-13T12:00:01.000Z"), type={"id": "x"}))]
        ),
    )

    assert collector.sent[0]["body"]["output"]["user"]["id"] == "00ub"
    assert "type" not in collector.sent[0]["body"]["output"]["user"]
    assert datetime.fromisoformat("2024-08-13T12:00:01+00:00") > datetime(2024, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("name", ["new_users", "updated_users"])
def test_a_short_baseline_page_with_a_next_link_does_not_make_old_users_look_new(tmp_path, okta, name):
    org = FakeOrg(okta, [user("00u%d" % i, at(10 + i)) for i in range(5)], page=2)  # 2 per page, asked 200
    sent, _ = run(tmp_path, 3, name=name, between=script(org, [lambda: org.users.append(user("00unew", at(20)))]))
    assert sent == ["00unew"]


def test_the_baseline_reads_no_further_than_the_overlap_window(tmp_path, okta):
    org = FakeOrg(
        okta, [user("00uold%d" % i, at(i)) for i in range(4)] + [user("00ua", at(100)), user("00ub", at(101))], page=2
    )
    run(tmp_path, 1)
    assert len(org.searches) == 2  # 101 and 100, then 3 and 2: past the window, so no third page
    assert set(state(tmp_path)["keys"]) == {"00ua", "00ub"}


def test_a_crowded_baseline_window_keeps_every_user_sharing_the_last_remembered_time(tmp_path, okta, monkeypatch):
    monkeypatch.setattr(cursors, "MAX_KEYS", 3)
    org = FakeOrg(
        okta, [user("00u%d" % i, at(10 + i)) for i in range(3)] + [user("00ut1", at(11)), user("00ut2", at(11))], page=2
    )
    sent, _ = run(tmp_path, 2)
    assert sent == [] and set(state(tmp_path)["keys"]) == {"00u1", "00u2", "00ut1", "00ut2"}
    assert state(tmp_path)["window_start"] == at(11) and org.searches[-1].endswith('"%s"' % at(11))
