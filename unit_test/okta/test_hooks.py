"""okta/hooks.py: the shipped hook-eligible list, input checks, URL comparison and the secret-free shape."""

import json
from pathlib import Path

import pytest

from komand_okta.okta import hooks

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "okta-openapi" / "okta-event-types.min.json"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (Okta's event type catalog) is not available")
def test_the_shipped_list_is_exactly_the_catalogs_hook_eligible_types():
    catalog = json.loads(SHARED.read_text(encoding="utf-8"))
    expected = sorted({item["id"] for item in catalog["eventTypes"] if item.get("eventHookEligible") is True})
    shipped = hooks.DATA.read_text(encoding="utf-8")
    assert shipped == "".join(name + "\n" for name in expected)  # regenerate with this expression if it fails


def test_the_list_is_loaded_and_holds_the_common_types():
    assert len(hooks.eligible_types()) > 300
    assert {"user.lifecycle.deactivate", "user.session.start", "group.user_membership.add"} <= hooks.eligible_types()


def test_bad_types_are_named_with_close_matches():
    assert hooks.bad_event_types(["user.account.lock"]) is None
    message = hooks.bad_event_types(["user.account.lok", "not.a.type.at.all"])
    assert "user.account.lok (did you mean user.account.lock" in message and "not.a.type.at.all" in message


def test_event_types_are_cleaned_and_limited():
    assert hooks.clean_event_types([" a ", "a", "b"]) == ["a", "b"]
    for bad in ([], None, [""], [1], ["t%d" % i for i in range(301)]):
        with pytest.raises(ValueError, match="event_types"):
            hooks.clean_event_types(bad)


@pytest.mark.parametrize(
    "url", ["https://soar.example.com/x", "http://127.0.0.1:9000/hook", "http://localhost/h", "http://[::1]:8080/"]
)
def test_https_or_loopback_http_urls_are_accepted(url):
    assert hooks.check_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "http://soar.example.com/x",
        "soar.example.com",
        "ftp://x.example.com",
        "",
        "https://user:pw@x.example.com/",
        "https://x.example.com:99999/",
        None,
    ],
)
def test_other_urls_are_refused_naming_the_field(url):
    with pytest.raises(ValueError, match="url"):
        hooks.check_url(url)


def test_headers_become_oktas_key_value_list():
    assert hooks.header_list({"X-A": "1", "X-N": 2}) == [{"key": "X-A", "value": "1"}, {"key": "X-N", "value": "2"}]
    for bad in ([("a", "b")], {"bad name": "x"}, {"X": None}, {"X": True}):
        with pytest.raises(ValueError, match="headers"):
            hooks.header_list(bad)


def test_urls_compare_without_trailing_slash_or_host_case():
    assert hooks.normalize_url("HTTPS://SOAR.Example.com/okta/events/") == "https://soar.example.com/okta/events"
    assert hooks.normalize_url("https://x.example.com/A") != hooks.normalize_url("https://x.example.com/a")


def test_a_shown_hook_never_carries_a_secret_value():
    hook = {
        "id": "who1",
        "description": None,
        "extra": 1,
        "channel": {
            "config": {"uri": "u", "authScheme": {"type": "HEADER", "key": "Authorization", "value": "s3cret"}}
        },
    }
    fields = hooks.shown(hook)
    assert fields == {
        "id": "who1",
        "description": None,
        "extra": 1,
        "channel": {"config": {"uri": "u", "authScheme": {"type": "HEADER", "key": "Authorization"}}},
    }
    assert hook["channel"]["config"]["authScheme"]["value"] == "s3cret"  # the input is not modified
