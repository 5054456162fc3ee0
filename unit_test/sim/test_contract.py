"""The contract checks themselves: what they catch, what they excuse, and a tour of the demo org.

Every simulator-backed test is checked at its teardown (``contract_checked`` in conftest.py);
this module shows the checks find what they must (invented routes, undocumented statuses,
requests outside the spec, bodies of the wrong subtype, keys and empty values the recordings
never show) and that a tour through every object kind passes them.  Runs in any order.
Skips cleanly when ../shared is absent.
"""

import collections
import json

import pytest

from oktasim.orgs import demo
from oktasim.server import SimApp
from oktasim.testing import running_sim

from . import contract, recordings
from .conftest import Api
from .openapi_spec import FORM

pytestmark = pytest.mark.skipif(not contract.available(), reason="../shared (Okta spec and recordings) not available")

TOURED_SUBKINDS = {
    "zone:IP",
    "zone:DYNAMIC",
    "zone:DYNAMIC_V2",
    "policy:PASSWORD",
    "policy:OKTA_SIGN_ON",
    "policy:MFA_ENROLL",
    "policy:ACCESS_POLICY",
}
ZONE_ROUTE, POLICY_ROUTE = "/api/v1/zones/{zoneId}", "/api/v1/policies/{policyId}"


def _tour(api):
    u = demo.JANE_ID
    for path in [
        "/api/v1/users?limit=5",
        f"/api/v1/users/{u}",
        f"/api/v1/users/{u}/groups",
        f"/api/v1/users/{u}/factors",
        f"/api/v1/users/{u}/factors/{demo.JANE_PUSH_FACTOR_ID}",
        f"/api/v1/users/{u}/roles",
        "/api/v1/groups?expand=stats",
        f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}",
        f"/api/v1/groups/{demo.PRIVILEGED_GROUP_ID}/users",
        "/api/v1/apps",
        f"/api/v1/apps/{demo.SALESFORCE_APP_ID}",
        f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users",
        f"/api/v1/apps/{demo.SALESFORCE_APP_ID}/users/{u}",
        "/api/v1/zones",
        f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}",
        f"/api/v1/zones/{demo.ANONYMIZER_ZONE_ID}",
        "/api/v1/idps",
        "/api/v1/eventHooks",
        f"/api/v1/eventHooks/{demo.SIEM_HOOK_ID}",
        "/api/v1/logs?limit=20",
        "/api/v1/meta/types/user",
        "/api/v1/realms",
        "/api/v1/users/nope",
    ]:
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
    api.post(
        "/api/v1/users",
        json={"profile": {"firstName": "C", "lastName": "T", "email": "c.t@example.com", "login": "c.t@example.com"}},
    )
    api.post("/api/v1/groups", json={"profile": {"name": "Contract"}})
    api.post("/api/v1/zones", json={"type": "IP", "name": "c", "gateways": [{"type": "CIDR", "value": "1.2.3.0/24"}]})
    api.post(
        "/api/v1/zones", json={"type": "DYNAMIC", "name": "d", "locations": [{"country": "US"}], "asns": ["15169"]}
    )
    api.post("/api/v1/zones", json={"type": "DYNAMIC_V2", "name": "e", "asns": {"include": ["15169"]}})
    api.post(f"/api/v1/zones/{demo.ANONYMIZER_ZONE_ID}/lifecycle/deactivate")
    api.post(f"/api/v1/users/{u}/lifecycle/reset_password?sendEmail=false")
    api.post(f"/api/v1/users/{u}/lifecycle/expire_password")
    api.post(f"/api/v1/users/{demo.JOHN_ID}/lifecycle/expire_password_with_temp_password")


@pytest.fixture(scope="module")
def spec():
    return contract.load_spec()


@pytest.fixture(scope="module")
def tour():
    """The exchanges of a tour through every object kind of the demo org."""
    with contract.RECORDER.recording() as records, running_sim(org="demo") as sim:
        _tour(Api(sim))
    return records


@pytest.fixture(scope="module")
def toured(tour):
    """Every successful object the tour saw, by subkind."""
    found = collections.defaultdict(list)
    for rec in tour:
        if rec["status"] < 300:
            for sk, obj in recordings.objects(rec["method"], rec["route"], rec["body"]):
                found[sk].append(obj)
    return found


