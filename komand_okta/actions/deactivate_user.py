"""Deactivate User: resolve the user and deactivate it (deprovision: destructive; Okta finishes it
asynchronously).

An already-DEPROVISIONED user succeeds without a request. No such user gives `success: false`.
"""

from komand_okta.okta import users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["email"])
        if not found:
            return not_found(found, self.log, with_message=False)
        users.change(client, found.item, "deactivate", self.log)
        return {"email": params["email"], "user_id": found.item["id"], "success": True}
