"""List Devices: every page up to the limit, search and expand passed on, Identity Engine refusals explained."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import device

DEVICES = API + "/devices"


def query(request) -> dict:
    return parse_qs(urlsplit(request.url).query)


def test_every_page_is_listed_and_counted(run_action, okta):
    okta.get(
        DEVICES,
        [
            {"json": [device("A")], "headers": factories.next_link(DEVICES + "?after=guo1&limit=200")},
            {"json": [device("B")]},
        ],
    )

    result = run_action("list_devices", {})

    assert result.ok, result.error
    assert [d["profile"]["displayName"] for d in result.output["devices"]] == ["A", "B"]
    assert result.output["count"] == 2
    assert okta.call_count == 2


def test_search_and_expand_go_to_okta_as_given(run_action, okta):
    okta.get(DEVICES, json=[device()])

    run_action("list_devices", {"search": ' profile.platform eq "WINDOWS" ', "expand": "userSummary"})

    assert query(okta.request_history[0]) == {
        "search": ['profile.platform eq "WINDOWS"'],
        "expand": ["userSummary"],
        "limit": ["200"],
    }


def test_the_users_okta_embeds_are_kept(run_action, okta):
    user = factories.user("jane.doe@example.com", user_id="00u1")
    embedded = {
        "users": [
            {
                "created": "2024-01-02T03:04:05.000Z",
                "managementStatus": "NOT_MANAGED",
                "screenLockType": "NONE",
                "user": user,
            }
        ]
    }
    okta.get(DEVICES, json=[dict(device(), _embedded=embedded)])

    result = run_action("list_devices", {"expand": "user"})

    shown = result.output["devices"][0]["_embedded"]["users"][0]
    assert shown["managementStatus"] == "NOT_MANAGED" and shown["user"]["profile"]["login"] == "jane.doe@example.com"


def test_the_limit_asks_for_no_more_than_it_needs(run_action, okta):
    okta.get(DEVICES, json=[device("A"), device("B")])

    result = run_action("list_devices", {"limit": 2})

    assert result.output["count"] == 2
    assert query(okta.request_history[0])["limit"] == ["2"]


def test_an_unknown_expand_is_refused_before_any_request(run_action, okta):
    result = run_action("list_devices", {"expand": "users"})

    assert not result.ok and "expand" in result.error
    assert not okta.called


def test_a_classic_engine_org_is_told_it_lacks_identity_engine(run_action, okta):
    okta.get(
        DEVICES,
        status_code=401,
        json=factories.error("E0000015", "You do not have permission to access the feature you are requesting"),
    )

    result = run_action("list_devices", {})

    assert not result.ok
    assert "does not have Identity Engine" in result.exception["cause"]
    assert "not a problem with the connection's credentials" in result.exception["cause"]
