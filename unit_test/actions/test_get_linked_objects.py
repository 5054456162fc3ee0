"""Get Linked Objects: GET /users/{id}/linkedObjects/{relationshipName} (links only), then the
linked users by one search per 50 IDs. A user ID needs no lookup; Okta's 404 is told apart (no
such user, or no such relationship) by reading the user only then."""

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls

USER_ID = "00u1abcdefghijklmnop"
MANAGER_ID = "00u2abcdefghijklmnop"
LINKS = API + "/users/%s/linkedObjects/manager" % USER_ID
SEARCH = API + "/users"


def link(user_id):
    return {"_links": {"self": {"href": "%s/users/%s" % (API, user_id)}}}


def searched(okta):
    return [r.qs["search"][0] for r in okta.request_history if r.path == "/api/v1/users"]


def test_the_manager_is_returned_as_a_whole_user(run_action, okta):
    okta.get(LINKS, json=[link(MANAGER_ID)])
    okta.get(SEARCH, json=[factories.user("erin.clark@example.com", user_id=MANAGER_ID)])
    result = run_action("get_linked_objects", {"user": USER_ID, "relationship_name": "manager"})
    assert result.ok and result.output["found"] and result.output["count"] == 1
    assert result.output["users"][0]["profile"]["email"] == "erin.clark@example.com"
    assert result.output["relationship_name"] == "manager" and result.output["user_id"] == USER_ID
    assert calls(okta)[0] == ("GET", LINKS) and searched(okta) == ['id eq "%s"' % MANAGER_ID]


def test_many_linked_users_are_read_fifty_a_search_in_okta_order(run_action, okta):
    ids = ["00u%017d" % n for n in range(60)]
    okta.get(API + "/users/%s/linkedObjects/subordinate" % USER_ID, json=[link(i) for i in ids])
    okta.get(SEARCH, json=lambda request, context: [factories.user(user_id=i) for i in reversed(ids)])
    result = run_action("get_linked_objects", {"user": USER_ID, "relationship_name": "subordinate"})
    assert [u["id"] for u in result.output["users"]] == ids and len(searched(okta)) == 2


def test_no_linked_user_costs_no_search(run_action, okta):
    okta.get(LINKS, json=[])
    result = run_action("get_linked_objects", {"user": USER_ID, "relationship_name": "manager"})
    assert result.output == {"found": True, "user_id": USER_ID, "relationship_name": "manager", "users": [], "count": 0}
    assert calls(okta) == [("GET", LINKS)]


def test_a_linked_user_okta_no_longer_has_is_given_by_id(run_action, okta):
    okta.get(LINKS, json=[link(MANAGER_ID)])
    okta.get(SEARCH, json=[])
    result = run_action("get_linked_objects", {"user": USER_ID, "relationship_name": "manager"})
    assert result.output["users"] == [{"id": MANAGER_ID}]


def test_an_unknown_relationship_is_found_false_naming_it(run_action, okta):
    okta.get(
        LINKS, status_code=404, json=factories.error(summary="Not found: Resource not found: manager (LinkedObject)")
    )
    okta.get(API + "/users/" + USER_ID, json=factories.user(user_id=USER_ID))
    result = run_action("get_linked_objects", {"user": USER_ID, "relationship_name": "manager"})
    assert result.ok and result.output == {
        "found": False,
        "message": "The Okta org has no linked object relationship named manager.",
    }


def test_an_unknown_user_is_found_false_naming_the_user(run_action, okta):
    okta.get(LINKS, status_code=404, json=factories.error())
    okta.get(API + "/users/" + USER_ID, status_code=404, json=factories.error())
    result = run_action("get_linked_objects", {"user": USER_ID, "relationship_name": "manager"})
    assert result.ok and result.output == {"found": False, "message": "No Okta user matches %s." % USER_ID}


@pytest.mark.parametrize("name", ["1manager", "manager/../roles", "man ager", "  "])
def test_a_relationship_name_okta_cannot_have_is_refused_naming_the_field_before_any_request(run_action, okta, name):
    result = run_action("get_linked_objects", {"user": USER_ID, "relationship_name": name})
    assert not result.ok and "relationship_name" in result.error and okta.request_history == []


def test_okta_refusing_the_read_is_an_explained_error(run_action, okta):
    okta.get(LINKS, status_code=403, json=factories.error("E0000006", "You do not have permission"))
    result = run_action("get_linked_objects", {"user": USER_ID, "relationship_name": "manager"})
    assert not result.ok and "E0000006" in result.error
