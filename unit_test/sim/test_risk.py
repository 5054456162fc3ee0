"""User risk (ITP): read, upsert (201 first, 200 after), validation, the log, and the recordings."""

import pytest

from . import vcr


def err(r):
    return r.status_code, r.json()["errorCode"]


def risk(demo, uid=None):
    return f"/api/v1/users/{uid or demo.JANE_ID}/risk"


def test_a_rated_user_reads_level_and_reason(api, demo):
    body = api.get(risk(demo)).json()
    assert (body["riskLevel"], body["reason"]) == (demo.JANE_RISK_LEVEL, "Anomalous sign-in from a new device")
    assert body["_links"]["self"]["hints"]["allow"] == ["GET", "PUT"]


def test_a_user_never_rated_reads_none_without_a_reason(api, demo):
    assert api.get(risk(demo, demo.JOHN_ID)).json()["riskLevel"] == "NONE"
    assert "reason" not in api.get(risk(demo, demo.JOHN_ID)).json()


def test_the_first_rating_is_201_and_later_ones_200(api, demo):
    assert api.put(risk(demo, demo.JOHN_ID), json={"riskLevel": "HIGH"}).status_code == 201
    assert api.put(risk(demo, demo.JOHN_ID), json={"riskLevel": "LOW"}).status_code == 200
    assert api.get(risk(demo, demo.JOHN_ID)).json()["riskLevel"] == "LOW"


def test_a_reason_given_is_kept(api, demo):
    r = api.put(risk(demo), json={"riskLevel": "HIGH", "riskReason": "SOC verdict, case 4711"})
    assert (r.json()["riskLevel"], r.json()["reason"]) == ("HIGH", "SOC verdict, case 4711")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"riskLevel": "NONE"},
        {"riskLevel": "high"},
        {"riskLevel": "HIGH", "riskReason": "see <script>"},
        {"riskLevel": "HIGH", "riskReason": "x" * 501},
    ],
)
def test_a_bad_rating_is_400_E0000001_and_changes_nothing(api, demo, body):
    assert err(api.put(risk(demo), json=body)) == (400, "E0000001")
    assert api.get(risk(demo)).json()["riskLevel"] == demo.JANE_RISK_LEVEL


def test_a_change_is_logged_as_user_risk_change(api, sim, demo):
    api.put(risk(demo), json={"riskLevel": "HIGH"})
    event = sim.store.logs[-1]
    assert event["eventType"] == "user.risk.change" and event["target"][0]["id"] == demo.JANE_ID


def test_the_same_rating_again_logs_nothing_new(api, sim, demo):
    api.put(risk(demo), json={"riskLevel": "HIGH"})
    count = len(sim.store.logs)
    api.put(risk(demo), json={"riskLevel": "HIGH"})
    assert len(sim.store.logs) == count


def test_an_unknown_user_is_404(api, demo):
    assert err(api.get(risk(demo, "00uNoSuchUser"))) == (404, "E0000007")


@pytest.mark.parametrize(
    "rec",
    vcr.params(
        lambda d: d["path_template"] == "/api/v1/users/{userId}/risk" and d["method"] == "PUT" and d["status"] == 201
    ),
)
def test_a_first_rating_answers_what_real_okta_recorded(api, demo, rec):
    r = api.put(risk(demo, demo.JOHN_ID), json=rec["request_body"])
    assert r.status_code == rec["status"]
    assert vcr.stable(r.json()) == vcr.stable(rec["response_body"])
