"""Universal Logout: resolve the user, then Okta's global token revocation for them.

Okta ends the user's sessions, revokes their tokens and signs them out of every app that
supports Universal Logout, which a password reset or session clear alone does not reach. It
needs Identity Threat Protection; without it the error says so (`features.FeatureUnavailable`).
No such user is `success: false` and a message.
"""

from komand_okta.okta import logout, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["user"], "nobody was signed out")
        if not found:
            return not_found(found, self.log)
        logout.universal_logout(client, found.item["id"])
        self.log.info("Okta accepted Universal Logout for user %s.", found.item["id"])
        return {"success": True, "user_id": found.item["id"]}
