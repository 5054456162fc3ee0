"""List Applications: GET /apps, 200 a page; active ones only unless include_inactive or a status filter."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

APPS = API + "/apps"
ACTIVE = 'status eq "ACTIVE"'


def app(app_id, label="Salesforce", status="ACTIVE"):
    return {
        "id": app_id,
        "name": label.lower(),
        "label": label,
        "status": status,
        "signOnMode": "SAML_2_0",
        "orn": "orn:okta:x",
        "universalLogout": None,
        "credentials": {"signing": {"kid": "k1"}, "oauthClient": {"client_id": "c", "client_secret": "s3cret"}},
    }


def queries(okta):
    return [parse_qs(urlsplit(r.url).query) for r in okta.request_history]


def test_active_applications_are_listed_200_a_page_with_spec_fields_only(run_action, okta):
    okta.get(APPS, json=[app("0oa1"), app("0oa2", "Slack")])

    result = run_action("list_apps", {})

    assert result.ok and result.output["count"] == 2 and [a["id"] for a in result.output["apps"]] == ["0oa1", "0oa2"]
    assert "orn" not in result.output["apps"][0]
    assert queries(okta) == [{"filter": [ACTIVE], "limit": ["200"]}]


def test_secrets_in_app_credentials_are_never_returned(run_action, okta):
    okta.get(APPS, json=[app("0oa1")])

    result = run_action("list_apps", {})

    assert result.output["apps"][0]["credentials"] == {"signing": {"kid": "k1"}, "oauthClient": {"client_id": "c"}}
    assert "s3cret" not in str(result.envelope)


def test_include_inactive_sends_no_status_filter(run_action, okta):
    okta.get(APPS, json=[app("0oa1", status="INACTIVE")])

    result = run_action("list_apps", {"include_inactive": True})

    assert result.output["apps"][0]["status"] == "INACTIVE"
    assert queries(okta) == [{"limit": ["200"]}]


def test_the_users_filter_is_combined_with_the_active_status(run_action, okta):
    okta.get(APPS, json=[])

    run_action("list_apps", {"filter": 'name eq "salesforce" or name eq "slack"', "query": "S"})

    assert queries(okta) == [
        {"q": ["S"], "limit": ["200"], "filter": ['(name eq "salesforce" or name eq "slack") and ' + ACTIVE]}
    ]


def test_a_filter_that_names_status_is_sent_unchanged(run_action, okta):
    okta.get(APPS, json=[])

    run_action("list_apps", {"filter": 'status eq "INACTIVE"'})

    assert queries(okta)[0]["filter"] == ['status eq "INACTIVE"']


def test_every_page_is_read_following_the_next_link(run_action, okta):
    page2 = APPS + "?after=16278919418571&limit=200&filter=x"
    okta.get(APPS, [{"json": [app("0oa1")], "headers": factories.next_link(page2)}])
    okta.get(page2, json=[app("0oa2")], complete_qs=True)

    result = run_action("list_apps", {})

    assert [a["id"] for a in result.output["apps"]] == ["0oa1", "0oa2"]
    assert okta.request_history[-1].url == page2


def test_a_limit_smaller_than_a_page_asks_okta_for_just_that_many_in_one_request(run_action, okta):
    okta.get(APPS, json=[app("0oa1"), app("0oa2")], headers=factories.next_link(APPS + "?after=x&limit=2"))

    result = run_action("list_apps", {"limit": 2})

    assert result.output["count"] == 2
    assert queries(okta) == [{"filter": [ACTIVE], "limit": ["2"]}]


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(APPS, status_code=400, json=factories.error("E0000031", "Invalid search criteria"))

    result = run_action("list_apps", {"filter": "bogus"})

    assert not result.ok and "E0000031" in result.exception["cause"]


def test_a_limit_below_one_is_refused_before_any_request(run_action, okta):
    result = run_action("list_apps", {"limit": 0})

    assert not result.ok and "limit" in result.error
    assert okta.request_history == []
