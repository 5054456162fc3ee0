"""Okta features a licence switches on: Identity Engine and Identity Threat Protection (ITP).

Without the feature Okta refuses the operation with E0000015 ("You do not have permission to
access the feature you are requesting"): 401 on the management API, 403 on Universal Logout.
Read as it stands, that looks like a bad credential or a missing admin role, and the analyst
would rotate a perfectly good token. `check` turns it into `FeatureUnavailable`, which says the
org lacks the feature and that only a licence change (not the connection) fixes it; callers
that can carry on without the feature (contain_user's steps) catch that class.
"""

from .http.errors import OktaError

IDENTITY_ENGINE = "Identity Engine"
ITP = "Identity Threat Protection"
NOT_ENABLED = "E0000015"
_STATUSES = (401, 403)


class FeatureUnavailable(OktaError):
    """The org lacks the Okta feature (Identity Engine or ITP) the operation needs."""

    def __init__(self, feature: str, exc: OktaError):
        cause = (
            "This Okta org does not have %s, which this operation needs: Okta refused it as a feature "
            "that is not enabled (%d %s). This is a licence/feature matter, not a problem with the "
            "connection's credentials." % (feature, exc.status, NOT_ENABLED)
        )
        assistance = (
            "Ask your Okta account team to enable %s for this org (or run this action against an org "
            "that has it); until then, skip this step in playbooks." % feature
        )
        super().__init__(cause, assistance, exc.data, status=exc.status, code=exc.code, response=exc.response)
        self.feature = feature


def is_unavailable(exc) -> bool:
    """Whether `exc` is Okta's feature-not-enabled refusal."""
    return isinstance(exc, OktaError) and exc.code == NOT_ENABLED and exc.status in _STATUSES


def check(exc, feature: str):
    """Raise `exc` again: as FeatureUnavailable naming `feature` when it means the feature is not
    enabled, otherwise unchanged. Call it in an `except OktaError` block; it never returns."""
    if isinstance(exc, FeatureUnavailable):
        raise exc
    if is_unavailable(exc):
        raise FeatureUnavailable(feature, exc) from None
    raise exc
