"""Contract suite: every JSON body the simulator returned in this test session
validates against its operation's response schema in Okta's official spec, and
every object kind carries the keys the real recorded responses carry.

Runs last (file name); it also drives a short tour so it is meaningful alone.
Skips cleanly when ../shared is absent.
"""

import collections

import pytest

from oktasim.orgs import demo
from oktasim.testing import running_sim

from . import contract
from .conftest import Api

pytestmark = pytest.mark.skipif(not contract.SPEC_PATH.exists() or not contract.VCR_PATH.exists(),
                                reason="../shared (Okta spec and recordings) not available")


def _tour():
    with running_sim(org="demo") as sim:
        api = Api(sim)
        u = demo.JANE_ID
        for path in ["/api/v1/users?limit=5", f"/api/v1/users/{u}", f"/api/v1/users/{u}/groups",
                     f"/api/v1/users/{u}/factors", f"/api/v1/users/{u}/factors/{demo.JANE_PUSH_FACTOR_ID}",
                     f"/api/v1/users/{u}/roles", "/api/v1/groups?expand=stats", f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}",
                     f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}/users", "/api/v1/apps", f"/api/v1/apps/{demo.SALESFORCE_APP_ID}",
                     f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users", f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users/{u}",
                     "/api/v1/zones", f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}", "/api/v1/idps", "/api/v1/eventHooks",
                     f"/api/v1/eventHooks/{demo.SIEM_HOOK_ID}", "/api/v1/logs?limit=20", "/api/v1/meta/types/user",
                     "/api/v1/realms", "/api/v1/policies?type=PASSWORD", "/api/v1/users/nope"]:
            api.get(path)
        r = api.post(f"/api/v1/users/{demo.JOHN_ID}/factors/{demo.JOHN_PUSH_FACTOR_ID}/verify")
        api.get(r.json()["_links"]["poll"]["href"])
        api.get(r.json()["_links"]["poll"]["href"])
        r = api.post(f"/api/v1/users/{u}/factors/{demo.JANE_PUSH_FACTOR_ID}/verify")
        api.get(r.json()["_links"]["poll"]["href"])
        api.post(f"/api/v1/users/{u}/roles", json={"type": "REPORT_ADMIN"})
        api.post("/api/v1/users", json={"profile": {"firstName": "C", "lastName": "T", "email": "c.t@example.com",
                                                    "login": "c.t@example.com"}})
        api.post("/api/v1/groups", json={"profile": {"name": "Contract"}})
        api.post("/api/v1/zones", json={"type": "IP", "name": "c", "gateways": [{"type": "CIDR", "value": "1.2.3.0/24"}]})
        api.post(f"/api/v1/users/{u}/lifecycle/reset_password?sendEmail=false")
        api.post(f"/api/v1/users/{u}/lifecycle/expire_password")
        api.post(f"/api/v1/users/{demo.JOHN_ID}/lifecycle/expire_password_with_temp_password")


@pytest.fixture(scope="module")
def spec():
    return contract.Spec()


def test_every_response_body_validates_against_the_official_spec(spec):
    _tour()
    failures, checked = [], collections.Counter()
    for rec in contract.RECORDS:
        schema, why = spec.response_schema(rec["method"], rec["route"], rec["status"])
        checked[why] += 1
        if schema is None:
            continue
        problem = contract.validate(spec, rec)
        if problem:
            failures.append(problem)
    assert checked["ok"] > 30, checked
    assert not sorted(set(failures)), "\n".join(sorted(set(failures))[:30])


def test_every_operation_we_serve_exists_in_the_spec(spec):
    from oktasim.resources import register_all
    from oktasim.router import Router
    r = Router()
    register_all(r)
    missing = []
    for route in r.routes():
        if "{action}" in route.template:
            continue
        if spec.operation(route.method, route.template) is None:
            missing.append(f"{route.method} {route.template}")
    assert not missing, missing


def test_object_kinds_carry_the_recorded_keys():
    _tour()
    real = contract.recorded_keys()
    ours = {}
    for rec in contract.RECORDS:
        if rec["status"] >= 300:
            continue
        kind = contract.kind_of(rec["method"], rec["route"])
        if kind is None or kind not in real:
            continue
        items = rec["body"] if isinstance(rec["body"], list) else [rec["body"]]
        for it in items:
            if isinstance(it, dict) and it:
                ours[kind] = set(it) if kind not in ours else ours[kind] & set(it)
    problems = {k: sorted(real[k] - ours[k]) for k in ours if real[k] - ours[k]}
    assert len(ours) >= 10, sorted(ours)
    assert not problems, problems
