"""Create Group: POST /groups once the exact name is known to be free; success false when taken."""

import json
from urllib.parse import parse_qs, urlsplit

from unit_test import factories
from unit_test.conftest import API

GROUPS = API + "/groups"


def test_a_free_name_is_created_and_the_group_returned(run_action, okta):
    created = factories.group("Responders", group_id="00g1", description="IR team")
    okta.get(GROUPS, json=[])
    okta.post(GROUPS, json=created)

    result = run_action("create_group", {"name": "Responders", "description": "IR team"})

    assert result.ok
    assert result.output["success"] is True
    assert result.output["group"]["id"] == "00g1" and result.output["group"]["name"] == "Responders"
    check, create = okta.request_history
    assert parse_qs(urlsplit(check.url).query) == {"search": ['profile.name eq "Responders"'], "limit": ["200"]}
    assert (create.method, create.url) == ("POST", GROUPS)
    assert json.loads(create.body) == {"profile": {"name": "Responders", "description": "IR team"}}


def test_without_a_description_only_the_name_is_sent(run_action, okta):
    okta.get(GROUPS, json=[])
    okta.post(GROUPS, json=factories.group("Responders", description=None))

    result = run_action("create_group", {"name": " Responders "})

    assert result.output["success"] is True and "description" not in result.output["group"]
    assert json.loads(okta.request_history[1].body) == {"profile": {"name": "Responders"}}


def test_an_existing_group_with_the_name_gives_success_false_and_no_post(run_action, okta):
    okta.get(GROUPS, json=[factories.group("Responders", group_id="00g7")])

    result = run_action("create_group", {"name": "Responders"})

    assert result.ok
    assert result.output["success"] is False
    assert "already exists" in result.output["message"] and "00g7" in result.output["message"]
    assert [r.method for r in okta.request_history] == ["GET"]


def test_a_name_taken_since_the_check_gives_success_false_from_oktas_refusal(run_action, okta):
    okta.get(GROUPS, json=[])
    okta.post(
        GROUPS,
        status_code=400,
        json=factories.error(
            "E0000001",
            "Api validation failed: name",
            causes=["name: An object with this field already exists in the current organization"],
        ),
    )

    result = run_action("create_group", {"name": "Responders"})

    assert result.ok
    assert result.output["success"] is False and "already exists" in result.output["message"]


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(GROUPS, json=[])
    okta.post(GROUPS, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("create_group", {"name": "Responders"})

    assert not result.ok
    assert "E0000006" in result.exception["cause"] and "You do not have permission" in result.exception["cause"]


def test_a_failed_post_is_not_retried(run_action, okta):
    okta.get(GROUPS, json=[])
    okta.post(GROUPS, status_code=503, json=factories.error("E0000009", "Internal Server Error"))

    result = run_action("create_group", {"name": "Responders"})

    assert not result.ok
    assert [r.method for r in okta.request_history] == ["GET", "POST"]


def test_a_blank_name_is_refused_before_any_request(run_action, okta):
    result = run_action("create_group", {"name": "   "})

    assert not result.ok and "name" in result.error
    assert okta.request_history == []
