"""Users: lookup, create, update, lifecycle state machine, credentials, delete."""

from urllib.parse import quote

import pytest

from . import vcr


def new_user(api, login="new.person@example.com", activate=None, password=None, **q):
    body = {"profile": {"firstName": "New", "lastName": "Person", "email": login, "login": login}}
    if password:
        body["credentials"] = {"password": {"value": password}}
    params = dict(q)
    if activate is not None:
        params["activate"] = str(activate).lower()
    return api.post("/api/v1/users", json=body, params=params)


def err(resp):
    return resp.status_code, resp.json()["errorCode"]


def test_get_user_by_id_login_and_shortname(api, demo):
    for key in (demo.JANE_ID, quote(demo.JANE_LOGIN), "jane.doe"):
        r = api.get(f"/api/v1/users/{key}")
        assert r.status_code == 200 and r.json()["id"] == demo.JANE_ID


def test_get_user_sends_etag(api, demo):
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").headers["ETag"].startswith('W/"')


def test_get_me_returns_token_owner(api):
    assert api.get("/api/v1/users/me").json()["profile"]["login"] == "admin@example.com"


def test_unknown_user_is_404_e0000007_with_okta_wording(api):
    r = api.get("/api/v1/users/00unope0000000000000")
    assert err(r) == (404, "E0000007")
    assert r.json()["errorSummary"] == "Not found: Resource not found: 00unope0000000000000 (User)"


def test_user_shape_has_recorded_keys(api, demo):
    u = api.get(f"/api/v1/users/{demo.JANE_ID}").json()
    for k in (
        "id",
        "status",
        "created",
        "activated",
        "statusChanged",
        "lastLogin",
        "lastUpdated",
        "passwordChanged",
        "type",
        "profile",
        "credentials",
        "_links",
    ):
        assert k in u
    assert u["credentials"]["provider"] == {"type": "OKTA", "name": "OKTA"}
    assert "value" not in u["credentials"].get("password", {})


def test_active_user_links_offer_suspend_not_unsuspend(api, demo):
    links = api.get(f"/api/v1/users/{demo.JANE_ID}").json()["_links"]
    assert {"suspend", "deactivate", "resetPassword", "expirePassword", "self", "schema", "type"} <= set(links)
    assert "unsuspend" not in links and "activate" not in links
    assert links["suspend"]["method"] == "POST"


def test_suspended_user_links_offer_unsuspend(api, demo):
    api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/suspend")
    links = api.get(f"/api/v1/users/{demo.JANE_ID}").json()["_links"]
    assert "unsuspend" in links and "suspend" not in links


def test_list_items_carry_only_self_link(api):
    assert all(set(u["_links"]) == {"self"} for u in api.get("/api/v1/users?limit=5").json())


def test_create_with_password_is_active(api):
    r = new_user(api, password="Str0ngPassw0rd")
    assert r.status_code == 200 and r.json()["status"] == "ACTIVE"
    assert r.json()["credentials"]["password"] == {}


def test_create_without_password_is_provisioned(api):
    assert new_user(api).json()["status"] == "PROVISIONED"


def test_create_not_activated_is_staged(api):
    u = new_user(api, activate=False).json()
    assert u["status"] == "STAGED" and u["activated"] is None


def test_create_next_login_change_password_is_password_expired(api):
    assert new_user(api, password="Str0ngPassw0rd", nextLogin="changePassword").json()["status"] == "PASSWORD_EXPIRED"


def test_create_next_login_without_password_is_e0000124(api):
    assert err(new_user(api, nextLogin="changePassword")) == (400, "E0000124")


def test_create_next_login_without_activate_is_e0000125(api):
    assert err(new_user(api, activate=False, password="Str0ngPassw0rd", nextLogin="changePassword")) == (
        400,
        "E0000125",
    )


def test_duplicate_login_is_e0000001_with_cause(api, demo):
    r = new_user(api, login=demo.JANE_LOGIN)
    assert err(r) == (400, "E0000001")
    assert (
        r.json()["errorCauses"][0]["errorSummary"]
        == "login: An object with this field already exists in the current organization"
    )


def test_unknown_profile_property_is_refused(api):
    r = api.post(
        "/api/v1/users",
        json={
            "profile": {
                "firstName": "A",
                "lastName": "B",
                "email": "a@example.com",
                "login": "a@example.com",
                "notValid": "x",
            }
        },
    )
    assert err(r) == (400, "E0000001")
    assert "notValid" in r.json()["errorCauses"][0]["errorSummary"]


def test_weak_password_is_refused(api):
    assert err(new_user(api, password="short")) == (400, "E0000001")


