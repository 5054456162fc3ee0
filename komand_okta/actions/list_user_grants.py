"""List User Grants: resolve the user, return their active OAuth consent grants, all or one client's.

No such user, or no such client, is `found: false` and a message.
"""

from komand_okta import inputs
from komand_okta.okta import grants, users
from komand_okta.okta.http.errors import OktaError
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client_id = inputs.text(params, "client_id")
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log, "found")
        try:
            listed = grants.list_grants(client, found.item["id"], client_id)
        except OktaError as exc:
            if client_id and exc.status == 404:  # the user exists: the client is what Okta does not know
                return not_done("Okta has no OAuth client %s." % client_id, self.log, "found")
            raise
        return {"found": True, "grants": listed, "count": len(listed)}
