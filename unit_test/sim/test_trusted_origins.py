"""Trusted origins: list (q, filter, paging), create/replace/delete, lifecycle, and their events."""

import pytest

from .conftest import links

ORIGINS = "/api/v1/trustedOrigins"


def body(name="Partner portal", origin="https://partner.example.com", scopes=("CORS",)):
    return {"name": name, "origin": origin, "scopes": [{"type": s} for s in scopes]}


def url(oid, suffix=""):
    return f"{ORIGINS}/{oid}{suffix}"


def test_the_demo_holds_the_phishing_origin_created_by_janes_session(api, demo):
    o = api.get(url(demo.ROGUE_ORIGIN_ID)).json()
    assert (o["origin"], o["createdBy"], o["status"]) == (demo.ROGUE_ORIGIN, demo.JANE_ID, "ACTIVE")
    assert [s["type"] for s in o["scopes"]] == ["CORS", "REDIRECT"]


@pytest.mark.parametrize(("status", "allowed_action"), [("ACTIVE", "deactivate"), ("INACTIVE", "activate")])
def test_an_origin_links_itself_and_the_lifecycle_action_its_status_allows(api, demo, status, allowed_action):
    if status == "INACTIVE":
        api.post(url(demo.ROGUE_ORIGIN_ID, "/lifecycle/deactivate"))
    o = api.get(url(demo.ROGUE_ORIGIN_ID)).json()
    assert o["_links"]["self"]["hints"] == {"allow": ["GET", "PUT", "DELETE"]}
    assert set(o["_links"]) == {"self", allowed_action}
    assert o["_links"][allowed_action]["href"].endswith(url(demo.ROGUE_ORIGIN_ID, f"/lifecycle/{allowed_action}"))


@pytest.mark.parametrize("q", ["sso", "https://okta-sso"])
def test_q_is_a_prefix_of_the_name_or_the_origin(api, demo, q):
    assert [o["id"] for o in api.get(ORIGINS, params={"q": q}).json()] == [demo.ROGUE_ORIGIN_ID]


@pytest.mark.parametrize(
    ("flt", "want"),
    [
        ('name eq "Company portal"', "PORTAL_ORIGIN_ID"),
        ('origin eq "https://okta-sso-login.example.net"', "ROGUE_ORIGIN_ID"),
        ('status eq "INACTIVE"', "ROGUE_ORIGIN_ID"),
    ],
)
def test_filter_selects_by_name_origin_or_status(api, demo, flt, want):
    api.post(url(demo.ROGUE_ORIGIN_ID, "/lifecycle/deactivate"))
    assert [o["id"] for o in api.get(ORIGINS, params={"filter": flt}).json()] == [getattr(demo, want)]


def test_filter_on_type_selects_by_scope(api, demo):
    api.post(ORIGINS, json=body(scopes=("IFRAME_EMBED",)))
    found = api.get(ORIGINS, params={"filter": 'type eq "REDIRECT"'}).json()
    assert [o["id"] for o in found] == [demo.PORTAL_ORIGIN_ID, demo.ROGUE_ORIGIN_ID]


@pytest.mark.parametrize("flt", ['created gt "2020-01-01"', 'name co "x"', "name eq"])
def test_an_unsupported_filter_is_400_E0000031(api, flt):
    r = api.get(ORIGINS, params={"filter": flt})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000031")


def test_limit_and_after_page_through_the_origins(api, demo):
    first = api.get(ORIGINS, params={"limit": 1})
    nxt = links(first)[1].split(";")[0].strip("<>")
    assert [o["id"] for o in first.json()] == [demo.PORTAL_ORIGIN_ID]
    assert [o["id"] for o in api.get(nxt).json()] == [demo.ROGUE_ORIGIN_ID]


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("GET", ""), ("PUT", ""), ("DELETE", ""), ("POST", "/lifecycle/activate"), ("POST", "/lifecycle/deactivate")],
)
def test_an_unknown_origin_is_404_E0000007(api, method, suffix):
    r = api.s.request(method, api.url(url("tosnope", suffix)), json=body())
    assert (r.status_code, r.json()["errorSummary"]) == (404, "Not found: Resource not found: tosnope (TrustedOrigin)")


