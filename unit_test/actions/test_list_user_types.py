"""List User Types: one GET /meta/types/user (not paged); the limit is applied to its answer."""

from unit_test import factories
from unit_test.conftest import API

TYPES = API + "/meta/types/user"


def user_type(name, type_id, default=False):
    return {
        "id": type_id,
        "name": name,
        "displayName": name.title(),
        "description": None,
        "default": default,
        "created": "2024-01-02T03:04:05.000Z",
        "createdBy": "00u1",
        "lastUpdated": "2024-01-02T03:04:05.000Z",
        "lastUpdatedBy": "00u1",
        "_links": {"schema": {"href": API + "/meta/schemas/user/osc1"}},
        "isSystem": False,
    }


def test_every_user_type_is_listed_with_its_count_and_spec_fields_only(run_action, okta):
    okta.get(TYPES, json=[user_type("user", "oty1", True), user_type("contractor", "oty2")], complete_qs=True)

    result = run_action("list_user_types", {})

    assert result.ok and result.output["count"] == 2
    assert [t["id"] for t in result.output["user_types"]] == ["oty1", "oty2"]
    assert "isSystem" not in result.output["user_types"][0] and "description" not in result.output["user_types"][0]
    assert [r.url for r in okta.request_history] == [TYPES]


def test_a_limit_keeps_the_first_types_from_the_single_request(run_action, okta):
    okta.get(TYPES, json=[user_type("a", "oty1"), user_type("b", "oty2"), user_type("c", "oty3")], complete_qs=True)

    result = run_action("list_user_types", {"limit": 2})

    assert [t["id"] for t in result.output["user_types"]] == ["oty1", "oty2"] and result.output["count"] == 2
    assert len(okta.request_history) == 1


def test_an_okta_error_is_an_error_envelope_with_oktas_summary(run_action, okta):
    okta.get(TYPES, status_code=403, json=factories.error("E0000006", "You do not have permission"))

    result = run_action("list_user_types", {})

    assert not result.ok and "E0000006" in result.exception["cause"]


def test_a_limit_below_one_is_refused_before_any_request(run_action, okta):
    result = run_action("list_user_types", {"limit": 0})

    assert not result.ok and "limit" in result.error
    assert okta.request_history == []
