"""List User Clients: resolve the user, return the OAuth clients (apps) holding their grants or tokens.

The first place to look for a consent-phishing app. No such user is `found: false` and a message.
"""
from komand_okta.okta import grants, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log, "found")
        clients = grants.list_clients(client, found.item["id"])
        return {"found": True, "clients": clients, "count": len(clients)}
