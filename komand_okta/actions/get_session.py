"""Get Session: one Okta session by ID, e.g. the `externalSessionId` of a System Log event.

Who holds it, since when, until when, and how they signed in. Okta forgets a session once it
ends, so an expired, revoked or unknown ID is `found: false` and a message.
"""

from komand_okta.okta import sessions
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        found = sessions.get_session(self.connection.client, params["session_id"])
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "session": found.item}
