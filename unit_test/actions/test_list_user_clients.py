"""List User Clients: GET /users/{id}/clients, every page."""

from unit_test import factories
from unit_test.conftest import API

EMAIL = "jane@example.com"
BY_LOGIN = API + "/users/jane%40example.com"
CLIENTS = API + "/users/00u1/clients"


def client(client_id, name):
    return {"client_id": client_id, "client_name": name, "client_uri": None, "logo_uri": None, "_links": {}}


def test_every_page_of_clients_is_returned(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.get(CLIENTS, json=[client("0oa1", "GitHub")], headers=factories.next_link(CLIENTS + "?after=0oa1"))
    okta.get(CLIENTS + "?after=0oa1", json=[client("0oa2", "Mail Sync Pro")])

    result = run_action("list_user_clients", {"user": EMAIL})

    assert result.ok and result.output["found"] and result.output["count"] == 2
    assert [c["client_name"] for c in result.output["clients"]] == ["GitHub", "Mail Sync Pro"]


def test_an_unknown_user_is_found_false(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("list_user_clients", {"user": EMAIL})

    assert result.output == {"found": False, "message": "No Okta user matches jane@example.com."}
