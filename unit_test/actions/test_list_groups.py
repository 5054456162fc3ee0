"""List Groups: all groups (every page) or a name-prefix query; name/description lifted from profile."""

from unit_test import factories
from unit_test.conftest import API

GROUPS = API + "/groups"


def calls(okta):
    return [(r.method, r.url) for r in okta.request_history]


def test_each_group_carries_name_and_description_at_the_top_level_without_profile(run_action, okta):
    group = factories.group("Security Responders", group_id="00g1", description="Responders")
    okta.get(GROUPS, json=[group])

    result = run_action("list_groups", {})

    assert result.ok
    assert result.output == {
        "success": True,
        "groups": [
            {
                "id": "00g1",
                "name": "Security Responders",
                "description": "Responders",
                "created": group["created"],
                "lastUpdated": group["lastUpdated"],
                "lastMembershipUpdated": group["lastMembershipUpdated"],
                "objectClass": ["okta:user_group"],
                "type": "OKTA_GROUP",
                "_links": group["_links"],
            }
        ],
    }


def test_without_a_query_all_groups_are_listed_in_oktas_largest_pages_of_10000(run_action, okta):
    okta.get(GROUPS, json=[factories.group()])

    run_action("list_groups", {})

    assert calls(okta) == [("GET", GROUPS + "?limit=10000")]


def test_every_page_is_read_following_the_next_link(run_action, okta):
    page2 = GROUPS + "?after=00g1&limit=10000"
    okta.get(GROUPS, [{"json": [factories.group("A", group_id="00g1")], "headers": factories.next_link(page2)}])
    okta.get(page2, json=[factories.group("B", group_id="00g2")], complete_qs=True)

    result = run_action("list_groups", {})

    assert [g["name"] for g in result.output["groups"]] == ["A", "B"]
    assert calls(okta) == [("GET", GROUPS + "?limit=10000"), ("GET", page2)]


def test_a_next_link_to_another_host_is_not_followed_and_the_short_list_is_an_error(run_action, okta):
    okta.get(GROUPS, json=[factories.group("A")], headers=factories.next_link("https://evil.example.com/api/v1/groups"))

    result = run_action("list_groups", {})

    assert not result.ok and "another host" in result.exception["cause"]
    assert len(okta.request_history) == 1


def test_a_query_uses_okta_name_prefix_search_with_its_300_limit(run_action, okta):
    okta.get(GROUPS, json=[factories.group("Security Responders")])

    result = run_action("list_groups", {"query": "Security"})

    assert result.output["success"] is True
    assert okta.request_history[0].qs == {"q": ["security"], "limit": ["300"]}


def test_a_blank_query_lists_all_groups(run_action, okta):
    okta.get(GROUPS, json=[factories.group()])

    run_action("list_groups", {"query": "  "})

    assert okta.request_history[0].qs == {"limit": ["10000"]}


def test_no_matching_group_gives_success_false_and_an_empty_list(run_action, okta):
    okta.get(GROUPS, json=[])

    result = run_action("list_groups", {"query": "Nobody"})

    assert result.ok
    assert result.output == {"success": False, "groups": []}


def test_null_description_is_left_out(run_action, okta):
    okta.get(GROUPS, json=[factories.group("Everyone", description=None)])

    group = run_action("list_groups", {}).output["groups"][0]

    assert group["name"] == "Everyone" and "description" not in group


def test_an_okta_error_is_explained(run_action, okta):
    okta.get(GROUPS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("list_groups", {})

    assert not result.ok
    assert "E0000006" in result.exception["cause"]
