"""List User Clients: resolve the user, return the OAuth clients (apps) holding their grants or tokens.

The first place to look for a consent-phishing app. No such user is `found: false` and a message.
"""

from komand_okta.okta import grants, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.read_for(client, params["user"], lambda user_id: grants.list_clients(client, user_id))
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "clients": found.item, "count": len(found.item)}
