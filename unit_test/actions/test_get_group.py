"""Get Group: a group by id (GET /groups/{id}) or exact name (search); found false for none or several."""

from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

GROUPS = API + "/groups"
GROUP_ID = "00g41ix8hKbsu74Ca4x6"


def query(request):
    return parse_qs(urlsplit(request.url).query)


def test_an_id_is_fetched_directly_and_returned_with_name_and_description(run_action, okta):
    okta.get(GROUPS + "/" + GROUP_ID, json=factories.group("Staff", group_id=GROUP_ID, description="All staff"))

    result = run_action("get_group", {"group": GROUP_ID})

    assert result.ok
    assert result.output["found"] is True
    assert result.output["group"]["id"] == GROUP_ID and result.output["group"]["name"] == "Staff"
    assert "profile" not in result.output["group"]
    assert [r.url for r in okta.request_history] == [GROUPS + "/" + GROUP_ID]


def test_a_name_is_found_with_an_exact_name_search_in_one_request(run_action, okta):
    okta.get(GROUPS, json=[factories.group("Security Responders", group_id="00g1")])

    result = run_action("get_group", {"group": "Security Responders"})

    assert result.output["group"]["id"] == "00g1"
    assert len(okta.request_history) == 1
    assert query(okta.request_history[0]) == {"search": ['profile.name eq "Security Responders"'], "limit": ["200"]}


def test_quotes_in_a_name_are_escaped_in_the_search(run_action, okta):
    okta.get(GROUPS, json=[])

    run_action("get_group", {"group": 'The "A" Team'})

    assert query(okta.request_history[0])["search"] == ['profile.name eq "The \\"A\\" Team"']


def test_an_id_shaped_name_is_searched_when_no_group_has_that_id(run_action, okta):
    okta.get(GROUPS + "/" + GROUP_ID, status_code=404, json=factories.error())
    okta.get(GROUPS, json=[factories.group(GROUP_ID, group_id="00g2")])

    result = run_action("get_group", {"group": GROUP_ID})

    assert result.output["group"]["id"] == "00g2"


def test_no_matching_group_gives_found_false_and_a_message(run_action, okta):
    okta.get(GROUPS, json=[])

    result = run_action("get_group", {"group": "Nobody"})

    assert result.ok
    assert result.output["found"] is False and "Nobody" in result.output["message"]
    assert "group" not in result.output


def test_a_name_several_groups_share_gives_found_false_naming_the_count(run_action, okta):
    okta.get(GROUPS, json=[factories.group("Staff", group_id="00g1"), factories.group("Staff", group_id="00g2")])

    result = run_action("get_group", {"group": "Staff"})

    assert result.ok
    assert result.output["found"] is False
    assert "2 Okta groups" in result.output["message"]


def test_a_match_with_the_same_case_wins_over_one_differing_only_in_case(run_action, okta):
    okta.get(GROUPS, json=[factories.group("STAFF", group_id="00g1"), factories.group("Staff", group_id="00g2")])

    result = run_action("get_group", {"group": "Staff"})

    assert result.output["found"] is True and result.output["group"]["id"] == "00g2"


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(GROUPS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("get_group", {"group": "Staff"})

    assert not result.ok
    assert "E0000006" in result.exception["cause"] and "You do not have permission" in result.exception["cause"]


def test_a_blank_group_is_refused_before_any_request(run_action, okta):
    result = run_action("get_group", {"group": "   "})

    assert not result.ok and "group" in result.error
    assert okta.request_history == []
