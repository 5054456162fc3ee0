"""errors.from_response / errors.unreachable: Okta failures explained."""

import json

import pytest

from komand_okta.okta.http import errors
from komand_okta.okta.http.errors import OktaError

DUPLICATE = {
    "errorCode": "E0000001",
    "errorSummary": "Api validation failed: login",
    "errorLink": "E0000001",
    "errorId": "oaeHfmOAx1iRLa0H10DeMz5fQ",
    "errorCauses": [{"errorSummary": "login: An object with this field already exists in the current organization"}],
}


def test_cause_is_in_oktas_words():
    error = errors.from_response(400, DUPLICATE, "POST", "/api/v1/users")
    assert "Api validation failed: login" in error.cause
    assert "login: An object with this field already exists in the current organization" in error.cause


def test_cause_names_status_code_method_and_path():
    error = errors.from_response(400, DUPLICATE, "POST", "/api/v1/users")
    assert error.cause.startswith("Okta returned 400 E0000001 for POST /api/v1/users:")


def test_cause_ends_with_one_full_stop():
    error = errors.from_response(404, {"errorSummary": "Not found: Resource not found: x (User)."}, "GET", "/p")
    assert error.cause.endswith("(User).") and not error.cause.endswith("..")


def test_several_causes_are_all_listed():
    body = {
        "errorSummary": "Api validation failed",
        "errorCauses": [{"errorSummary": "a: bad"}, {"errorSummary": "b: worse"}],
    }
    cause = errors.from_response(400, body, "POST", "/p").cause
    assert "a: bad" in cause and "b: worse" in cause


def test_a_bare_error_causes_object_is_read():
    body = {"errorSummary": "Api validation failed", "errorCauses": {"errorSummary": "email: invalid"}}
    assert "email: invalid" in errors.from_response(400, body, "POST", "/p").cause


@pytest.mark.parametrize("causes", [None, [], "text", [None, 3, {}], [{"reason": "x"}]])
def test_odd_error_causes_are_ignored(causes):
    error = errors.from_response(400, {"errorSummary": "Bad", "errorCauses": causes}, "POST", "/p")
    assert error.cause.endswith("Bad.")


@pytest.mark.parametrize("body", [None, "", "<html>oops</html>", [1, 2], {}])
def test_a_missing_or_non_object_body_falls_back_to_the_status(body):
    error = errors.from_response(502, body, "GET", "/p")
    assert "HTTP 502" in error.cause
    assert error.data == ""


def test_status_and_code_are_kept():
    error = errors.from_response(400, DUPLICATE, "POST", "/p")
    assert error.status == 400 and error.code == "E0000001"


def test_data_holds_oktas_error_fields_as_json():
    data = json.loads(errors.from_response(400, dict(DUPLICATE, extra="ignored"), "POST", "/p").data)
    assert set(data) == {"errorCode", "errorSummary", "errorCauses", "errorId"}
    assert data["errorId"] == "oaeHfmOAx1iRLa0H10DeMz5fQ"


def test_401_assistance_says_to_check_the_token():
    assert "API token" in errors.from_response(401, {"errorCode": "E0000011"}, "GET", "/p").assistance


def test_403_assistance_names_the_admin_role():
    assert "admin role" in errors.from_response(403, {"errorCode": "E0000006"}, "GET", "/p").assistance


def test_404_assistance_says_to_check_the_id():
    assistance = errors.from_response(404, {"errorCode": "E0000007"}, "GET", "/p").assistance
    assert "ID" in assistance and "exists" in assistance


def test_400_assistance_points_at_the_causes():
    assert "input values named above" in errors.from_response(400, DUPLICATE, "POST", "/p").assistance


def test_429_assistance_counts_the_tries():
    assistance = errors.from_response(429, {"errorCode": "E0000047"}, "GET", "/p", tries=5).assistance
    assert assistance.startswith("Okta's rate limit stayed exhausted after 5 tries.")
    assert "Wait a minute" in assistance


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_assistance_says_okta_is_unavailable(status):
    assert "Okta is unavailable" in errors.from_response(status, {}, "GET", "/p").assistance


def test_5xx_assistance_counts_retries():
    assert "(3 tries)" in errors.from_response(503, {}, "GET", "/p", tries=3).assistance


def test_an_unlisted_4xx_gets_generic_assistance():
    assert errors.from_response(418, {}, "GET", "/p").assistance == "Check the request and try again."


def test_str_holds_cause_and_assistance():
    error = errors.from_response(404, {"errorSummary": "Not found"}, "GET", "/p")
    assert error.cause in str(error) and error.assistance in str(error)


def test_unreachable_before_sending_points_at_domain_and_network():
    error = errors.unreachable("GET", "/api/v1/users/00u1", "the request timed out", maybe_applied=False)
    assert error.cause == "Could not complete GET /api/v1/users/00u1: the request timed out."
    assert "Okta domain" in error.assistance


def test_unreachable_after_sending_says_it_may_or_may_not_have_been_applied():
    error = errors.unreachable("POST", "/api/v1/users", "the connection failed or was dropped", maybe_applied=True)
    assert "may or may not have been applied" in error.cause
    assert "state in Okta" in error.assistance


def test_unreachable_is_an_okta_error_without_status():
    error = errors.unreachable("GET", "/p", "x", maybe_applied=False)
    assert isinstance(error, OktaError) and error.status is None and error.data == ""


@pytest.mark.parametrize("refusal", [errors.OktaConnectionError, errors.DestinationRefused, errors.InvalidIdentifier])
def test_a_refusal_decided_without_asking_okta_is_a_client_error_not_an_okta_error(refusal):
    assert issubclass(refusal, errors.ClientError) and not issubclass(refusal, OktaError)


def test_okta_errors_and_client_errors_share_one_explained_base():
    assert issubclass(OktaError, errors.Error) and issubclass(errors.ClientError, errors.Error)


@pytest.mark.parametrize(
    "status, code, says", [(401, "E0000015", "not enabled"), (423, "E0000239", "reconciled policy priorities")]
)
def test_a_code_whose_fix_is_not_its_statuses_gets_its_own_assistance(status, code, says):
    error = errors.from_response(status, {"errorCode": code, "errorSummary": "x"}, "GET", "/api/v1/policies")
    assert says in error.assistance and "token" not in error.assistance