def exchange(method, route, status=200, body=None, query="", request=None, request_type="application/json"):
    raw = b"" if request is None else (request if isinstance(request, bytes) else json.dumps(request).encode())
    return {
        "method": method,
        "route": route,
        "path": route,
        "status": status,
        "body": body,
        "query": query,
        "request_type": request_type if raw else "",
        "request_body": raw,
    }


# ---- the tour ------------------------------------------------------------------------------
def test_a_tour_through_every_object_kind_passes_the_contract(tour):
    assert contract.problems(tour) == []


def test_the_tour_covers_every_zone_type_and_the_main_policy_types(toured):
    assert set(toured) >= TOURED_SUBKINDS


def test_the_tour_meets_at_least_fifteen_recorded_kinds(toured):
    assert len(set(toured) & set(recordings.recorded_keys())) >= 15, sorted(toured)


def test_every_operation_we_serve_exists_in_the_spec(spec):
    app = SimApp(org="demo")
    missing = [
        f"{r.method} {r.template}"
        for r in app.router.routes()
        if "{action}" not in r.template and spec.operation(r.method, r.template) is None
    ]
    assert not missing, missing


# ---- what the checks catch -------------------------------------------------------------------
def test_a_route_missing_from_the_spec_fails_loudly(spec):
    found = contract.problems([exchange("GET", "/api/v1/users/{id}/horoscope", body={})], spec)
    assert found == ["GET /api/v1/users/{id}/horoscope: no such operation in Okta's official spec"]


def test_a_success_status_neither_the_spec_nor_a_recording_shows_is_a_problem(spec):
    found = contract.problems([exchange("DELETE", "/api/v1/users/{id}", status=202)], spec)
    assert found and "answered 202" in found[0]


def test_a_success_status_real_okta_was_recorded_answering_is_accepted(spec):
    assert contract.status_problems(spec, exchange("GET", "/api/v1/groups/rules/", status=200)) == []


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("limit=200&bogus=1", "query parameter 'bogus' is not one the spec declares"),
        ("limit=lots", "query parameter limit='lots' is not what the spec allows"),
    ],
)
def test_an_accepted_request_with_a_query_outside_the_spec_is_a_problem(spec, query, wanted):
    found = contract.request_problems(spec, exchange("GET", "/api/v1/users", body=[], query=query))
    assert found and wanted in found[0]


def test_a_query_the_spec_allows_passes(spec):
    assert (
        contract.request_problems(
            spec,
            exchange("GET", "/api/v1/groups", body=[], query="limit=200&expand=stats&search=type+eq+%22OKTA_GROUP%22"),
        )
        == []
    )


def test_a_required_query_parameter_left_out_is_a_problem(spec):
    found = contract.request_problems(spec, exchange("GET", "/api/v1/policies", body=[]))
    assert found and "requires the query parameter 'type'" in found[0]


def test_an_accepted_request_body_of_the_wrong_subtype_is_a_problem(spec):
    bad = {"type": "IP", "name": "z", "gateways": "10.0.0.0/8"}
    found = contract.request_problems(spec, exchange("POST", "/api/v1/zones", request=bad))
    assert found and all("at ['gateways'" in p for p in found), found


def test_a_body_sent_where_the_spec_takes_none_is_a_problem(spec):
    found = contract.request_problems(spec, exchange("GET", "/api/v1/users/{id}", request={"x": 1}))
    assert found == ["GET /api/v1/users/{id} (request): the spec takes no application/json body here"]


def test_a_refused_request_is_not_held_to_the_spec(spec):
    refused = exchange(
        "POST",
        "/api/v1/zones",
        status=400,
        query="bogus=1",
        request={"gateways": "x"},
        body={
            "errorCode": "E0000001",
            "errorSummary": "Api validation failed",
            "errorLink": "E0000001",
            "errorId": "x",
            "errorCauses": [],
        },
    )
    assert contract.problems([refused], spec) == []


@pytest.mark.parametrize(
    ("request_body", "ok"), [({"sub_id": {"format": "opaque", "id": "00u1"}}, True), ({"sub_id": "00u1"}, False)]
)
def test_universal_logout_requests_are_checked_against_the_oauth_spec(spec, request_body, ok):
    found = contract.problems(
        [exchange("POST", "/oauth2/v1/global-token-revocation", status=204, request=request_body)], spec
    )
    assert (found == []) is ok, found


