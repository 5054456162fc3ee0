"""Get User Blocks: GET /users/{id}/blocks. A user ID needs no lookup (its 404 is the miss); a
login or email is resolved first."""

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.hunting import calls

USER_ID = "00u1abcdefghijklmnop"
BLOCKS = API + "/users/%s/blocks" % USER_ID
UNKNOWN_DEVICES = [{"type": "DEVICE_BASED", "appliesTo": "UNKNOWN_DEVICES"}]


def test_a_user_id_reads_the_blocks_in_one_request(run_action, okta):
    okta.get(BLOCKS, json=UNKNOWN_DEVICES)
    result = run_action("get_user_blocks", {"user": USER_ID})
    assert result.ok and result.output == {
        "found": True,
        "user_id": USER_ID,
        "blocked": True,
        "blocks": UNKNOWN_DEVICES,
    }
    assert calls(okta) == [("GET", BLOCKS)]


def test_a_user_without_blocks_is_not_blocked(run_action, okta):
    okta.get(BLOCKS, json=[])
    result = run_action("get_user_blocks", {"user": USER_ID})
    assert result.output == {"found": True, "user_id": USER_ID, "blocked": False, "blocks": []}


def test_a_login_is_resolved_first(run_action, okta):
    okta.get(API + "/users/john.smith%40example.com", json=factories.user("john.smith@example.com", user_id=USER_ID))
    okta.get(BLOCKS, json=UNKNOWN_DEVICES)
    result = run_action("get_user_blocks", {"user": "john.smith@example.com"})
    assert result.ok and result.output["user_id"] == USER_ID and calls(okta)[-1] == ("GET", BLOCKS)


def test_an_unknown_user_id_is_found_false_naming_it(run_action, okta):
    okta.get(BLOCKS, status_code=404, json=factories.error())
    result = run_action("get_user_blocks", {"user": USER_ID})
    assert result.ok and result.output == {"found": False, "message": "No Okta user matches %s." % USER_ID}


def test_a_blank_user_is_refused_naming_the_field_before_any_request(run_action, okta):
    result = run_action("get_user_blocks", {"user": " "})
    assert not result.ok and "'user'" in result.error and okta.request_history == []


def test_okta_refusing_the_read_is_an_explained_error(run_action, okta):
    okta.get(BLOCKS, status_code=403, json=factories.error("E0000006", "You do not have permission"))
    result = run_action("get_user_blocks", {"user": USER_ID})
    assert not result.ok and "E0000006" in result.error
