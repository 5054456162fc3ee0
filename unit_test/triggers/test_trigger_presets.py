"""Security-event presets on New System Logs and Okta Event Hook: for every preset, an event of
each of its types is emitted and an event outside it is not; how a preset combines with a filter
or given event types; and every declared type checked against Okta's event type catalogue.

New System Logs runs against a mocked /logs that applies the `filter` the way Okta's grammar
does (the simulator's evaluator); Okta Event Hook runs its real listener on 127.0.0.1.
"""

import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from komand_okta import presets
from komand_okta.clock import FakeClock
from komand_okta.connection import Connection
from komand_okta.okta import hooks
from komand_okta.runtime import spec
from komand_okta.runtime.errors import ClientError
from komand_okta.runtime.redact import Redactor
from komand_okta.runtime.steplog import StepLog
from komand_okta.triggers import new_system_logs, okta_event_hook
from oktasim import search
from oktasim.resources.logs import getter
from unit_test.conftest import API, CONNECTION, run_step
from unit_test.triggers.test_okta_event_hook import PARAMS as HOOK_PARAMS
from unit_test.triggers.test_okta_event_hook import send

CATALOGUE = Path(__file__).resolve().parents[2].parent / "shared" / "okta-openapi" / "okta-event-types.min.json"
DECLARED = spec.load()["enum_values"]["preset"]["values"]
PRESETS = sorted(DECLARED)
OUTSIDE = "user.session.start"  # in no preset
SINCE = "2024-08-13T12:00:00.000Z"


def make(trigger_module):
    log = StepLog(Redactor(), stream=io.StringIO(), debug=True)
    return trigger_module.Trigger(Connection(CONNECTION, log=log, clock=FakeClock()), log, FakeClock())


def hook_eligible(preset) -> list:
    return [name for name in DECLARED[preset]["event_types"] if name in hooks.eligible_types()]


# -- the declarations ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def catalogue():
    if not CATALOGUE.is_file():
        pytest.skip("Okta's event type catalogue (../shared/okta-openapi) is not here")
    return {entry["id"]: entry for entry in json.loads(CATALOGUE.read_text(encoding="utf-8"))["eventTypes"]}


@pytest.mark.parametrize("preset", PRESETS)
def test_every_event_type_of_the_preset_is_in_oktas_catalogue(preset, catalogue):
    assert [name for name in DECLARED[preset]["event_types"] if name not in catalogue] == []


@pytest.mark.parametrize("preset", PRESETS)
def test_the_types_declared_not_hook_eligible_are_exactly_those_the_catalogue_says(preset, catalogue):
    types = DECLARED[preset]["event_types"]
    assert DECLARED[preset].get("not_hook_eligible", []) == [
        name for name in types if not catalogue[name]["eventHookEligible"]
    ]


def test_the_packaged_hook_eligible_list_agrees_with_the_catalogue(catalogue):
    assert hooks.eligible_types() == {name for name, entry in catalogue.items() if entry["eventHookEligible"]}


def test_the_hook_triggers_preset_description_names_every_preset_hooks_never_get():
    never = [preset for preset in PRESETS if not hook_eligible(preset)]
    description = spec.load()["triggers"]["okta_event_hook"]["input"]["preset"]["description"]
    assert never and [preset for preset in never if preset not in description] == []


def test_both_triggers_offer_every_declared_preset():
    triggers = spec.load()["triggers"]
    assert triggers["new_system_logs"]["input"]["preset"]["enum"] == list(DECLARED)
    assert triggers["okta_event_hook"]["input"]["preset"]["enum"] == list(DECLARED)


def test_the_issues_fifteen_presets_are_declared_each_with_event_types():
    assert len(DECLARED) >= 15 and all(value["event_types"] for value in DECLARED.values())


