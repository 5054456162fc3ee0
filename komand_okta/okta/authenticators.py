"""A user's Identity Engine authenticator enrollments: list them, delete one.

Identity Engine shows every authenticator a user enrolled here (Okta Verify and FastPass, phone,
email, WebAuthn security keys and biometrics), including the ones the Factors API does not list,
such as an Okta Verify enrollment made on an attacker's computer. A Classic Engine org refuses
with E0000015, raised as `features.FeatureUnavailable`.

Phone numbers come masked (`+1 XXX-XXX-0001`) unless asked for (`discloseIdentifiers=phone`):
the full number is personal data, shown only when the analyst needs it, for example to recognise
a phone an attacker enrolled.
"""

from . import features
from .http.errors import OktaError


def list_enrollments(client, user_id: str, disclose_phone: bool = False) -> list:
    """Every authenticator enrollment of the user (not paged)."""
    params = {"discloseIdentifiers": "phone"} if disclose_phone else None
    try:
        # a list, as Okta answers and its own example shows (the spec's schema says one object)
        return client.get(client.path("users", user_id, "authenticator-enrollments"), params=params, expect=list)
    except OktaError as exc:
        features.check(exc, features.IDENTITY_ENGINE)


def delete_enrollment(client, user_id: str, enrollment_id: str) -> bool:
    """True when Okta deleted the enrollment; False when the user has none with this ID."""
    try:
        response = client.request(
            "DELETE", client.path("users", user_id, "authenticator-enrollments", enrollment_id), allow=(404,)
        )
    except OktaError as exc:
        features.check(exc, features.IDENTITY_ENGINE)
    return response.status != 404
