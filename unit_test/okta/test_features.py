"""features.check: Okta's feature-not-enabled refusal (E0000015) is explained as a missing licence."""

import pytest

from komand_okta.okta import features
from komand_okta.okta.http.errors import OktaError


def refusal(status, code):
    return OktaError(
        "Okta returned %d %s." % (status, code), "Check the token.", {"errorCode": code}, status=status, code=code
    )


@pytest.mark.parametrize("status", [401, 403])
@pytest.mark.parametrize("feature", [features.ITP, features.IDENTITY_ENGINE])
def test_a_feature_refusal_names_the_feature_and_keeps_oktas_answer(status, feature):
    with pytest.raises(features.FeatureUnavailable) as caught:
        features.check(refusal(status, "E0000015"), feature)
    error = caught.value
    assert "does not have %s" % feature in error.cause and "licence" in error.cause
    assert feature in error.assistance
    assert (error.status, error.code, error.feature) == (status, "E0000015", feature)
    assert "E0000015" in error.data


@pytest.mark.parametrize("status,code", [(403, "E0000006"), (401, "E0000011"), (404, "E0000015")])
def test_any_other_error_is_raised_unchanged(status, code):
    original = refusal(status, code)
    with pytest.raises(OktaError) as caught:
        features.check(original, features.ITP)
    assert caught.value is original


def test_an_already_explained_refusal_keeps_its_feature():
    explained = features.FeatureUnavailable(features.IDENTITY_ENGINE, refusal(401, "E0000015"))
    with pytest.raises(features.FeatureUnavailable) as caught:
        features.check(explained, features.ITP)
    assert caught.value is explained
