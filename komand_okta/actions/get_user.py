"""Get User: a user's full record by email, login or id; `found: false` when there is none."""
from komand_okta.okta.users import find_user, user_fields
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        user = find_user(self.connection.client, params["email"])
        if user is None:
            self.log.info("No Okta user matches %s.", params["email"])
            return {"found": False}
        return dict(user_fields(user), found=True)

