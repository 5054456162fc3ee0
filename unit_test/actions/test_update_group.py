"""Update Group: PUT /groups/{id} with the current profile and the given name/description merged in."""

from urllib.parse import urlsplit

from unit_test import factories
from unit_test.conftest import API

GROUPS = API + "/groups"
GROUP_ID = "00g41ix8hKbsu74Ca4x6"
GROUP = GROUPS + "/" + GROUP_ID


def sent(okta):
    return [(r.method, urlsplit(r.url).path, r.json() if r.body else None) for r in okta.request_history]


def staff(**kwargs):
    group = factories.group("Staff", group_id=GROUP_ID, description="All staff")
    group.update(kwargs)
    return group


def test_a_rename_puts_the_full_profile_keeping_the_description_and_custom_attributes(run_action, okta):
    current = staff()
    current["profile"]["costCenter"] = "42"
    okta.get(GROUP, json=current)
    okta.put(GROUP, json=factories.group("Crew", group_id=GROUP_ID, description="All staff"))

    result = run_action("update_group", {"group": GROUP_ID, "name": "Crew"})

    assert result.ok and result.output["success"] is True and result.output["group"]["name"] == "Crew"
    assert sent(okta)[1] == (
        "PUT",
        "/api/v1/groups/" + GROUP_ID,
        {"profile": {"name": "Crew", "description": "All staff", "costCenter": "42"}},
    )


def test_an_empty_name_keeps_the_current_name(run_action, okta):
    okta.get(GROUP, json=staff())
    okta.put(GROUP, json=staff())

    run_action("update_group", {"group": GROUP_ID, "name": "", "description": "Everyone on payroll"})

    assert sent(okta)[1][2] == {"profile": {"name": "Staff", "description": "Everyone on payroll"}}


def test_an_app_group_is_not_changed_and_the_message_says_why(run_action, okta):
    okta.get(GROUP, json=staff(type="APP_GROUP"))

    result = run_action("update_group", {"group": GROUP_ID, "name": "Crew"})

    assert result.ok and result.output["success"] is False
    assert "APP_GROUP" in result.output["message"] and "OKTA_GROUP" in result.output["message"]
    assert len(okta.request_history) == 1


def test_an_unknown_group_gives_success_false_and_a_message(run_action, okta):
    okta.get(GROUPS, json=[])

    result = run_action("update_group", {"group": "Nobody", "name": "Crew"})

    assert result.output == {"success": False, "message": "No Okta group has the ID or name Nobody."}


def test_a_name_several_groups_share_gives_success_false_naming_the_count(run_action, okta):
    okta.get(GROUPS, json=[factories.group("Staff"), factories.group("Staff")])

    result = run_action("update_group", {"group": "Staff", "description": "x"})

    assert result.output["success"] is False and "2 Okta groups" in result.output["message"]
    assert len(okta.request_history) == 1


def test_a_group_deleted_before_the_put_gives_success_false(run_action, okta):
    okta.get(GROUP, json=staff())
    okta.put(GROUP, status_code=404, json=factories.error())

    result = run_action("update_group", {"group": GROUP_ID, "name": "Crew"})

    assert result.output["success"] is False and GROUP_ID in result.output["message"]


def test_an_okta_error_is_an_error_envelope_with_oktas_causes(run_action, okta):
    okta.get(GROUP, json=staff())
    okta.put(
        GROUP,
        status_code=400,
        json=factories.error("E0000001", "Api validation failed", causes=["name: already exists"]),
    )

    result = run_action("update_group", {"group": GROUP_ID, "name": "Sales"})

    assert not result.ok and "already exists" in result.exception["cause"]


def test_neither_name_nor_description_is_refused_before_any_request(run_action, okta):
    result = run_action("update_group", {"group": GROUP_ID, "name": " "})

    assert not result.ok and "name" in result.error and "description" in result.error
    assert okta.request_history == []
