"""Revoke API Token: revoke one API token, given by ID or exact name.

It refuses to revoke the token this connection itself uses (Okta's `/api-tokens/current`), which
would break every later step, unless `allow_self` is true. An OAuth connection has no API token
of its own; an org that does not say which token is current is warned about in the log, and
the token is revoked. An ID goes straight to Okta; a name is looked up in the token list.
Idempotent: an ID Okta does not know (already revoked, or never existed) is `success: true`,
`revoked: false` and a message. A name no token has is `success: false` and a message.
"""

from komand_okta.okta import api_tokens
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        ref = str(params["token"]).strip()
        client = self.connection.client
        if api_tokens.is_id(ref):
            token_id = ref
        else:
            found = api_tokens.resolve(client, ref)
            if not found:
                return not_found(found, self.log)
            token_id = found.item["id"]
        if not params.get("allow_self"):
            self._refuse_own(client, token_id)
        if not api_tokens.revoke(client, token_id):
            message = (
                "Okta has no active API token %s (already revoked, or never existed); nothing to revoke." % token_id
            )
            self.log.info("%s", message)
            return {"success": True, "revoked": False, "token_id": token_id, "message": message}
        self.log.info("Revoked API token %s.", token_id)
        return {"success": True, "revoked": True, "token_id": token_id}

    def _refuse_own(self, client, token_id: str) -> None:
        current = api_tokens.current_token(client)
        if current is None:
            if api_tokens.uses_api_token(client):
                self.log.warning(
                    "Okta did not say which API token this connection uses (GET /api/v1/api-tokens/"
                    "current answered 404), so whether %s is it cannot be checked.",
                    token_id,
                )
            return
        if current.get("id") == token_id:
            raise ClientError(
                "Refused to revoke API token %s (%s): it is the token this connection uses, and every "
                "later step with this connection would fail." % (token_id, current.get("name")),
                "Set allow_self to true to revoke it anyway, then give the connection a new API token.",
            )
