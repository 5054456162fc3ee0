"""List Group Members: the users of a group by id or exact name, 1000 a page, up to the limit."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

GROUPS = API + "/groups"
GROUP_ID = "00g41ix8hKbsu74Ca4x6"
MEMBERS = GROUPS + "/" + GROUP_ID + "/users"


def sent(okta):
    return [(urlsplit(r.url).path, parse_qs(urlsplit(r.url).query)) for r in okta.request_history]


def group():
    return factories.group("Staff", group_id=GROUP_ID)


def test_the_members_of_a_group_given_by_id_are_listed_1000_a_page_with_no_lookup(run_action, okta):
    okta.get(MEMBERS, json=[factories.user(user_id="00u1")])

    result = run_action("list_group_members", {"group": GROUP_ID})

    assert result.ok
    assert result.output["found"] is True and result.output["count"] == 1
    assert result.output["users"][0]["id"] == "00u1" and "type" not in result.output["users"][0]
    assert sent(okta) == [("/api/v1/groups/%s/users" % GROUP_ID, {"limit": ["1000"]})]


def test_an_unknown_group_id_is_the_not_found_output_of_the_member_list(run_action, okta):
    okta.get(MEMBERS, status_code=404, json=factories.error(summary="Not found: Resource not found: x (UserGroup)"))

    result = run_action("list_group_members", {"group": GROUP_ID})

    assert result.ok and result.output == {"found": False, "message": "No Okta group has the ID or name %s." % GROUP_ID}
    assert len(okta.request_history) == 1


def test_a_group_given_by_name_is_found_by_exact_name_search(run_action, okta):
    okta.get(GROUPS, json=[group()])
    okta.get(MEMBERS, json=[])

    result = run_action("list_group_members", {"group": "Staff"})

    assert result.output == {"found": True, "users": [], "count": 0}
    assert sent(okta)[0] == ("/api/v1/groups", {"search": ['profile.name eq "Staff"'], "limit": ["200"]})


def test_an_unknown_group_gives_found_false_and_a_message(run_action, okta):
    okta.get(GROUPS, json=[])

    result = run_action("list_group_members", {"group": "Nobody"})

    assert result.ok
    assert result.output["found"] is False and "Nobody" in result.output["message"]
    assert len(okta.request_history) == 1


def test_a_name_several_groups_share_gives_found_false_and_lists_nobody(run_action, okta):
    okta.get(GROUPS, json=[factories.group("Staff"), factories.group("Staff")])

    result = run_action("list_group_members", {"group": "Staff"})

    assert result.output["found"] is False and "2 Okta groups" in result.output["message"]
    assert len(okta.request_history) == 1


def test_every_page_is_read_following_the_next_link(run_action, okta):
    page2 = MEMBERS + "?after=00u1&limit=1000"
    okta.get(GROUPS + "/" + GROUP_ID, json=group())
    okta.get(MEMBERS, [{"json": [factories.user(user_id="00u1")], "headers": factories.next_link(page2)}])
    okta.get(page2, json=[factories.user(user_id="00u2")], complete_qs=True)

    result = run_action("list_group_members", {"group": GROUP_ID})

    assert [u["id"] for u in result.output["users"]] == ["00u1", "00u2"]
    assert okta.request_history[-1].url == page2


def test_a_limit_smaller_than_a_page_asks_okta_for_just_that_many_in_one_request(run_action, okta):
    okta.get(GROUPS + "/" + GROUP_ID, json=group())
    okta.get(
        MEMBERS, json=[factories.user(), factories.user()], headers=factories.next_link(MEMBERS + "?after=x&limit=2")
    )

    result = run_action("list_group_members", {"group": GROUP_ID, "limit": 2})

    assert result.output["count"] == 2
    assert sent(okta) == [("/api/v1/groups/%s/users" % GROUP_ID, {"limit": ["2"]})]


def test_a_limit_spanning_pages_stops_once_reached_asking_only_for_the_rest(run_action, okta):
    okta.get(GROUPS + "/" + GROUP_ID, json=group())
    okta.get(
        MEMBERS,
        [
            {
                "json": [factories.user() for _ in range(1000)],
                "headers": factories.next_link(MEMBERS + "?after=p1&limit=1000"),
            }
        ],
    )
    okta.get(
        MEMBERS + "?after=p1&limit=500",
        json=[factories.user() for _ in range(500)],
        headers=factories.next_link(MEMBERS + "?after=p2&limit=1000"),
        complete_qs=True,
    )

    result = run_action("list_group_members", {"group": GROUP_ID, "limit": 1500})

    assert result.output["count"] == 1500
    assert [q for _, q in sent(okta)] == [{"limit": ["1000"]}, {"after": ["p1"], "limit": ["500"]}]


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(GROUPS + "/" + GROUP_ID, json=group())
    okta.get(MEMBERS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("list_group_members", {"group": GROUP_ID})

    assert not result.ok
    assert "E0000006" in result.exception["cause"] and "You do not have permission" in result.exception["cause"]


def test_a_limit_below_one_is_refused_before_any_request(run_action, okta):
    result = run_action("list_group_members", {"group": GROUP_ID, "limit": -5})

    assert not result.ok and "limit" in result.error
    assert okta.request_history == []


def test_a_blank_group_is_refused_before_any_request(run_action, okta):
    result = run_action("list_group_members", {"group": " "})

    assert not result.ok and "group" in result.error
    assert okta.request_history == []
