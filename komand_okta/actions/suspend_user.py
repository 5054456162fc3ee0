"""Suspend User: the user keeps groups and apps but cannot sign in; reversible."""
from komand_okta.okta.lifecycle import change
from komand_okta.okta.users import find_user
from komand_okta.runtime.components import Action as Base


class Action(Base):
    operation = "suspend"

    def run(self, params):
        client = self.connection.client
        user = find_user(client, params["email"])
        if user is None:
            self.log.info("No Okta user matches %s.", params["email"])
            return {"success": False}
        change(client, user, self.operation, self.log)
        return {"email": params["email"], "user_id": user["id"], "success": True}
