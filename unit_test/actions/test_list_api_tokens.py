"""List API Tokens: GET /api-tokens, every page; a limit is counted here (Okta's list takes none)."""

from unit_test import factories
from unit_test.conftest import API

TOKENS = API + "/api-tokens"


def token(token_id, name):
    return {
        "id": token_id,
        "name": name,
        "userId": "00u1",
        "clientName": "Okta API",
        "created": "2025-01-01T00:00:00.000Z",
        "network": {"connection": "ANYWHERE"},
        "_links": {},
    }


def test_every_token_is_listed_with_its_network_condition(run_action, okta):
    okta.get(TOKENS, json=[token("00T1", "SIEM")], headers=factories.next_link(TOKENS + "?after=00T1"))
    okta.get(TOKENS + "?after=00T1", json=[token("00T2", "Backup sync")])

    result = run_action("list_api_tokens", {})

    assert result.ok and result.output["count"] == 2
    assert [t["name"] for t in result.output["tokens"]] == ["SIEM", "Backup sync"]
    assert result.output["tokens"][0]["network"] == {"connection": "ANYWHERE"}


def test_a_limit_stops_reading_and_is_not_sent_to_okta(run_action, okta):
    okta.get(
        TOKENS,
        json=[token("00T1", "SIEM"), token("00T2", "Backup sync")],
        headers=factories.next_link(TOKENS + "?after=00T2"),
    )

    result = run_action("list_api_tokens", {"limit": 1})

    assert result.output["count"] == 1
    assert [r.query for r in okta.request_history] == [""]
