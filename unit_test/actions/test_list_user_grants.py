"""List User Grants: GET /users/{id}/grants, or /users/{id}/clients/{clientId}/grants for one client."""

import pytest

from unit_test import factories
from unit_test.conftest import API

EMAIL = "jane@example.com"
BY_LOGIN = API + "/users/jane%40example.com"
GRANT = {"id": "oag1", "clientId": "0oa2", "scopeId": "offline_access", "status": "ACTIVE", "issuer": "https://x"}


@pytest.mark.parametrize(
    "extra,path",
    [
        ({}, "/api/v1/users/00u1/grants"),
        ({"client_id": " 0oa2 "}, "/api/v1/users/00u1/clients/0oa2/grants"),
    ],
)
def test_grants_are_listed_for_the_user_or_one_client(run_action, okta, extra, path):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get("https://example.okta.com" + path, json=[GRANT])

    result = run_action("list_user_grants", dict(extra, user=EMAIL))

    assert result.ok and result.output["count"] == 1 and result.output["grants"][0]["scopeId"] == "offline_access"
    assert okta.request_history[-1].path == path.lower()


def test_an_unknown_client_is_found_false_with_a_message(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(
        API + "/users/00u1/clients/0oa9/grants",
        status_code=404,
        json=factories.error(summary="Not found: Resource not found: 0oa9 (App)"),
    )

    result = run_action("list_user_grants", {"user": EMAIL, "client_id": "0oa9"})

    assert result.ok and result.output == {"found": False, "message": "Okta has no OAuth client 0oa9."}


def test_an_unknown_user_is_found_false(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("list_user_grants", {"user": EMAIL})

    assert result.output == {"found": False, "message": "No Okta user matches jane@example.com."}
