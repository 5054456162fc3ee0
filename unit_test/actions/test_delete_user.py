"""Delete User: Okta's two-step DELETE (deprovision, then delete), each step a success."""

import pytest
import requests

from unit_test import factories
from unit_test.conftest import API

EMAIL = "user@example.com"
BY_LOGIN = API + "/users/user%40example.com"
SEARCH = API + "/users"
USER = API + "/users/00u1"


def requests_made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def test_deleting_an_active_user_deprovisions_it_and_says_to_run_again(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(USER, status_code=204)

    result = run_action("delete_user", {"user_email": EMAIL})

    assert result.ok
    assert result.output == {"success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("DELETE", USER)]
    assert "run the action again to delete it permanently" in result.body["log"]


def test_deleting_a_deprovisioned_user_deletes_it_permanently(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="DEPROVISIONED", user_id="00u1"))
    okta.delete(USER, status_code=204)

    result = run_action("delete_user", {"user_email": EMAIL})

    assert result.output == {"success": True}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("DELETE", USER)]
    assert "permanently deleted" in result.body["log"]


@pytest.mark.parametrize("send, expected", [(False, "false"), (True, "true")])
def test_send_admin_email_becomes_okta_send_email(run_action, okta, send, expected):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(USER, status_code=204)

    run_action("delete_user", {"user_email": EMAIL, "send_admin_email": send})

    assert okta.request_history[-1].qs == {"sendemail": [expected]}


def test_send_admin_email_defaults_to_false(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(USER, status_code=204)

    run_action("delete_user", {"user_email": EMAIL})

    assert okta.request_history[-1].qs == {"sendemail": ["false"]}


def test_an_unknown_user_gives_success_false_and_no_delete(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[])

    result = run_action("delete_user", {"user_email": EMAIL})

    assert result.ok
    assert result.output == {"success": False}
    assert requests_made(okta) == [("GET", BY_LOGIN), ("GET", SEARCH)]


def test_a_user_gone_between_lookup_and_delete_gives_success_false(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, status="DEPROVISIONED", user_id="00u1"))
    okta.delete(USER, status_code=404, json=factories.error())

    result = run_action("delete_user", {"user_email": EMAIL})

    assert result.ok
    assert result.output == {"success": False}


def test_a_user_whose_login_is_not_the_email_is_found_by_email_search(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, user_id="00u1", login="jdoe")])
    okta.delete(USER, status_code=204)

    result = run_action("delete_user", {"user_email": EMAIL})

    assert result.output == {"success": True}
    assert requests_made(okta)[-1] == ("DELETE", USER)


def test_an_email_shared_by_two_users_is_an_error_and_deletes_nobody(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(SEARCH, json=[factories.user(EMAIL, login="a"), factories.user(EMAIL, login="b")])

    result = run_action("delete_user", {"user_email": EMAIL})

    assert not result.ok
    assert "2 Okta users" in result.exception["cause"]
    assert all(r.method == "GET" for r in okta.request_history)


def test_a_token_without_permission_is_an_error_with_oktas_summary(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(
        USER,
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("delete_user", {"user_email": EMAIL})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
    assert "You do not have permission" in result.exception["cause"]


def test_a_delete_cut_off_mid_flight_is_not_retried(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(USER, exc=requests.exceptions.ReadTimeout)

    result = run_action("delete_user", {"user_email": EMAIL})

    assert not result.ok
    assert [r.method for r in okta.request_history].count("DELETE") == 1
    assert "may or may not have been applied" in result.exception["cause"]


def test_a_delete_that_failed_with_a_server_error_is_not_retried(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(EMAIL, user_id="00u1"))
    okta.delete(USER, status_code=503, json=factories.error("E0000010", "Service is in read only mode"))

    result = run_action("delete_user", {"user_email": EMAIL})

    assert not result.ok
    assert [r.method for r in okta.request_history].count("DELETE") == 1


def test_an_empty_email_reaches_no_endpoint(run_action, okta):
    result = run_action("delete_user", {"user_email": ""})

    assert not result.ok
    assert not okta.called
