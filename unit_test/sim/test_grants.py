"""A user's OAuth clients, scope consent grants and refresh tokens: list (paged), one, revoke
one / per client / all, and what each revocation leaves."""

import pytest

from .conftest import links


def err(r):
    return r.status_code, r.json()["errorCode"]


def user_path(demo, rest=""):
    return f"/api/v1/users/{demo.JANE_ID}{rest}"


def grants(api, demo, **params):
    return api.get(user_path(demo, "/grants"), params=dict({"limit": 200}, **params)).json()


def tokens(api, demo, client):
    return api.get(user_path(demo, f"/clients/{client}/tokens")).json()


def test_the_clients_are_those_with_grants_or_tokens(api, demo):
    clients = api.get(user_path(demo, "/clients")).json()
    assert {c["client_name"] for c in clients} == {"GitHub Enterprise", demo.MAIL_SYNC_APP_LABEL}
    mail = next(c for c in clients if c["client_id"] == demo.MAIL_SYNC_APP_ID)
    assert mail["_links"]["tokens"]["href"].endswith(f"/clients/{demo.MAIL_SYNC_APP_ID}/tokens")


def test_a_grant_names_client_scope_source_and_issuer(api, sim, demo):
    g = api.get(user_path(demo, f"/grants/{demo.JANE_MAIL_SYNC_GRANT_ID}")).json()
    assert (g["clientId"], g["scopeId"], g["source"], g["status"], g["issuer"]) == (
        demo.MAIL_SYNC_APP_ID,
        "offline_access",
        "END_USER",
        "ACTIVE",
        sim.url,
    )
    assert "_embedded" not in g


def test_expand_scope_embeds_the_scope(api, demo):
    g = api.get(user_path(demo, f"/grants/{demo.JANE_MAIL_SYNC_GRANT_ID}"), params={"expand": "scope"}).json()
    assert g["_embedded"] == {"scope": {"id": "offline_access"}}


def test_an_unknown_expand_is_400(api, demo):
    assert err(api.get(user_path(demo, "/grants"), params={"expand": "user"})) == (400, "E0000001")


def test_grants_are_paged_with_link_headers(api, demo):
    r = api.get(user_path(demo, "/grants"), params={"limit": 3})
    seen = [g["id"] for g in r.json()]
    while len(links(r)) > 1:
        r = api.get(links(r)[1].split(">")[0].lstrip("<"))
        seen += [g["id"] for g in r.json()]
    assert len(seen) == len(set(seen)) == 8


def test_scope_id_filters_the_grants(api, demo):
    assert {g["scopeId"] for g in grants(api, demo, scopeId="openid")} == {"openid"}
    assert len(grants(api, demo, scopeId="openid")) == 2


@pytest.mark.parametrize(
    "path",
    [
        "/grants/oagNoSuchGrant",
        "/clients/{github}/tokens/oarNoSuchToken",
        "/clients/0oaNoSuchApp/grants",
        "/clients/0oaNoSuchApp/tokens",
    ],
)
def test_what_does_not_exist_is_404_E0000007(api, demo, path):
    assert err(api.get(user_path(demo, path.format(github=demo.GITHUB_APP_ID)))) == (404, "E0000007")


def test_another_users_grant_is_not_found_through_jane(api, demo):
    johns = api.get(f"/api/v1/users/{demo.JOHN_ID}/grants").json()[0]
    assert api.get(user_path(demo, f"/grants/{johns['id']}")).status_code == 404


def test_an_unknown_user_is_404(api):
    assert err(api.get("/api/v1/users/00uNoSuchUser/grants")) == (404, "E0000007")


def test_revoking_one_grant_leaves_the_others(api, sim, demo):
    assert api.delete(user_path(demo, f"/grants/{demo.JANE_MAIL_SYNC_GRANT_ID}")).status_code == 204
    assert len(grants(api, demo)) == 7 and sim.store.logs[-1]["eventType"] == "app.oauth2.as.consent.revoke"


def test_revoking_all_grants_empties_the_list_but_keeps_refresh_tokens(api, sim, demo):
    assert api.delete(user_path(demo, "/grants")).status_code == 204
    assert grants(api, demo) == [] and sim.store.logs[-1]["eventType"] == "app.oauth2.as.consent.revoke.user"
    assert len(tokens(api, demo, demo.MAIL_SYNC_APP_ID)) == 1


def test_revoking_a_clients_grants_leaves_the_other_clients(api, sim, demo):
    assert api.delete(user_path(demo, f"/clients/{demo.MAIL_SYNC_APP_ID}/grants")).status_code == 204
    assert {g["clientId"] for g in grants(api, demo)} == {demo.GITHUB_APP_ID}
    assert sim.store.logs[-1]["eventType"] == "app.oauth2.as.consent.revoke.user.client"


def test_revoking_grants_twice_is_still_204(api, demo):
    api.delete(user_path(demo, "/grants"))
    assert api.delete(user_path(demo, "/grants")).status_code == 204


def test_a_refresh_token_names_client_user_scopes_and_expiry(api, sim, demo):
    t = api.get(user_path(demo, f"/clients/{demo.MAIL_SYNC_APP_ID}/tokens/{demo.JANE_MAIL_SYNC_TOKEN_ID}")).json()
    assert (t["clientId"], t["userId"], t["scopes"], t["issuer"]) == (
        demo.MAIL_SYNC_APP_ID,
        demo.JANE_ID,
        ["offline_access", "okta.users.read.self"],
        sim.url + "/oauth2/default",
    )
    assert t["_links"]["revoke"]["hints"]["allow"] == ["DELETE"]


def test_a_token_of_another_client_is_not_found_under_this_one(api, demo):
    r = api.get(user_path(demo, f"/clients/{demo.GITHUB_APP_ID}/tokens/{demo.JANE_MAIL_SYNC_TOKEN_ID}"))
    assert r.status_code == 404


def test_revoking_one_token_leaves_the_clients_other_tokens_and_other_clients(api, sim, demo):
    url = user_path(demo, f"/clients/{demo.MAIL_SYNC_APP_ID}/tokens/{demo.JANE_MAIL_SYNC_TOKEN_ID}")
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404 and len(tokens(api, demo, demo.GITHUB_APP_ID)) == 1
    assert sim.store.logs[-1]["eventType"] == "app.oauth2.as.token.revoke"


def test_revoking_a_clients_tokens_empties_that_client_only(api, demo):
    assert api.delete(user_path(demo, f"/clients/{demo.GITHUB_APP_ID}/tokens")).status_code == 204
    assert tokens(api, demo, demo.GITHUB_APP_ID) == [] and len(tokens(api, demo, demo.MAIL_SYNC_APP_ID)) == 1


def test_a_client_without_grants_or_tokens_leaves_the_clients_list(api, demo):
    api.delete(user_path(demo, f"/clients/{demo.MAIL_SYNC_APP_ID}/grants"))
    api.delete(user_path(demo, f"/clients/{demo.MAIL_SYNC_APP_ID}/tokens"))
    assert [c["client_id"] for c in api.get(user_path(demo, "/clients")).json()] == [demo.GITHUB_APP_ID]


def test_an_expired_refresh_token_is_no_longer_listed(api, sim, demo):
    sim.control("POST", "/clock", json={"advance": 91 * 86400})
    assert tokens(api, demo, demo.MAIL_SYNC_APP_ID) == []
