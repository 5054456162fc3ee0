"""Push with number matching: the challenge Okta returns, the user picking the right or a wrong
number (control API or scripted behaviour), and expiry."""

import urllib.error

import pytest

NUMBER_MATCHING = {"useNumberMatchingChallenge": True}


def err(r):
    return r.status_code, r.json()["errorCode"]


def push(api, uid, fid, body=NUMBER_MATCHING, **params):
    return api.post(
        f"/api/v1/users/{uid}/factors/{fid}/verify", json=body, params=params, headers={"User-Agent": "test"}
    )


def poll(api, started):
    return api.get(started.json()["_links"]["poll"]["href"]).json()


def tx_id(started):
    return started.json()["_links"]["poll"]["href"].rsplit("/", 1)[1]


def pick_status(sim, started, picked) -> int:
    try:
        sim.control("POST", f"/push/{tx_id(started)}", json={"picked": picked})
    except urllib.error.HTTPError as exc:
        return exc.code
    return 200


def manual_push(api, demo, body=NUMBER_MATCHING):
    uid = api.get(f"/api/v1/users/{demo.MANUAL_USER_LOGIN}").json()["id"]
    fid = api.get(f"/api/v1/users/{uid}/factors").json()[0]["id"]
    return push(api, uid, fid, body)


def test_the_challenge_carries_the_number_and_the_expiry(api, sim, demo):
    sim.control("POST", "/clock", json={"set": "2030-01-01T00:00:00.000Z", "freeze": True})
    r = push(api, demo.JOHN_ID, demo.JOHN_PUSH_FACTOR_ID, tokenLifetimeSeconds=60)
    body = r.json()
    assert (r.status_code, body["factorResult"], body["expiresAt"]) == (201, "WAITING", "2030-01-01T00:01:00.000Z")
    assert 10 <= body["_embedded"]["challenge"]["correctAnswer"] <= 99


def test_a_push_without_number_matching_has_no_challenge(api, demo):
    assert "_embedded" not in push(api, demo.JOHN_ID, demo.JOHN_PUSH_FACTOR_ID, body=None).json()


def test_polling_while_waiting_repeats_the_number(api, demo):
    started = manual_push(api, demo)
    assert poll(api, started)["_embedded"] == started.json()["_embedded"]


@pytest.mark.parametrize(("offset", "result"), [(0, "SUCCESS"), (1, "REJECTED")])
def test_the_user_picking_a_number_approves_only_the_right_one(api, sim, demo, offset, result):
    started = manual_push(api, demo)
    correct = started.json()["_embedded"]["challenge"]["correctAnswer"]
    picked = correct + offset if correct + offset <= 99 else 10
    tx = sim.control("POST", f"/push/{tx_id(started)}", json={"picked": picked})
    assert tx["picked"] == picked
    assert poll(api, started)["factorResult"] == result


def test_a_wrong_number_is_logged_as_a_denied_push(api, sim, demo):
    started = manual_push(api, demo)
    correct = started.json()["_embedded"]["challenge"]["correctAnswer"]
    sim.control("POST", f"/push/{tx_id(started)}", json={"picked": 10 if correct != 10 else 11})
    assert sim.store.logs[-1]["eventType"] == "user.mfa.okta_verify.deny_push"


@pytest.mark.parametrize(("number", "result"), [("correct", "SUCCESS"), ("wrong", "REJECTED")])
def test_a_scripted_pick_after_polls_decides_the_push(api, sim, demo, number, result):
    behaviour = {"behaviour": "pick_after", "polls": 2, "number": number}
    sim.store.factors[demo.JOHN_ID][demo.JOHN_PUSH_FACTOR_ID]["_behaviour"] = behaviour
    started = push(api, demo.JOHN_ID, demo.JOHN_PUSH_FACTOR_ID)
    assert poll(api, started)["factorResult"] == "WAITING"
    assert poll(api, started)["factorResult"] == result


def test_a_scripted_pick_approves_a_push_without_number_matching(api, sim, demo):
    behaviour = {"behaviour": "pick_after", "polls": 1, "number": "wrong"}
    sim.store.factors[demo.JOHN_ID][demo.JOHN_PUSH_FACTOR_ID]["_behaviour"] = behaviour
    started = push(api, demo.JOHN_ID, demo.JOHN_PUSH_FACTOR_ID, body=None)
    assert poll(api, started)["factorResult"] == "SUCCESS"


def test_an_unanswered_number_challenge_times_out(api, sim, demo):
    started = manual_push(api, demo)
    sim.control("POST", "/clock", json={"advance": 301})
    assert poll(api, started)["factorResult"] == "TIMEOUT"


def test_picking_on_a_push_without_number_matching_is_refused(api, sim, demo):
    started = manual_push(api, demo, body=None)
    assert pick_status(sim, started, 42) == 400
    assert poll(api, started)["factorResult"] == "WAITING"


@pytest.mark.parametrize("picked", ["42", True, None])
def test_a_picked_value_that_is_not_an_integer_is_refused(api, sim, demo, picked):
    started = manual_push(api, demo)
    assert pick_status(sim, started, picked) == 400
    assert poll(api, started)["factorResult"] == "WAITING"
