"""Activate and Deactivate Application (mirrored): an app ID goes straight to POST
/apps/{id}/lifecycle/{operation} (200 {}), its 404 the miss; a label is resolved first and an app
already in the wanted status is success without a change request."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls

APP_ID = "0oademoMailSync001d7"
APP = API + "/apps/" + APP_ID
SEARCH = API + "/apps?q=Mail+Sync+Pro&limit=200"
MIRRORED = pytest.mark.parametrize(
    "action, wanted, other, operation",
    [
        ("activate_app", "ACTIVE", "INACTIVE", "activate"),
        ("deactivate_app", "INACTIVE", "ACTIVE", "deactivate"),
    ],
)


def app(status):
    return {"id": APP_ID, "name": "oidc_client", "label": "Mail Sync Pro", "status": status}


@MIRRORED
def test_an_app_id_goes_straight_to_the_lifecycle_operation(run_action, okta, action, wanted, other, operation):
    okta.post(APP + "/lifecycle/" + operation, json={})
    result = run_action(action, {"app": APP_ID})
    assert result.ok and result.output == {"success": True, "app_id": APP_ID}
    assert calls(okta) == [("POST", APP + "/lifecycle/" + operation)]


@MIRRORED
def test_a_label_is_resolved_then_the_app_changed(run_action, okta, action, wanted, other, operation):
    okta.get(SEARCH, json=[app(other)])
    okta.post(APP + "/lifecycle/" + operation, json={})
    result = run_action(action, {"app": "Mail Sync Pro"})
    assert result.ok and result.output == {"success": True, "app_id": APP_ID}
    assert calls(okta) == [("GET", SEARCH), ("POST", APP + "/lifecycle/" + operation)]


@MIRRORED
def test_an_app_already_so_is_success_without_a_change_request(run_action, okta, action, wanted, other, operation):
    okta.get(SEARCH, json=[app(wanted)])
    result = run_action(action, {"app": "Mail Sync Pro"})
    assert result.ok and result.output == {"success": True, "app_id": APP_ID}
    assert calls(okta) == [("GET", SEARCH)] and "already %s" % wanted in result.stderr


@MIRRORED
def test_an_unknown_app_id_is_success_false_naming_it(run_action, okta, action, wanted, other, operation):
    okta.post(
        APP + "/lifecycle/" + operation,
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: %s (AppInstance)" % APP_ID),
    )
    result = run_action(action, {"app": APP_ID})
    assert result.ok and result.output == {"success": False, "message": "No Okta application has the ID %s." % APP_ID}


@MIRRORED
def test_a_label_no_app_carries_is_success_false_without_a_change(run_action, okta, action, wanted, other, operation):
    okta.get(API + "/apps?q=Nope&limit=200", json=[])
    result = run_action(action, {"app": "Nope"})
    assert result.ok and result.output["success"] is False and "Nope" in result.output["message"]
    assert [method for method, _ in calls(okta)] == ["GET"]


@MIRRORED
def test_a_blank_app_is_refused_naming_the_field_before_any_request(run_action, okta, action, wanted, other, operation):
    result = run_action(action, {"app": "   "})
    assert not result.ok and "'app'" in result.error and okta.request_history == []


@MIRRORED
def test_okta_refusing_the_change_is_an_explained_error(run_action, okta, action, wanted, other, operation):
    okta.post(APP + "/lifecycle/" + operation, status_code=403, json=factories.error("E0000006", "Access denied"))
    result = run_action(action, {"app": APP_ID})
    assert not result.ok and "E0000006" in result.error and result.body["error"]
