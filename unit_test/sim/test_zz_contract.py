"""Contract suite: every JSON body the simulator returned in this test session validates
against its operation's response schema in Okta's official spec (zones and policies against
the subtype their ``type`` maps to), and every object kind carries the keys, and only the
empty values, the real recorded responses show.

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

TOURED_SUBKINDS = {"zone:IP", "zone:DYNAMIC", "zone:DYNAMIC_V2", "policy:PASSWORD", "policy:OKTA_SIGN_ON",
                   "policy:MFA_ENROLL", "policy:ACCESS_POLICY"}
# Empty values no recording can show either way: no recorded IP zone is empty, but a new
# org's BlockedIpZone has no addresses.
UNRECORDED_EMPTIES = {("zone:IP", "gateways", "[]")}


def _tour():
    with running_sim(org="demo") as sim:
        api = Api(sim)
        u = demo.JANE_ID
        for path in ["/api/v1/users?limit=5", f"/api/v1/users/{u}", f"/api/v1/users/{u}/groups",
                     f"/api/v1/users/{u}/factors", f"/api/v1/users/{u}/factors/{demo.JANE_PUSH_FACTOR_ID}",
                     f"/api/v1/users/{u}/roles", "/api/v1/groups?expand=stats", f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}",
                     f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}/users", "/api/v1/apps", f"/api/v1/apps/{demo.SALESFORCE_APP_ID}",
                     f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users", f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users/{u}",
                     "/api/v1/zones", f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}", f"/api/v1/zones/{demo.ANONYMIZER_ZONE_ID}",
                     "/api/v1/idps", "/api/v1/eventHooks", f"/api/v1/eventHooks/{demo.SIEM_HOOK_ID}",
                     "/api/v1/logs?limit=20", "/api/v1/meta/types/user", "/api/v1/realms", "/api/v1/users/nope"]:
            api.get(path)
        for ptype in ("PASSWORD", "OKTA_SIGN_ON", "MFA_ENROLL", "ACCESS_POLICY"):
            for p in api.get(f"/api/v1/policies?type={ptype}").json():
                api.get(f"/api/v1/policies/{p['id']}")
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
        api.post("/api/v1/zones", json={"type": "DYNAMIC", "name": "d", "locations": [{"country": "US"}], "asns": ["15169"]})
        api.post("/api/v1/zones", json={"type": "DYNAMIC_V2", "name": "e", "asns": {"include": ["15169"]}})
        api.post(f"/api/v1/zones/{demo.ANONYMIZER_ZONE_ID}/lifecycle/deactivate")
        api.post(f"/api/v1/users/{u}/lifecycle/reset_password?sendEmail=false")
        api.post(f"/api/v1/users/{u}/lifecycle/expire_password")
        api.post(f"/api/v1/users/{demo.JOHN_ID}/lifecycle/expire_password_with_temp_password")


@pytest.fixture(scope="module")
def spec():
    return contract.load_spec()


@pytest.fixture(scope="module")
def toured():
    """Every successful object the simulator returned this session, by subkind."""
    _tour()
    found = collections.defaultdict(list)
    for rec in contract.RECORDS:
        if rec["status"] < 300:
            for sk, obj in contract.objects(rec["method"], rec["route"], rec["body"]):
                found[sk].append(obj)
    return found


def test_every_response_body_validates_against_the_official_spec(spec, toured):
    failures, checked = [], collections.Counter()
    for rec in contract.RECORDS:
        schema, why = spec.response_schema(rec["method"], rec["route"], rec["status"])
        checked[why] += 1
        if schema is not None:
            failures.extend(contract.problems(spec, rec))
    assert checked["ok"] > 30, checked
    assert not sorted(set(failures)), "\n".join(sorted(set(failures))[:30])


def test_the_tour_covers_every_zone_type_and_the_main_policy_types(toured):
    assert set(toured) >= TOURED_SUBKINDS


def test_zones_and_policies_carry_only_what_their_subtype_or_a_recording_has(spec, toured):
    extra = {sk: sorted(set().union(*(contract.undeclared_keys(spec, sk, o) for o in objs)))
             for sk, objs in toured.items()}
    assert not {sk: keys for sk, keys in extra.items() if keys}


def test_object_kinds_carry_the_recorded_keys(toured):
    real = contract.recorded_keys()
    ours = {sk: set.intersection(*(set(o) for o in objs)) for sk, objs in toured.items() if sk in real}
    problems = {sk: sorted(real[sk] - ours[sk]) for sk in ours if real[sk] - ours[sk]}
    assert len(ours) >= 15, sorted(ours)
    assert not problems, problems


def test_empty_values_take_only_the_forms_the_recordings_show(toured):
    real = contract.recorded_empties()
    wrong = {(sk, key, contract.empty_form(value))
             for sk, objs in toured.items() for o in objs for key, value in o.items()
             if key in real.get(sk, {}) and contract.empty_form(value)
             and contract.empty_form(value) not in real[sk][key]}
    assert not sorted(wrong - UNRECORDED_EMPTIES)


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


ZONE_ROUTE, POLICY_ROUTE = "/api/v1/zones/{zoneId}", "/api/v1/policies/{policyId}"


@pytest.mark.parametrize(("route", "body", "where"), [
    (ZONE_ROUTE, {"type": "IP", "name": "z", "gateways": "10.0.0.0/8"}, "gateways"),
    (ZONE_ROUTE, {"type": "DYNAMIC", "name": "z", "locations": {"include": [{"country": "US"}]}}, "locations"),
    (ZONE_ROUTE, {"type": "DYNAMIC_V2", "name": "z", "locations": [{"country": "US"}]}, "locations"),
    (POLICY_ROUTE, {"type": "PASSWORD", "name": "p", "settings": {"password": {"complexity": {"minLength": "8"}}}},
     "settings"),
    (POLICY_ROUTE, {"type": "MFA_ENROLL", "name": "p", "settings": {"type": "EVERYTHING"}}, "settings"),
])
def test_a_zone_or_policy_is_checked_against_the_subtype_its_type_maps_to(spec, route, body, where):
    found = contract.problems(spec, {"method": "GET", "route": route, "status": 200, "body": body})
    assert found and all(f"at ['{where}'" in p for p in found), found


@pytest.mark.parametrize("body", [
    {"type": "DYNAMIC", "name": "z", "locations": [{"country": "US", "region": None}]},
    {"type": "DYNAMIC_V2", "name": "z", "locations": {"include": [{"country": "US"}], "exclude": []}},
])
def test_a_body_right_for_its_own_subtype_passes(spec, body):
    assert contract.problems(spec, {"method": "GET", "route": ZONE_ROUTE, "status": 200, "body": body}) == []


def test_a_departure_real_okta_makes_too_is_not_a_problem(spec):
    body = {"type": "DYNAMIC", "name": "z", "locations": None, "proxyType": ""}  # as recorded
    assert contract.problems(spec, {"method": "GET", "route": ZONE_ROUTE, "status": 200, "body": body}) == []


def test_a_key_of_another_subtype_is_undeclared(spec):
    assert contract.undeclared_keys(spec, "zone:DYNAMIC", {"type": "DYNAMIC", "name": "z", "gateways": []}) == {"gateways"}