# -- New System Logs ------------------------------------------------------------------------------
class FilteringLog:
    """Okta's polling stream, applying `filter` as Okta's grammar reads it; a next link on every page."""

    def __init__(self, okta, types):
        self.events = [
            {
                "uuid": "uuid-%03d" % n,
                "published": "2024-08-13T12:00:%02d.000Z" % (n + 1),
                "eventType": kind,
                "version": "0",
                "severity": "INFO",
                "displayMessage": kind,
            }
            for n, kind in enumerate(types)
        ]
        self.filters = []
        okta.get(API + "/logs", json=self._answer, headers={"Date": "Tue, 13 Aug 2024 12:00:00 GMT"})

    def _answer(self, request, context):
        query = {key: values[0] for key, values in parse_qs(urlsplit(request.url).query).items()}
        self.filters.append(query.get("filter"))
        matches = search.build(query["filter"], search.LOG_FILTER, getter) if query.get("filter") else (lambda e: True)
        start = int(query.get("after", 0))
        page = [event for event in self.events[start:] if matches(event) and event["published"] >= SINCE]
        context.headers["Link"] = '<%s/logs?%s>; rel="next"' % (API, urlencode(dict(query, after=len(self.events))))
        return page


def polled_types(params) -> list:
    trigger, state = make(new_system_logs), {}
    assert trigger.poll(dict(params, since=SINCE), state) == []  # the first poll fixes where the stream starts
    return [event["log_event"]["eventType"] for event in trigger.poll(dict(params, since=SINCE), state)]


@pytest.mark.parametrize("preset", PRESETS)
def test_new_system_logs_emits_each_event_type_of_the_preset_and_nothing_outside_it(okta, preset):
    types = DECLARED[preset]["event_types"]
    FilteringLog(okta, [OUTSIDE, *types])
    assert polled_types({"preset": preset}) == types


def test_a_preset_and_a_filter_must_both_match(okta):
    log = FilteringLog(okta, ["user.account.lock", "user.account.lock.limit", OUTSIDE])
    assert polled_types({"preset": "account_locked", "filter": 'eventType eq "user.account.lock"'}) == [
        "user.account.lock"
    ]
    assert log.filters[-1] == (
        '(eventType eq "user.account.lock" or eventType eq "user.account.lock.limit") '
        'and (eventType eq "user.account.lock")'
    )


def test_without_a_preset_the_filter_is_sent_as_given(okta):
    log = FilteringLog(okta, [OUTSIDE])
    polled_types({"filter": 'eventType sw "user."'})
    assert set(log.filters) == {'eventType sw "user."'}


def test_an_unknown_preset_is_refused_naming_the_field_before_any_request(okta):
    result = run_step("trigger", "new_system_logs", {"preset": "admin_granted"})
    assert not result.ok and "preset" in result.error and okta.request_history == []


# -- Okta Event Hook --------------------------------------------------------------------------------
def hook_params(preset):
    extra = {} if hook_eligible(preset) else {"event_types": ["user.account.unlock"]}  # hooks never get the preset
    return dict(HOOK_PARAMS, preset=preset, **extra)


def delivered(trigger, state, params, types) -> list:
    body = {
        "eventType": "com.okta.event_hook",
        "eventId": "env-1",
        "data": {"events": [{"uuid": "u%d" % n, "eventType": kind} for n, kind in enumerate(types)]},
    }
    assert send(trigger.listener.port, body=body)[0] == 200
    return [event["event"]["eventType"] for event in trigger.poll(params, state)]


def registrable(okta):
    """Okta's event hook API for a hook created already verified and active, and removed at close."""
    okta.post(API + "/eventHooks", json={"id": "who1", "status": "ACTIVE", "verificationStatus": "VERIFIED"})
    okta.post(API + "/eventHooks/who1/lifecycle/deactivate", json={"id": "who1", "status": "INACTIVE"})
    okta.delete(API + "/eventHooks/who1", status_code=204)


@pytest.fixture
def hook_trigger(monkeypatch):
    monkeypatch.setattr(okta_event_hook, "LISTEN_HOST", "127.0.0.1")
    trigger = make(okta_event_hook)
    yield trigger
    trigger.close()


@pytest.mark.parametrize("preset", PRESETS)
def test_the_event_hook_emits_each_event_type_of_the_preset_and_nothing_outside_it(hook_trigger, preset):
    params, state = hook_params(preset), {}
    hook_trigger.poll(params, state)
    types = DECLARED[preset]["event_types"]
    assert delivered(hook_trigger, state, params, [OUTSIDE, *types]) == types


def test_the_event_hook_emits_the_given_event_types_besides_the_presets(hook_trigger):
    params, state = dict(HOOK_PARAMS, preset="account_locked", event_types=["user.account.unlock"]), {}
    hook_trigger.poll(params, state)
    assert delivered(hook_trigger, state, params, [OUTSIDE, "user.account.unlock", "user.account.lock"]) == [
        "user.account.unlock",
        "user.account.lock",
    ]