def test_create_adds_to_everyone_and_groupids(api):
    gid = api.get("/api/v1/groups?q=Finance").json()[0]["id"]
    body = {
        "profile": {"firstName": "G", "lastName": "Id", "email": "g.id@example.com", "login": "g.id@example.com"},
        "groupIds": [gid],
    }
    uid = api.post("/api/v1/users", json=body).json()["id"]
    names = {g["profile"]["name"] for g in api.get(f"/api/v1/users/{uid}/groups").json()}
    assert names == {"Everyone", "Finance"}


def test_partial_update_keeps_other_attributes(api, demo):
    r = api.post(f"/api/v1/users/{demo.JANE_ID}", json={"profile": {"title": "CTO"}})
    p = r.json()["profile"]
    assert p["title"] == "CTO" and p["department"] == "Engineering"


def test_full_replace_drops_missing_attributes(api, demo):
    prof = {"firstName": "Jane", "lastName": "Doe", "email": demo.JANE_LOGIN, "login": demo.JANE_LOGIN}
    p = api.put(f"/api/v1/users/{demo.JANE_ID}", json={"profile": prof}).json()["profile"]
    assert "department" not in p and p["mobilePhone"] is None


def test_set_password_via_partial_update(api, demo):
    before = api.get(f"/api/v1/users/{demo.JANE_ID}").json()["passwordChanged"]
    r = api.post(f"/api/v1/users/{demo.JANE_ID}", json={"credentials": {"password": {"value": "N3wPassw0rdX"}}})
    assert r.status_code == 200 and r.json()["passwordChanged"] >= before


def test_suspend_then_unsuspend(api, demo):
    assert api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/suspend").json() == {}
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").json()["status"] == "SUSPENDED"
    api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/unsuspend")
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").json()["status"] == "ACTIVE"


def test_suspend_non_active_is_e0000001(api):
    uid = new_user(api).json()["id"]  # PROVISIONED
    assert err(api.post(f"/api/v1/users/{uid}/lifecycle/suspend")) == (400, "E0000001")


