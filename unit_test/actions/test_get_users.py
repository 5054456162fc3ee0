"""Get Users: several users by id, login or email; unknown (or ambiguous) ones listed in not_found."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

USERS = API + "/users"


def by_path(identifier):
    return USERS + "/" + identifier.replace("@", "%40")


def test_users_found_by_id_and_login_are_returned_in_order_with_found_true(run_action, okta):
    okta.get(by_path("00u1"), json=factories.user("a@example.com", user_id="00u1"))
    okta.get(by_path("b@example.com"), json=factories.user("b@example.com", user_id="00u2"))

    result = run_action("get_users", {"users": ["00u1", "b@example.com"]})

    assert result.ok
    assert result.output["found"] is True and result.output["not_found"] == []
    assert [u["id"] for u in result.output["users"]] == ["00u1", "00u2"]
    assert "message" not in result.output
    assert [r.url for r in okta.request_history] == [by_path("00u1"), by_path("b@example.com")]


def test_a_user_not_found_is_listed_as_given_with_a_message_and_found_false(run_action, okta):
    okta.get(by_path("00u1"), json=factories.user(user_id="00u1"))
    okta.get(by_path("gone@example.com"), status_code=404, json=factories.error())
    okta.get(USERS, json=[])

    result = run_action("get_users", {"users": ["00u1", "gone@example.com"]})

    assert result.ok
    assert result.output["found"] is False
    assert [u["id"] for u in result.output["users"]] == ["00u1"]
    assert result.output["not_found"] == ["gone@example.com"]
    assert "gone@example.com" in result.output["message"]


def test_an_email_shared_by_two_users_goes_to_not_found_without_failing_the_batch(run_action, okta):
    shared = "team@example.com"
    okta.get(by_path(shared), status_code=404, json=factories.error())
    okta.get(USERS, json=[factories.user(shared, login="a"), factories.user(shared, login="b")])
    okta.get(by_path("00u9"), json=factories.user(user_id="00u9"))

    result = run_action("get_users", {"users": [shared, "00u9"]})

    assert result.ok
    assert result.output["not_found"] == [shared]
    assert [u["id"] for u in result.output["users"]] == ["00u9"]
    assert "2 Okta users" in result.output["message"]


def test_repeated_inputs_are_looked_up_once(run_action, okta):
    okta.get(by_path("00u1"), json=factories.user(user_id="00u1"))

    result = run_action("get_users", {"users": ["00u1", " 00u1 ", "00u1"]})

    assert [u["id"] for u in result.output["users"]] == ["00u1"]
    assert len(okta.request_history) == 1


def test_two_inputs_naming_the_same_user_give_it_once(run_action, okta):
    user = factories.user("a@example.com", user_id="00u1")
    okta.get(by_path("00u1"), json=user)
    okta.get(by_path("a@example.com"), json=user)

    result = run_action("get_users", {"users": ["00u1", "a@example.com"]})

    assert [u["id"] for u in result.output["users"]] == ["00u1"]
    assert result.output["found"] is True


def test_a_blank_entry_is_not_found_without_a_request(run_action, okta):
    result = run_action("get_users", {"users": ["  "]})

    assert result.ok
    assert result.output["not_found"] == ["  "] and result.output["found"] is False
    assert okta.request_history == []


def test_an_email_is_searched_exactly_when_no_login_matches(run_action, okta):
    okta.get(by_path("a@example.com"), status_code=404, json=factories.error())
    okta.get(USERS, json=[factories.user("a@example.com", user_id="00u3", login="adoe")])

    result = run_action("get_users", {"users": ["a@example.com"]})

    assert result.output["users"][0]["id"] == "00u3"
    query = parse_qs(urlsplit(okta.request_history[1].url).query)
    assert query == {"search": ['profile.email eq "a@example.com"'], "limit": ["200"]}


def test_an_okta_error_fails_the_action_with_oktas_summary(run_action, okta):
    okta.get(
        by_path("00u1"),
        status_code=403,
        json=factories.error("E0000006", "You do not have permission to perform the requested action"),
    )

    result = run_action("get_users", {"users": ["00u1", "00u2"]})

    assert not result.ok
    assert "E0000006" in result.exception["cause"] and "You do not have permission" in result.exception["cause"]
    assert len(okta.request_history) == 1


def test_an_empty_list_is_refused_before_any_request(run_action, okta):
    result = run_action("get_users", {"users": []})

    assert not result.ok and "users" in result.error
    assert okta.request_history == []
