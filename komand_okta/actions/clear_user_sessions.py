"""Clear User Sessions: resolve the user, `DELETE /users/{id}/sessions`; a user with no sessions is a success too.

No such user is `success: false` and a message.
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
        users.revoke_sessions(
            client,
            found.item,
            self.log,
            oauth_tokens=bool(params.get("oauth_tokens")),
            forget_devices=params.get("forget_devices"),
        )
        return {"success": True}
