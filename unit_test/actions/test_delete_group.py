"""Delete Group: DELETE /groups/{id}; the built-in Everyone group is refused without a request."""

from urllib.parse import urlsplit

from unit_test import factories
from unit_test.conftest import API

GROUPS = API + "/groups"
GROUP_ID = "00g41ix8hKbsu74Ca4x6"
GROUP = GROUPS + "/" + GROUP_ID


def sent(okta):
    return [(r.method, urlsplit(r.url).path) for r in okta.request_history]


def test_a_group_given_by_id_is_deleted(run_action, okta):
    okta.get(GROUP, json=factories.group("Staff", group_id=GROUP_ID))
    okta.delete(GROUP, status_code=204)

    result = run_action("delete_group", {"group": GROUP_ID})

    assert result.ok and result.output == {"success": True}
    assert sent(okta) == [("GET", "/api/v1/groups/" + GROUP_ID), ("DELETE", "/api/v1/groups/" + GROUP_ID)]


def test_a_group_given_by_name_is_deleted_by_its_id(run_action, okta):
    okta.get(GROUPS, json=[factories.group("Staff", group_id=GROUP_ID)])
    okta.delete(GROUP, status_code=204)

    result = run_action("delete_group", {"group": "Staff"})

    assert result.output == {"success": True} and sent(okta)[-1] == ("DELETE", "/api/v1/groups/" + GROUP_ID)


def test_the_built_in_everyone_group_is_refused_without_a_delete(run_action, okta):
    everyone = factories.group("Everyone", group_id=GROUP_ID)
    everyone["type"] = "BUILT_IN"
    okta.get(GROUP, json=everyone)

    result = run_action("delete_group", {"group": GROUP_ID})

    assert result.ok and result.output["success"] is False and "BUILT_IN" in result.output["message"]
    assert len(okta.request_history) == 1


def test_an_unknown_group_gives_success_false_and_a_message(run_action, okta):
    okta.get(GROUPS, json=[])

    result = run_action("delete_group", {"group": "Nobody"})

    assert result.output == {"success": False, "message": "No Okta group has the ID or name Nobody."}


def test_a_group_already_deleted_by_the_time_of_the_delete_gives_success_false(run_action, okta):
    okta.get(GROUP, json=factories.group("Staff", group_id=GROUP_ID))
    okta.delete(GROUP, status_code=404, json=factories.error())

    result = run_action("delete_group", {"group": GROUP_ID})

    assert result.output["success"] is False and "no longer exists" in result.output["message"]


def test_an_okta_refusal_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(GROUP, json=factories.group("Staff", group_id=GROUP_ID))
    okta.delete(GROUP, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("delete_group", {"group": GROUP_ID})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_blank_group_is_refused_before_any_request(run_action, okta):
    result = run_action("delete_group", {"group": ""})

    assert not result.ok and "group" in result.error
    assert okta.request_history == []
