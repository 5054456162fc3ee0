"""Updated Users: one event per (user, lastUpdated), on Okta's lastUpdated timestamps."""

from komand_okta.clock import FakeClock
from unit_test.triggers.test_new_users import Collector, FakeOrg, at, run, script, state, user


def updated(org, uid, when):
    for index, row in enumerate(org.users):
        if row["id"] == uid:
            org.users[index] = dict(row, lastUpdated=when)


def test_baseline_then_each_update_is_one_event(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1)), user("00ub", at(2))])
    steps = [
        lambda: updated(org, "00ua", at(5)),
        lambda: (updated(org, "00ub", at(6)), updated(org, "00ua", at(7))),
        lambda: org.users.append(user("00uc", at(8))),
    ]

    sent, _ = run(tmp_path, 5, name="updated_users", between=script(org, steps))

    assert sent == ["00ua", "00ub", "00ua", "00uc"]
    assert all('lastUpdated ge "' in s for s in org.searches[1:])
    assert "00ua@" + at(7) in state(tmp_path)["keys"]


def test_updates_sharing_the_cursor_time_are_sent_once_and_restarts_resume(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1))])
    first, _ = run(tmp_path, 2, name="updated_users", between=script(org, [lambda: updated(org, "00ua", at(4))]))
    updated(org, "00uz", at(4))
    org.users.append(user("00ub", at(0), at(4)))  # an older user updated at the same instant

    second, _ = run(tmp_path, 2, name="updated_users")

    assert first == ["00ua"] and second == ["00ub"]


def test_a_failed_poll_loses_no_update(tmp_path, okta):
    org = FakeOrg(okta, [user("00ua", at(1))])

    def update_and_break():
        updated(org, "00ua", at(9))
        org.fail_next = 5

    sent, _ = run(
        tmp_path,
        3,
        name="updated_users",
        clock=FakeClock(start=0.0),
        collector=Collector(),
        between=script(org, [update_and_break]),
    )

    assert sent == ["00ua"]
