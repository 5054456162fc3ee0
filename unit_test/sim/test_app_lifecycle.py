"""App lifecycle: deactivate/activate as recorded, what an inactive app means, and delete."""

import pytest

from . import vcr


def app_url(demo, suffix=""):
    return f"/api/v1/apps/{demo.SALESFORCE_APP_ID}{suffix}"


def link_labels(api, uid):
    return {link["label"] for link in api.get(f"/api/v1/users/{uid}/appLinks").json()}


@pytest.mark.parametrize(("action", "status"), [("deactivate", "INACTIVE"), ("activate", "ACTIVE")])
def test_lifecycle_answers_200_with_an_empty_object_as_recorded(api, demo, action, status):
    rec = vcr.one(method="POST", path_template=f"/api/v1/apps/{{appId}}/lifecycle/{action}", status=200)
    r = api.post(app_url(demo, f"/lifecycle/{action}"))
    assert (r.status_code, r.json()) == (200, rec["response_body"])
    assert api.get(app_url(demo)).json()["status"] == status


@pytest.mark.parametrize("action", ["deactivate", "activate"])
def test_a_lifecycle_change_writes_its_application_event(api, sim, demo, action):
    api.post(app_url(demo, f"/lifecycle/{action}"))
    last = sim.store.logs[-1]
    assert (last["eventType"], last["target"][0]["id"]) == (f"application.lifecycle.{action}", demo.SALESFORCE_APP_ID)


def test_an_inactive_app_links_its_activation(api, demo):
    api.post(app_url(demo, "/lifecycle/deactivate"))
    assert "activate" in api.get(app_url(demo)).json()["_links"]


def test_an_inactive_app_leaves_its_users_app_links_and_comes_back_on_activation(api, demo):
    api.post(app_url(demo, "/lifecycle/deactivate"))
    gone = "Salesforce" not in link_labels(api, demo.JANE_ID)
    api.post(app_url(demo, "/lifecycle/activate"))
    assert gone and "Salesforce" in link_labels(api, demo.JANE_ID)


def test_an_unknown_lifecycle_action_is_404_E0000008(api, demo):
    r = api.post(app_url(demo, "/lifecycle/suspend"))
    assert (r.status_code, r.json()["errorCode"]) == (404, "E0000008")


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_an_unknown_app_is_404_naming_an_app_instance(api, method):
    path = "/api/v1/apps/0oanope" + ("/lifecycle/deactivate" if method == "POST" else "")
    r = api.s.request(method, api.url(path))
    assert (r.status_code, r.json()["errorSummary"]) == (404, "Not found: Resource not found: 0oanope (AppInstance)")


def test_an_active_app_cannot_be_deleted(api, demo):
    r = api.delete(app_url(demo))
    body = r.json()
    assert (r.status_code, body["errorCode"], body["errorSummary"]) == (
        403,
        "E0000056",
        "Delete application forbidden.",
    )
    assert body["errorCauses"] == [{"errorSummary": "The application must be deactivated before deletion."}]


def test_a_deactivated_app_is_deleted_with_its_assignments(api, sim, demo):
    api.post(app_url(demo, "/lifecycle/deactivate"))
    r = api.delete(app_url(demo))
    assert (r.status_code, r.content) == (204, b"")
    assert api.get(app_url(demo)).status_code == 404
    assert demo.SALESFORCE_APP_ID not in sim.store.app_users and demo.SALESFORCE_APP_ID not in sim.store.app_groups
    assert sim.store.logs[-1]["eventType"] == "application.lifecycle.delete"
