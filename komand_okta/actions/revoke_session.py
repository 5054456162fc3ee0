"""Revoke Session: end one Okta session by ID, leaving the user's other sessions alone.

Idempotent: Okta forgets a session once it ends, so an ID it does not know (already revoked,
expired, or never existed) is `success: true`, `revoked: false` and a message.
"""

from komand_okta.okta import sessions
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        session_id = params["session_id"].strip()  # the runtime refuses a blank one
        if not sessions.revoke_session(self.connection.client, session_id):
            message = (
                "Okta has no active session %s (already revoked, expired, or never existed); nothing to revoke."
                % session_id
            )
            self.log.info("%s", message)
            return {"success": True, "revoked": False, "message": message}
        self.log.info("Revoked session %s.", session_id)
        return {"success": True, "revoked": True}
