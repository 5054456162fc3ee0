"""A user's risk in Identity Threat Protection (ITP): read it, or set the SOC's own verdict.

`GET /users/{id}/risk` answers `{riskLevel, reason?}` (NONE for a user never rated);
`PUT /users/{id}/risk` with `{riskLevel, riskReason?}` upserts it (201 the first time, 200
after). With HIGH, Okta's entity risk policy can step the user up or log them out on its own.
Without ITP Okta answers 401 E0000015, raised as `features.FeatureUnavailable`.
"""

from . import features
from .http.errors import OktaError


def get_risk(client, user_id: str) -> dict:
    try:
        return client.get(client.path("users", user_id, "risk"), expect=dict)
    except OktaError as exc:
        features.check(exc, features.ITP)


def set_risk(client, user_id: str, level: str, reason: str | None = None) -> dict:
    """Okta's answer; without `reason` Okta records its own ("override by admin")."""
    body = {"riskLevel": level}
    if reason:
        body["riskReason"] = reason
    try:
        return client.put(client.path("users", user_id, "risk"), json=body, expect=dict)
    except OktaError as exc:
        features.check(exc, features.ITP)
