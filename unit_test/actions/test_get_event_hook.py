"""Get Event Hook: by id (GET /eventHooks/{id}) or exact name (the whole list); found false otherwise.

`hook()` here is the event hook factory the other event hook tests import.
"""

from unit_test import factories
from unit_test.conftest import API, TOKEN

HOOKS = API + "/eventHooks"
HOOK_ID = "who8tsqyrhCdmetzx135"
SECRET = "canary-hook-secret-91d2"
_ids = iter(range(1, 10**6))


def hook(
    name="SOAR events",
    hook_id=None,
    status="ACTIVE",
    verified=False,
    uri="https://soar.example.com/okta/events",
    items=("user.lifecycle.deactivate",),
    auth_key="Authorization",
    headers=(),
):
    hook_id = hook_id or "who%017d" % next(_ids)
    config = {"uri": uri, "headers": [dict(h) for h in headers], "method": "POST"}
    if auth_key:
        config["authScheme"] = {"type": "HEADER", "key": auth_key}
    href = "%s/eventHooks/%s" % (API, hook_id)
    return {
        "id": hook_id,
        "status": status,
        "verificationStatus": "VERIFIED" if verified else "UNVERIFIED",
        "name": name,
        "description": None,
        "created": "2024-01-02T03:04:05.000Z",
        "createdBy": "00uadmin",
        "lastUpdated": "2024-01-02T03:04:05.000Z",
        "events": {"type": "EVENT_TYPE", "items": list(items), "filter": None},
        "channel": {"type": "HTTP", "version": "1.0.0", "config": config},
        "_links": {"self": {"href": href}, "deactivate": {"href": href + "/lifecycle/deactivate"}},
    }


def no_secret(result):
    text = repr(result.envelope) + result.stderr
    assert SECRET not in text and TOKEN not in text


def test_an_id_is_fetched_directly(run_action, okta):
    okta.get(HOOKS + "/" + HOOK_ID, json=hook("SOAR events", HOOK_ID))

    result = run_action("get_event_hook", {"event_hook": HOOK_ID})

    assert result.ok and result.output["found"] is True
    assert result.output["event_hook"]["id"] == HOOK_ID
    assert "description" not in result.output["event_hook"]  # nulls are left out
    assert [r.url for r in okta.request_history] == [HOOKS + "/" + HOOK_ID]


def test_a_name_is_matched_exactly_among_all_hooks(run_action, okta):
    okta.get(HOOKS, json=[hook("Other"), hook("SOAR events", HOOK_ID), hook("soar events")])

    result = run_action("get_event_hook", {"event_hook": "SOAR events"})

    assert result.output["found"] is True and result.output["event_hook"]["id"] == HOOK_ID


def test_a_name_differing_only_in_case_matches_when_it_is_the_only_one(run_action, okta):
    okta.get(HOOKS, json=[hook("SOAR Events", HOOK_ID)])

    assert run_action("get_event_hook", {"event_hook": "soar events"}).output["event_hook"]["id"] == HOOK_ID


def test_an_unknown_id_is_then_tried_as_a_name_and_not_found_gives_found_false(run_action, okta):
    okta.get(HOOKS + "/" + HOOK_ID, status_code=404, json=factories.error())
    okta.get(HOOKS, json=[hook("Other")])

    result = run_action("get_event_hook", {"event_hook": HOOK_ID})

    assert result.ok and result.output == {
        "found": False,
        "message": "No Okta event hook has the ID or name %s." % HOOK_ID,
    }


def test_a_name_two_hooks_share_gives_found_false(run_action, okta):
    okta.get(HOOKS, json=[hook("Dup"), hook("Dup")])

    result = run_action("get_event_hook", {"event_hook": "Dup"})

    assert result.output["found"] is False and "2 Okta event hooks" in result.output["message"]


def test_an_okta_error_is_an_error_in_oktas_words(run_action, okta):
    okta.get(HOOKS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("get_event_hook", {"event_hook": "SOAR events"})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_blank_hook_is_refused_before_any_request(run_action, okta):
    result = run_action("get_event_hook", {"event_hook": "  "})

    assert not result.ok and "event_hook" in result.error and okta.request_history == []


def test_a_secret_value_okta_might_return_is_never_output(run_action, okta):
    leaky = hook("SOAR events", HOOK_ID)
    leaky["channel"]["config"]["authScheme"]["value"] = SECRET
    okta.get(HOOKS + "/" + HOOK_ID, json=leaky)

    result = run_action("get_event_hook", {"event_hook": HOOK_ID})

    assert result.output["event_hook"]["channel"]["config"]["authScheme"] == {"type": "HEADER", "key": "Authorization"}
    no_secret(result)
