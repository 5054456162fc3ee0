"""Suspend User against the simulator when the suspend POST's answer is lost: the user is read back,
and the POST is sent again only when it was not applied (issue 11 §4)."""

import pytest

from oktasim.orgs import demo as org

from .conftest import set_faults

SUSPEND = "/api/v1/users/%s/lifecycle/suspend" % org.JOHN_ID


def suspend_posts(sim):
    return [r for r in sim.requests() if r["method"] == "POST" and r["path"] == SUSPEND]


@pytest.mark.parametrize(
    "fault, posts",
    [
        ("reset_after", 1),  # applied, then the connection dropped: read back SUSPENDED, no second POST
        ("reset_before", 2),  # dropped before Okta applied it: read back ACTIVE, sent again
        ("503", 2),  # a gateway's 503: read back ACTIVE, sent again
    ],
)
def test_suspend_recovers_by_reading_the_user_back(sim, inproc, fault, posts):
    set_faults(sim, "POST %s:seq=%s" % (SUSPEND, fault))
    outcome = inproc.action("suspend_user", {"email": org.JOHN_ID})
    assert outcome.ok and outcome.output["success"] is True
    assert sim.control("GET", "/__sim/state/users/" + org.JOHN_ID)["status"] == "SUSPENDED"
    assert len(suspend_posts(sim)) == posts
