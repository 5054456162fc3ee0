"""Get User: a user's full record by email, login or id; `found: false` when there is none."""
from komand_okta.okta.users import find_user
from komand_okta.runtime.components import Action as Base

USER_FIELDS = ("id", "status", "created", "activated", "statusChanged", "lastLogin", "lastUpdated",
               "passwordChanged", "profile", "credentials", "_links")


class Action(Base):
    def run(self, params):
        user = find_user(self.connection.client, params["email"])
        if user is None:
            self.log.info("No Okta user matches %s.", params["email"])
            return {"found": False}
        return dict(user_fields(user), found=True)


def user_fields(user: dict) -> dict:
    """The user's fields the spec declares, leaving out nulls (the spec types them as strings)."""
    return {key: user[key] for key in USER_FIELDS if user.get(key) is not None}
