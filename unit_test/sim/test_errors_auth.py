"""Authentication failures and Okta's error envelope, on every kind of error."""

import requests


def test_missing_authorization_is_403_e0000005(sim):
    r = requests.get(sim.url + "/api/v1/users")
    assert (r.status_code, r.json()["errorCode"]) == (403, "E0000005")


def test_wrong_token_is_401_e0000011(sim):
    r = requests.get(sim.url + "/api/v1/users", headers={"Authorization": "SSWS wrong"})
    assert (r.status_code, r.json()["errorCode"]) == (401, "E0000011")


def test_bearer_token_is_refused_until_oauth_exists(sim):
    r = requests.get(sim.url + "/api/v1/users", headers={"Authorization": "Bearer abc"})
    assert r.status_code == 401 and "WWW-Authenticate" in r.headers


def test_authenticator_accepts_a_registered_scheme(sim, api):
    sim.app.auth.register_scheme("Bearer", lambda cred, req: {"scheme": "Bearer", "user_id": None})
    assert requests.get(sim.url + "/api/v1/users?limit=1", headers={"Authorization": "Bearer x"}).status_code == 200


def test_error_envelope_has_all_okta_keys(api):
    body = api.get("/api/v1/users/nobody-here").json()
    assert set(body) == {"errorCode", "errorSummary", "errorLink", "errorId", "errorCauses"}
    assert body["errorLink"] == body["errorCode"] and body["errorId"].startswith("oae")


def test_unknown_path_is_404_e0000008(api):
    r = api.get("/api/v1/nothing/here")
    assert (r.status_code, r.json()["errorCode"]) == (404, "E0000008")


def test_wrong_method_is_405_e0000022(api):
    r = api.put("/api/v1/users", json={})
    assert (r.status_code, r.json()["errorCode"]) == (405, "E0000022")


def test_malformed_json_is_400_e0000003(api):
    r = api.s.post(api.url("/api/v1/users"), data="{not json")
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000003")


def test_every_response_has_request_id_rate_headers_and_date(api, sim):
    for r in (api.get("/api/v1/users?limit=1"), api.get("/api/v1/users/nope"), requests.get(sim.url + "/api/v1/users")):
        for h in ("X-Okta-Request-Id", "X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset", "Date"):
            assert h in r.headers


def test_request_ids_are_unique(api):
    a = api.get("/api/v1/users?limit=1").headers["X-Okta-Request-Id"]
    b = api.get("/api/v1/users?limit=1").headers["X-Okta-Request-Id"]
    assert a != b


def test_every_error_code_the_simulator_raises_has_its_status_without_okta_s_catalogue():
    """The simulator must answer Okta's statuses on a machine without ../shared too."""
    import re
    from pathlib import Path

    from oktasim.errors import BUILTIN

    sources = Path(__file__).resolve().parents[2] / "oktasim"
    raised = {code for path in sources.rglob("*.py") for code in re.findall(r'"(E0000\d{3})"', path.read_text())}
    assert raised - set(BUILTIN) == set()
