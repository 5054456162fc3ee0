"""List Authenticator Enrollments: the user resolved, then every enrollment; phone numbers masked unless asked."""

from urllib.parse import parse_qs, urlsplit

import pytest

from unit_test import factories
from unit_test.conftest import API
from unit_test.factories.devices import enrollment

LOGIN = "jane.doe@example.com"
BY_LOGIN = API + "/users/jane.doe%40example.com"
ENROLLMENTS = API + "/users/00u1/authenticator-enrollments"


def test_every_enrollment_is_listed_with_its_details(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id="00u1"))
    okta.get(
        ENROLLMENTS,
        json=[
            enrollment(nickname="DESKTOP-7QK2M9X"),
            enrollment("security_key", "webauthn", "Security Key or Biometric"),
            enrollment("phone", "phone_number", "Phone", profile={"phoneNumber": "+1 XXX-XXX-6065"}),
        ],
    )

    result = run_action("list_authenticator_enrollments", {"user": LOGIN})

    assert result.ok, result.error
    assert result.output["found"] is True and result.output["count"] == 3
    assert [e["key"] for e in result.output["enrollments"]] == ["okta_verify", "webauthn", "phone_number"]
    assert result.output["enrollments"][0]["nickname"] == "DESKTOP-7QK2M9X"
    assert result.output["enrollments"][2]["profile"] == {"phoneNumber": "+1 XXX-XXX-6065"}
    assert [r.url for r in okta.request_history] == [BY_LOGIN, ENROLLMENTS]


@pytest.mark.parametrize("disclose, sent", [(True, {"discloseIdentifiers": ["phone"]}), (False, {})])
def test_phone_numbers_are_disclosed_only_when_asked(run_action, okta, disclose, sent):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id="00u1"))
    okta.get(ENROLLMENTS, json=[])

    run_action("list_authenticator_enrollments", {"user": LOGIN, "disclose_phone": disclose})

    assert parse_qs(urlsplit(okta.request_history[1].url).query) == sent


def test_an_unknown_user_is_found_false_and_no_enrollment_is_asked_for(run_action, okta):
    okta.get(BY_LOGIN, status_code=404, json=factories.error())
    okta.get(API + "/users", json=[])

    result = run_action("list_authenticator_enrollments", {"user": LOGIN})

    assert result.ok
    assert result.output == {"found": False, "message": "No Okta user matches %s." % LOGIN}
    assert ENROLLMENTS not in [r.url.split("?")[0] for r in okta.request_history]


def test_a_classic_engine_org_is_told_it_lacks_identity_engine(run_action, okta):
    okta.get(BY_LOGIN, json=factories.user(LOGIN, user_id="00u1"))
    okta.get(ENROLLMENTS, status_code=401, json=factories.error("E0000015", "You do not have permission"))

    result = run_action("list_authenticator_enrollments", {"user": LOGIN})

    assert not result.ok and "does not have Identity Engine" in result.exception["cause"]


def test_a_non_boolean_disclose_phone_is_refused_before_any_request(run_action, okta):
    result = run_action("list_authenticator_enrollments", {"user": LOGIN, "disclose_phone": "yes"})

    assert not result.ok and "disclose_phone" in result.error
    assert not okta.called
