"""Unlock User: resolve the user and unlock it (LOCKED_OUT -> ACTIVE).

A user who is not locked out is a success without a request; no such user is `success: false`
and a message.
"""

from komand_okta.okta import users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log)
        if not users.already(found.item, "unlock", self.log):
            users.change(client, found.item, "unlock", self.log)
            self.log.info("Unlocked user %s.", found.item["id"])
        return {"success": True}