def test_without_a_preset_the_event_hook_emits_every_event_delivered(hook_trigger):
    params, state = dict(HOOK_PARAMS, event_types=["user.account.lock"]), {}
    hook_trigger.poll(params, state)
    assert delivered(hook_trigger, state, params, [OUTSIDE, "user.account.lock"]) == [OUTSIDE, "user.account.lock"]


def test_events_outside_the_preset_are_counted_in_the_log(hook_trigger):
    params, state = dict(HOOK_PARAMS, preset="account_locked"), {}
    hook_trigger.poll(params, state)
    delivered(hook_trigger, state, params, [OUTSIDE, OUTSIDE])
    assert "2 delivered event(s) outside the preset account_locked were left out" in hook_trigger.log.text()


def test_a_preset_hooks_never_get_is_refused_pointing_at_new_system_logs(hook_trigger):
    with pytest.raises(ClientError) as refused:
        hook_trigger.poll(dict(HOOK_PARAMS, preset="zone_changed"), {})
    assert "zone_changed" in refused.value.cause and "New System Logs" in refused.value.assistance
    assert hook_trigger.listener is None


def test_register_subscribes_to_the_given_types_then_the_presets_hook_eligible_ones(okta, hook_trigger):
    registrable(okta)
    params = dict(
        HOOK_PARAMS,
        preset="account_locked",
        event_types=["user.account.unlock"],
        register=True,
        public_url="https://soar.example.com/okta/events",
    )

    hook_trigger.poll(params, {})

    assert okta.request_history[0].json()["events"]["items"] == ["user.account.unlock", "user.account.lock"]
    assert "user.account.lock.limit of the preset account_locked" in hook_trigger.log.text()


def test_register_with_a_preset_alone_needs_no_event_types(okta, hook_trigger):
    registrable(okta)
    params = dict(
        HOOK_PARAMS, preset="admin_privilege_changed", register=True, public_url="https://soar.example.com/okta/events"
    )

    hook_trigger.poll(params, {})

    assert okta.request_history[0].json()["events"]["items"] == DECLARED["admin_privilege_changed"]["event_types"]


def saved_hook(okta, items):
    """The hook of a saved state (delivering to the public URL, subscribed to `items`), removable."""
    okta.get(
        API + "/eventHooks/who0",
        json={
            "id": "who0",
            "status": "ACTIVE",
            "verificationStatus": "VERIFIED",
            "channel": {"config": {"uri": "https://soar.example.com/okta/events"}},
            "events": {"type": "EVENT_TYPE", "items": items},
        },
    )
    okta.post(API + "/eventHooks/who0/lifecycle/deactivate", json={"id": "who0", "status": "INACTIVE"})
    okta.delete(API + "/eventHooks/who0", status_code=204)
    return dict(HOOK_PARAMS, preset="account_locked", register=True, public_url="https://soar.example.com/okta/events")


def test_the_saved_hook_is_reused_while_it_subscribes_to_the_presets_types(okta, hook_trigger):
    params = saved_hook(okta, ["user.account.lock"])
    hook_trigger.poll(params, {"hook_id": "who0"})
    assert [(r.method, r.path) for r in okta.request_history] == [("GET", "/api/v1/eventhooks/who0")]


def test_a_saved_hook_subscribed_to_other_types_is_replaced_after_the_preset_changed(okta, hook_trigger):
    params = saved_hook(okta, ["zone.create"])
    registrable(okta)
    state = {"hook_id": "who0"}

    hook_trigger.poll(params, state)

    assert [(r.method, r.path) for r in okta.request_history] == [
        ("GET", "/api/v1/eventhooks/who0"),
        ("POST", "/api/v1/eventhooks/who0/lifecycle/deactivate"),
        ("DELETE", "/api/v1/eventhooks/who0"),
        ("POST", "/api/v1/eventhooks"),
    ]
    assert okta.request_history[-1].json()["events"]["items"] == ["user.account.lock"] and state["hook_id"] == "who1"


# -- the filter itself --------------------------------------------------------------------------
def test_the_preset_filter_quotes_each_type_as_an_okta_string():
    assert presets.log_filter("api_token_changed", None) == (
        'eventType eq "system.api_token.create" or eventType eq "system.api_token.revoke"'
    )
