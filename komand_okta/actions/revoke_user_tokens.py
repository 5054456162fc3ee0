"""Revoke User Tokens: resolve the user, revoke their refresh tokens for one OAuth client, or one token.

Idempotent. Okta keeps nothing of a revoked token, so a token ID it does not know for that
user and client (already revoked, expired, or never existed) is `success: true`,
`revoked: false` and a message. No such user, or no such client, is `success: false` and a message.
"""

from komand_okta import inputs
from komand_okta.okta import grants, users
from komand_okta.okta.http.errors import OktaError
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client_id, token_id = params["client_id"].strip(), inputs.text(params, "token_id")  # client_id: not blank
        client = self.connection.client
        found = users.resolve(client, params["user"], "no token was revoked")
        if not found:
            return not_found(found, self.log)
        user_id = found.item["id"]
        try:
            revoked = grants.revoke_tokens(client, user_id, client_id, token_id)
        except OktaError as exc:
            if exc.status == 404:  # every token of the client: the user exists, so the client is unknown
                return not_done("Okta has no OAuth client %s; no token was revoked." % client_id, self.log)
            raise
        if not revoked:
            message = (
                "User %s has no active refresh token %s for client %s (already revoked, expired, or never "
                "existed); nothing to revoke." % (user_id, token_id, client_id)
            )
            self.log.info("%s", message)
            return {"success": True, "revoked": False, "message": message}
        what = "refresh token " + token_id if token_id else "every refresh token"
        self.log.info("Revoked %s of user %s for client %s.", what, user_id, client_id)
        return {"success": True, "revoked": True}