def test_a_created_origin_is_active_and_created_by_the_tokens_owner(api, sim):
    o = api.post(ORIGINS, json=body()).json()
    assert (o["status"], o["createdBy"], o["lastUpdatedBy"]) == ("ACTIVE", sim.store.admin_id, sim.store.admin_id)
    assert o["id"].startswith("tos") and api.get(url(o["id"])).json()["origin"] == "https://partner.example.com"


def test_an_iframe_embed_scope_keeps_its_allowed_okta_apps(api):
    o = api.post(ORIGINS, json={**body(), "scopes": [{"type": "IFRAME_EMBED", "allowedOktaApps": ["OKTA_ENDUSER"]}]})
    assert o.json()["scopes"] == [{"type": "IFRAME_EMBED", "allowedOktaApps": ["OKTA_ENDUSER"]}]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"origin": "https://a.example.com", "scopes": [{"type": "CORS"}]}, "name"),
        ({"name": "a", "scopes": [{"type": "CORS"}]}, "origin"),
        (body(origin="javascript://evil.example.com"), "origin"),
        (body(origin="https://a.example.com/login"), "origin"),
        (body(origin="partner.example.com"), "origin"),
        (body(name="Company portal"), "name"),
        (body(origin="HTTPS://portal.example.com"), "origin"),
        (body(scopes=()), "scopes"),
        (body(scopes=("SSO",)), "scopes"),
        (body(scopes=("CORS", "CORS")), "scopes"),
        ({**body(), "scopes": [{"type": "CORS", "allowedOktaApps": ["OKTA_ENDUSER"]}]}, "scopes"),
    ],
)
def test_a_body_okta_refuses_is_400_E0000001_naming_the_field(api, payload, field):
    r = api.post(ORIGINS, json=payload)
    assert (r.status_code, r.json()["errorSummary"]) == (400, f"Api validation failed: {field}")


def test_replace_changes_the_origin_and_who_last_updated_it(api, demo):
    r = api.put(url(demo.ROGUE_ORIGIN_ID), json=body(name=demo.ROGUE_ORIGIN_NAME, origin="https://sso.example.com"))
    o = r.json()
    assert (r.status_code, o["origin"], o["createdBy"]) == (200, "https://sso.example.com", demo.JANE_ID)
    assert o["lastUpdatedBy"] != demo.JANE_ID


def test_replace_may_keep_its_own_name_and_origin(api, demo):
    r = api.put(url(demo.ROGUE_ORIGIN_ID), json=body(name=demo.ROGUE_ORIGIN_NAME, origin=demo.ROGUE_ORIGIN))
    assert r.status_code == 200


@pytest.mark.parametrize(("action", "status"), [("deactivate", "INACTIVE"), ("activate", "ACTIVE")])
def test_lifecycle_answers_200_with_the_origin_in_its_new_status(api, demo, action, status):
    r = api.post(url(demo.ROGUE_ORIGIN_ID, f"/lifecycle/{action}"))
    assert (r.status_code, r.json()["status"]) == (200, status)


def test_an_unknown_lifecycle_action_is_404_E0000008(api, demo):
    r = api.post(url(demo.ROGUE_ORIGIN_ID, "/lifecycle/suspend"))
    assert (r.status_code, r.json()["errorCode"]) == (404, "E0000008")


def test_delete_answers_204_and_the_origin_is_gone(api, demo):
    assert api.delete(url(demo.ROGUE_ORIGIN_ID)).status_code == 204
    assert api.get(url(demo.ROGUE_ORIGIN_ID)).status_code == 404


@pytest.mark.parametrize(
    ("method", "suffix", "payload", "event"),
    [
        ("POST", "", body(), "security.trusted_origin.create"),
        ("PUT", "/ROGUE", body(), "security.trusted_origin.update"),
        ("DELETE", "/ROGUE", None, "security.trusted_origin.delete"),
        ("POST", "/ROGUE/lifecycle/deactivate", None, "security.trusted_origin.deactivate"),
        ("POST", "/ROGUE/lifecycle/activate", None, "security.trusted_origin.activate"),
    ],
)
def test_every_change_writes_its_trusted_origin_event(api, sim, demo, method, suffix, payload, event):
    path = ORIGINS + suffix.replace("ROGUE", demo.ROGUE_ORIGIN_ID)
    assert api.s.request(method, api.url(path), json=payload).status_code < 300
    last = sim.store.logs[-1]
    assert last["eventType"] == event and last["target"][0]["type"] == "TrustedOrigin"
