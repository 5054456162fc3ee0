"""Event hooks: CRUD, verification GET challenge, batched delivery to ACTIVE+VERIFIED hooks."""

from . import vcr
from .receiver import Receiver


def hook_body(url, items=("user.lifecycle.suspend", "user.session.clear")):
    return {
        "name": "SOAR receiver",
        "events": {"type": "EVENT_TYPE", "items": list(items)},
        "channel": {
            "type": "HTTP",
            "version": "1.0.0",
            "config": {
                "uri": url,
                "headers": [{"key": "X-Extra", "value": "1"}],
                "authScheme": {"type": "HEADER", "key": "Authorization", "value": "s3cret"},
            },
        },
    }


def test_created_hook_is_active_unverified_and_hides_secret(api):
    h = api.post("/api/v1/eventHooks", json=hook_body("https://example.com/h")).json()
    assert h["status"] == "ACTIVE" and h["verificationStatus"] == "UNVERIFIED"
    assert h["channel"]["config"]["authScheme"] == {"type": "HEADER", "key": "Authorization"}
    assert h["channel"]["config"]["method"] == "POST" and "verify" in h["_links"]


def test_ineligible_event_type_is_refused(api):
    r = api.post("/api/v1/eventHooks", json=hook_body("https://example.com/h", items=["zone.update"]))
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000001")


def test_wrong_channel_version_is_refused(api):
    b = hook_body("https://example.com/h")
    b["channel"]["version"] = "2.0.0"
    assert api.post("/api/v1/eventHooks", json=b).status_code == 400


def test_verify_sends_get_challenge_and_marks_verified(api):
    with Receiver() as rx:
        hid = api.post("/api/v1/eventHooks", json=hook_body(rx.url)).json()["id"]
        r = api.post(f"/api/v1/eventHooks/{hid}/lifecycle/verify")
        assert r.status_code == 200 and r.json()["verificationStatus"] == "VERIFIED"
        assert rx.gets[0]["x-okta-verification-challenge"] and rx.gets[0]["Authorization"] == "s3cret"


def test_failed_verification_is_400_and_stays_unverified(api):
    with Receiver(verify_ok=False) as rx:
        hid = api.post("/api/v1/eventHooks", json=hook_body(rx.url)).json()["id"]
        assert api.post(f"/api/v1/eventHooks/{hid}/lifecycle/verify").status_code == 400
        assert api.get(f"/api/v1/eventHooks/{hid}").json()["verificationStatus"] == "UNVERIFIED"
        assert len(rx.gets) == 2  # one retry


def test_matching_events_are_delivered_in_okta_envelope(api, sim, demo):
    with Receiver() as rx:
        hid = api.post("/api/v1/eventHooks", json=hook_body(rx.url)).json()["id"]
        api.post(f"/api/v1/eventHooks/{hid}/lifecycle/verify")
        api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/suspend")
        api.delete(f"/api/v1/users/{demo.JANE_ID}/sessions")
        api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/unsuspend")  # not subscribed
        sim.control("POST", "/hooks/flush")
        events = [e for p in rx.posts for e in p["body"]["data"]["events"]]
        assert sorted(e["eventType"] for e in events) == ["user.lifecycle.suspend", "user.session.clear"]
        post = rx.posts[0]
        assert post["body"]["eventType"] == "com.okta.event_hook" and post["body"]["source"].endswith(hid)
        assert post["headers"]["Authorization"] == "s3cret" and post["headers"]["X-Extra"] == "1"


def test_events_are_batched(api, sim, demo):
    with Receiver() as rx:
        hid = api.post("/api/v1/eventHooks", json=hook_body(rx.url, ["user.session.start"])).json()["id"]
        api.post(f"/api/v1/eventHooks/{hid}/lifecycle/verify")
        sim.control("POST", "/events", json={"events": [{"eventType": "user.session.start"}] * 20})
        sim.control("POST", "/hooks/flush")
        assert sum(len(p["body"]["data"]["events"]) for p in rx.posts) == 20 and len(rx.posts) < 20


