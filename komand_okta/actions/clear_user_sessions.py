"""Clear User Sessions: `DELETE /users/{id}/sessions`; a user with no sessions is a success too."""
from komand_okta.okta.lifecycle import user_or_not_found
from komand_okta.okta.sessions import revoke
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user, missing = user_or_not_found(client, params["user"], self.log)
        if missing:
            return missing
        revoke(client, user, self.log, oauth_tokens=bool(params.get("oauth_tokens")),
               forget_devices=params.get("forget_devices"))
        return {"success": True}