def test_the_token_request_form_is_checked_against_the_oauth_spec(spec):
    form = b"grant_type=client_credentials&scope=okta.users.read&client_assertion_type=x&client_assertion=y"
    bad = form.replace(b"client_credentials", b"magic")
    ok = exchange("POST", "/oauth2/v1/token", request=form, request_type=FORM)
    assert contract.request_problems(spec, ok) == []
    assert contract.request_problems(spec, {**ok, "request_body": bad})


def test_an_item_of_a_page_is_named_by_its_index(spec):
    page = [{"id": "00u1"}, {"id": "00u2", "status": "ASLEEP"}]
    found = contract.response_problems(spec, exchange("GET", "/api/v1/users", body=page))
    assert found and all("at [1, 'status']" in p for p in found), found


def test_an_object_lacking_a_key_every_recorded_one_carries_is_a_problem(spec):
    recorded = next(obj for sk, obj in recordings.recorded_objects() if sk == "hook")
    hook = {k: v for k, v in recorded.items() if k != "channel"}
    found = contract.object_problems(spec, exchange("GET", "/api/v1/eventHooks/{id}", body=hook))
    assert found == ["GET /api/v1/eventHooks/{id}: a hook lacks ['channel'], which every recorded one carries"]


def test_an_empty_form_no_recording_shows_is_a_problem(spec):
    zone = {"type": "IP", "name": "z", "id": "nzo1", "status": "ACTIVE", "gateways": [], "proxies": {}}
    found = contract.object_problems(spec, exchange("GET", ZONE_ROUTE, body=zone))
    assert any("('proxies', '{}')" in p for p in found), found


@pytest.mark.parametrize(
    ("route", "body", "where"),
    [
        (ZONE_ROUTE, {"type": "IP", "name": "z", "gateways": "10.0.0.0/8"}, "gateways"),
        (ZONE_ROUTE, {"type": "DYNAMIC", "name": "z", "locations": {"include": [{"country": "US"}]}}, "locations"),
        (ZONE_ROUTE, {"type": "DYNAMIC_V2", "name": "z", "locations": [{"country": "US"}]}, "locations"),
        (
            POLICY_ROUTE,
            {"type": "PASSWORD", "name": "p", "settings": {"password": {"complexity": {"minLength": "8"}}}},
            "settings",
        ),
        (POLICY_ROUTE, {"type": "MFA_ENROLL", "name": "p", "settings": {"type": "EVERYTHING"}}, "settings"),
    ],
)
def test_a_zone_or_policy_is_checked_against_the_subtype_its_type_maps_to(spec, route, body, where):
    found = contract.response_problems(spec, exchange("GET", route, body=body))
    assert found and all(f"at ['{where}'" in p for p in found), found


@pytest.mark.parametrize(
    "body",
    [
        {"type": "DYNAMIC", "name": "z", "locations": [{"country": "US", "region": None}]},
        {"type": "DYNAMIC_V2", "name": "z", "locations": {"include": [{"country": "US"}], "exclude": []}},
    ],
)
def test_a_body_right_for_its_own_subtype_passes(spec, body):
    assert contract.response_problems(spec, exchange("GET", ZONE_ROUTE, body=body)) == []


def test_a_departure_real_okta_makes_too_is_not_a_problem(spec):
    body = {"type": "DYNAMIC", "name": "z", "locations": None, "proxyType": ""}  # as recorded
    assert contract.response_problems(spec, exchange("GET", ZONE_ROUTE, body=body)) == []


def test_a_key_of_another_subtype_is_undeclared(spec):
    assert contract.undeclared_keys(spec, "zone:DYNAMIC", {"type": "DYNAMIC", "name": "z", "gateways": []}) == {
        "gateways"
    }


def test_a_check_fails_its_block_when_the_simulator_accepts_a_request_outside_the_spec(api):
    with pytest.raises(pytest.fail.Exception, match="query parameter 'horoscope'"), contract.checked():
        assert api.get("/api/v1/users?horoscope=aries").status_code == 200


def test_a_check_sees_the_request_body_the_simulator_answered(api):
    with contract.RECORDER.recording() as records:
        api.post("/api/v1/groups", json={"profile": {"name": "Seen"}})
    assert json.loads(records[-1]["request_body"]) == {"profile": {"name": "Seen"}}