def test_unverified_or_inactive_hooks_get_nothing(api, sim, demo):
    with Receiver() as rx:
        api.post("/api/v1/eventHooks", json=hook_body(rx.url))  # unverified
        hid = api.post("/api/v1/eventHooks", json=hook_body(rx.url)).json()["id"]
        api.post(f"/api/v1/eventHooks/{hid}/lifecycle/verify")
        api.post(f"/api/v1/eventHooks/{hid}/lifecycle/deactivate")
        api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/suspend")
        sim.control("POST", "/hooks/flush")
        assert rx.posts == []


def test_failed_delivery_is_retried_once_and_logged(api, sim, demo):
    with Receiver(post_status=500) as rx:
        hid = api.post("/api/v1/eventHooks", json=hook_body(rx.url)).json()["id"]
        api.post(f"/api/v1/eventHooks/{hid}/lifecycle/verify")
        api.post(f"/api/v1/users/{demo.JANE_ID}/lifecycle/suspend")
        sim.control("POST", "/hooks/flush")
        assert len(rx.posts) == 2
        assert sim.store.logs[-1]["eventType"] == "event_hook.delivery"


def test_delete_requires_inactive(api):
    hid = api.post("/api/v1/eventHooks", json=hook_body("https://example.com/h")).json()["id"]
    assert api.delete(f"/api/v1/eventHooks/{hid}").status_code == 400
    api.post(f"/api/v1/eventHooks/{hid}/lifecycle/deactivate")
    assert api.delete(f"/api/v1/eventHooks/{hid}").status_code == 204
    assert api.get(f"/api/v1/eventHooks/{hid}").json()["errorSummary"].endswith("(Webhook)")


def test_replace_hook_with_new_uri_needs_new_verification(api):
    with Receiver() as rx:
        hid = api.post("/api/v1/eventHooks", json=hook_body(rx.url)).json()["id"]
        api.post(f"/api/v1/eventHooks/{hid}/lifecycle/verify")
        h = api.put(f"/api/v1/eventHooks/{hid}", json=hook_body(rx.url + "2")).json()
        assert h["verificationStatus"] == "UNVERIFIED"


def test_list_hooks(api, demo):
    assert demo.SIEM_HOOK_ID in [h["id"] for h in api.get("/api/v1/eventHooks").json()]


# ---- where the recordings (../shared/okta-vcr) show what real Okta does --------------------
def _recorded_hook_answer(path_end, predicate=None):
    return vcr.one(
        lambda d: (
            d["resource"] == "eventHooks"
            and d["status"] == 200
            and d["path"].endswith(path_end)
            and (predicate is None or predicate(d))
        )
    )


def test_inactive_hook_offers_activate_and_delete_as_recorded(api):
    real = _recorded_hook_answer("/lifecycle/deactivate")["response_body"]
    hid = api.post("/api/v1/eventHooks", json=hook_body("https://example.com/h")).json()["id"]
    links = api.post(f"/api/v1/eventHooks/{hid}/lifecycle/deactivate").json()["_links"]
    assert sorted(links) == sorted(real["_links"]) == ["activate", "delete", "self"]
    assert links["delete"] == {"href": links["self"]["href"], "hints": {"allow": ["DELETE"]}}


def test_verified_active_hook_still_offers_verify_as_recorded(api):
    real = _recorded_hook_answer("/lifecycle/verify")["response_body"]
    with Receiver() as rx:
        hid = api.post("/api/v1/eventHooks", json=hook_body(rx.url)).json()["id"]
        ours = api.post(f"/api/v1/eventHooks/{hid}/lifecycle/verify").json()
    assert ours["verificationStatus"] == real["verificationStatus"] == "VERIFIED"
    assert sorted(ours["_links"]) == sorted(real["_links"])


def test_replace_applies_the_given_status_as_recorded(api):
    rec = vcr.one(
        lambda d: (
            d["resource"] == "eventHooks"
            and d["method"] == "PUT"
            and d["status"] == 200
            and d["request_body"].get("status") == "INACTIVE"
        )
    )
    hid = api.post("/api/v1/eventHooks", json=hook_body("https://example.com/h")).json()["id"]
    r = api.put(f"/api/v1/eventHooks/{hid}", json=rec["request_body"])
    assert r.status_code == 200 and vcr.stable(r.json()) == vcr.stable(rec["response_body"])
