"""Revoke User Grants: resolve the user, revoke all their OAuth consent grants, one grant, or all
those given to one client.

Idempotent. Okta keeps nothing of a revoked grant, so a grant ID it does not know (already
revoked, or never existed) is `success: true`, `revoked: false` and a message: the grant does
not work, which is what was asked. Revoking all grants, or a client's, succeeds whether or not
there were any. No such user, or no such client, is `success: false` and a message.
"""

from komand_okta import inputs
from komand_okta.okta import grants, users
from komand_okta.okta.http.errors import OktaError
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        grant_id, client_id = inputs.text(params, "grant_id"), inputs.text(params, "client_id")
        if grant_id and client_id:
            raise ClientError(
                "Both a grant ID (grant_id) and a client ID (client_id) were given.",
                "Give grant_id to revoke that grant, client_id to revoke all the user's grants to that "
                "client, or neither to revoke all the user's grants.",
            )
        client = self.connection.client
        found = users.resolve(client, params["user"], "no grant was revoked")
        if not found:
            return not_found(found, self.log)
        user_id = found.item["id"]
        try:
            revoked = grants.revoke_grants(client, user_id, grant_id, client_id)
        except OktaError as exc:
            if client_id and exc.status == 404:  # the user exists: the client is what Okta does not know
                return not_done("Okta has no OAuth client %s; no grant was revoked." % client_id, self.log)
            raise
        if not revoked:
            message = "User %s has no active grant %s (already revoked, or never existed); nothing to revoke." % (
                user_id,
                grant_id,
            )
            self.log.info("%s", message)
            return {"success": True, "revoked": False, "message": message}
        what = "grant " + grant_id if grant_id else "every grant to client " + client_id if client_id else "every grant"
        self.log.info("Revoked %s of user %s.", what, user_id)
        return {"success": True, "revoked": True}
