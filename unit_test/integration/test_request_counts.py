"""Lists cost exactly the minimum number of requests, counted in the simulator's request log.

On an org of 10,000 users, `list_users` pages at Okta's maximum of 200 users per request and
`list_group_members` at 1,000 members per request; a limit smaller than a page is one request.
"""

import math

import pytest

from oktasim.testing import running_sim
from unit_test.integration.conftest import plugin_runner

USERS = 10_000


@pytest.fixture(scope="module")
def big_org():
    with running_sim(org="generate", users=USERS, groups=2, group_size=USERS) as sim:
        yield sim


def api_requests(sim, path):
    return [r for r in sim.requests() if r["path"] == path]


def test_list_users_of_10000_users_costs_ceil_10000_over_200_requests(big_org):
    big_org.control("DELETE", "/__sim/requests")
    run = plugin_runner(big_org)("list_users", {})
    visible = run.output["count"]  # a plain list hides DEPROVISIONED users, like Okta
    assert run.ok and visible > 0.8 * USERS
    assert len(api_requests(big_org, "/api/v1/users")) == math.ceil(visible / 200)


def test_list_group_members_of_a_10000_member_group_costs_ceil_10000_over_1000_requests(big_org):
    group = next(g for g in big_org.control("GET", "/__sim/state/groups") if g["profile"]["name"] != "Everyone")
    big_org.control("DELETE", "/__sim/requests")
    run = plugin_runner(big_org)("list_group_members", {"group": group["id"]})
    path = "/api/v1/groups/%s/users" % group["id"]
    assert run.ok and run.output["count"] == USERS
    assert len(api_requests(big_org, path)) == math.ceil(USERS / 1000)


def test_a_limit_smaller_than_a_page_is_one_request_for_exactly_that_many(big_org):
    big_org.control("DELETE", "/__sim/requests")
    run = plugin_runner(big_org)("list_users", {"limit": 7})
    sent = api_requests(big_org, "/api/v1/users")
    assert run.ok and run.output["count"] == 7 and len(sent) == 1 and "limit=7" in sent[0]["query"]