def test_unsuspend_non_suspended_is_e0000001(api, demo):
    assert err(api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/unsuspend")) == (400, "E0000001")


def test_activate_active_user_is_e0000016(api, demo):
    assert err(api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/activate")) == (403, "E0000016")


def test_activate_staged_without_email_returns_token(api):
    uid = new_user(api, activate=False).json()["id"]
    body = api.post(f"/api/v1/users/{uid}/lifecycle/activate?sendEmail=false").json()
    assert set(body) == {"activationUrl", "activationToken"}
    assert api.get(f"/api/v1/users/{uid}").json()["status"] == "PROVISIONED"


def test_reactivate_active_is_e0000038(api, demo):
    assert err(api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/reactivate")) == (403, "E0000038")


def test_unlock_not_locked_is_e0000032(api, demo):
    assert err(api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/unlock")) == (403, "E0000032")


def test_unlock_locked_out_user_makes_active(api, sim, demo):
    sim.control("POST", f"/users/{demo.JOHN_ID}/lockout")
    assert api.post(f"/api/v1/users/{demo.JOHN_ID}/lifecycle/unlock").status_code == 200
    assert api.get(f"/api/v1/users/{demo.JOHN_ID}").json()["status"] == "ACTIVE"


def test_reset_password_without_email_returns_url_and_recovery(api, demo):
    body = api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/reset_password?sendEmail=false").json()
    assert body["resetPasswordUrl"].startswith("http")
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").json()["status"] == "RECOVERY"


def test_reset_password_with_email_returns_empty_object(api, demo):
    assert api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/reset_password?sendEmail=true").json() == {}


def test_expire_password_returns_user_password_expired(api, demo):
    r = api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/expire_password")
    assert r.json()["status"] == "PASSWORD_EXPIRED" and r.json()["id"] == demo.JANE_ID


def test_expire_password_with_temp_password(api, demo):
    body = api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/expire_password_with_temp_password").json()
    assert set(body) == {"tempPassword"}


def test_expire_password_on_staged_user_is_e0000038(api):
    uid = new_user(api, activate=False).json()["id"]
    assert err(api.post(f"/api/v1/users/{uid}/lifecycle/expire_password")) == (403, "E0000038")


def test_reset_factors_removes_factors_and_keeps_status(api, demo):
    assert api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/reset_factors").status_code == 200
    assert api.get(f"/api/v1/users/{demo.JANE_ID}/factors").json() == []
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").json()["status"] == "ACTIVE"


def test_clear_sessions_is_204_and_logged(api, sim, demo):
    assert api.delete(f"/api/v1/users/{demo.JANE_ID}/sessions").status_code == 204
    assert sim.store.logs[-1]["eventType"] == "user.session.clear"


def test_deactivate_returns_empty_and_deprovisions(api, demo):
    r = api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/deactivate")
    assert r.status_code == 200 and r.json() == {}
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").json()["status"] == "DEPROVISIONED"


def test_deactivate_deprovisioned_is_404(api, demo):
    api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/deactivate")
    assert err(api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/deactivate")) == (404, "E0000007")


def test_deprovisioned_user_links_offer_activate_and_delete(api, demo):
    api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/deactivate")
    links = api.get(f"/api/v1/users/{demo.JANE_ID}").json()["_links"]
    assert {"activate", "delete"} <= set(links) and links["delete"]["method"] == "DELETE"


def test_delete_is_two_step(api, demo):
    assert api.delete(f"/api/v1/users/{demo.JANE_ID}").status_code == 204
    assert api.get(f"/api/v1/users/{demo.JANE_ID}").json()["status"] == "DEPROVISIONED"
    assert api.delete(f"/api/v1/users/{demo.JANE_ID}").status_code == 204
    assert err(api.get(f"/api/v1/users/{demo.JANE_ID}")) == (404, "E0000007")


def test_change_password_with_wrong_old_password_is_refused(api, demo):
    r = api.post(
        f"/api/v1/users/{demo.JANE_ID}/credentials/change_password",
        json={"oldPassword": {"value": "nope"}, "newPassword": {"value": "N3wPassw0rdX"}},
    )
    assert r.status_code == 403


def test_change_password_with_right_old_password(api, demo):
    r = api.post(
        f"/api/v1/users/{demo.JANE_ID}/credentials/change_password",
        json={"oldPassword": {"value": "Passw0rd!Jane"}, "newPassword": {"value": "N3wPassw0rdX"}},
    )
    assert r.status_code == 200 and "password" in r.json()


def test_mutations_write_log_events(api, sim, demo):
    api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/suspend")
    ev = sim.store.logs[-1]
    assert ev["eventType"] == "user.lifecycle.suspend" and ev["target"][0]["id"] == demo.JANE_ID


# ---- where the recordings (../shared/okta-vcr) show what real Okta does --------------------
def _recorded_user(d):
    return (
        d["resource"] == "users"
        and d["status"] == 200
        and d["path_template"] == "/api/v1/users/{userId}"
        and d["method"] in ("GET", "PUT")
        and len(d["response_body"]["_links"]) > 1
    )


def _newest_recorded_user(status):
    recs = vcr.interactions(lambda d: _recorded_user(d) and d["response_body"]["status"] == status)
    return max(recs, key=lambda d: d["response_body"]["lastUpdated"])["response_body"]


@pytest.mark.parametrize("status", ["STAGED", "PROVISIONED", "ACTIVE", "DEPROVISIONED"])
def test_user_links_are_the_newest_recorded_ones_for_the_status(api, status):
    real = _newest_recorded_user(status)
    [listed] = api.get("/api/v1/users", params={"filter": f'status eq "{status}"', "limit": 1}).json()
    ours = api.get(f"/api/v1/users/{listed['id']}").json()
    assert set(ours["_links"]) == set(real["_links"])
    assert ours["_links"]["resetFactors"] == {
        "href": ours["_links"]["self"]["href"] + "/lifecycle/reset_factors",
        "method": "POST",
    }


def test_credentials_only_replace_sets_the_password_and_keeps_the_profile_as_recorded(api, demo):
    rec = vcr.one(
        lambda d: (
            d["resource"] == "users"
            and d["method"] == "PUT"
            and d["status"] == 200
            and set(d["request_body"]) == {"credentials"}
        )
    )
    assert rec["response_body"]["passwordChanged"] > rec["response_body"]["lastUpdated"]  # the recorded answer
    before = api.get(f"/api/v1/users/{demo.JANE_ID}").json()
    r = api.put(f"/api/v1/users/{demo.JANE_ID}", json=rec["request_body"])
    assert r.status_code == 200
    after = r.json()
    assert after["profile"] == before["profile"] and after["lastUpdated"] == before["lastUpdated"]
    assert after["passwordChanged"] > before["passwordChanged"]


def test_replace_with_neither_profile_nor_credentials_is_refused(api, demo):
    r = api.put(f"/api/v1/users/{demo.JANE_ID}", json={"realmId": "guo0000000000000000"})
    assert err(r) == (400, "E0000001")
