"""Unlock User: LOCKED_OUT -> ACTIVE; a user who is not locked out is a success without a request."""
from komand_okta.okta.lifecycle import already, change, user_or_not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user, missing = user_or_not_found(client, params["user"], self.log)
        if missing:
            return missing
        if not already(user, "unlock", self.log):
            change(client, user, "unlock", self.log)
            self.log.info("Unlocked user %s.", user["id"])
        return {"success": True}
