"""Get Application: by id (GET /apps/{id}) or exact label (q search narrowed to the label)."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

APPS = API + "/apps"
APP_ID = "0oa1abcdefghijklmnop"


def app(app_id, label, name="x"):
    return {
        "id": app_id,
        "name": name,
        "label": label,
        "status": "ACTIVE",
        "signOnMode": "SAML_2_0",
        "orn": "orn:okta:x",
    }


def test_an_id_is_fetched_directly(run_action, okta):
    okta.get(APPS + "/" + APP_ID, json=app(APP_ID, "Salesforce"))

    result = run_action("get_app", {"app": APP_ID})

    assert result.ok and result.output["found"] is True
    assert result.output["app"]["id"] == APP_ID and "orn" not in result.output["app"]
    assert [r.url for r in okta.request_history] == [APPS + "/" + APP_ID]


def test_a_label_is_found_among_the_apps_starting_with_it(run_action, okta):
    okta.get(APPS, json=[app("0oa1", "Salesforce Sandbox"), app("0oa2", "Salesforce")])

    result = run_action("get_app", {"app": "Salesforce"})

    assert result.output["app"]["id"] == "0oa2"
    assert parse_qs(urlsplit(okta.request_history[0].url).query) == {"q": ["Salesforce"], "limit": ["200"]}


def test_a_label_differing_only_in_case_is_found(run_action, okta):
    okta.get(APPS, json=[app("0oa1", "Salesforce")])

    result = run_action("get_app", {"app": "salesforce"})

    assert result.output["found"] is True and result.output["app"]["id"] == "0oa1"


def test_an_id_shaped_text_no_app_has_is_searched_as_a_label(run_action, okta):
    okta.get(APPS + "/" + APP_ID, status_code=404, json=factories.error())
    okta.get(APPS, json=[app("0oa2", APP_ID)])

    result = run_action("get_app", {"app": APP_ID})

    assert result.output["app"]["id"] == "0oa2"


def test_a_label_several_apps_share_gives_found_false_naming_the_count(run_action, okta):
    okta.get(APPS, json=[app("0oa1", "Wiki"), app("0oa2", "Wiki")])

    result = run_action("get_app", {"app": "Wiki"})

    assert result.ok and result.output["found"] is False and "2 Okta applications" in result.output["message"]


def test_no_matching_app_gives_found_false_and_a_message(run_action, okta):
    okta.get(APPS, json=[app("0oa1", "Salesforce Sandbox")])

    result = run_action("get_app", {"app": "Salesforce"})

    assert result.output == {"found": False, "message": "No Okta application has the ID or label Salesforce."}


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(APPS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("get_app", {"app": "Salesforce"})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_blank_app_is_refused_before_any_request(run_action, okta):
    result = run_action("get_app", {"app": " "})

    assert not result.ok and "app" in result.error
    assert okta.request_history == []
