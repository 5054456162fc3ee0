"""Delete Network Zone: resolve the zone (ID or exact name), delete it.

An ACTIVE zone is deactivated first, as Okta requires. System zones are refused without a
request. A zone Okta will not delete (one a policy rule uses) gives `success: false` with
Okta's reason, and is activated again if we deactivated it.
"""

from komand_okta.okta import zones
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = zones.resolve(client, params["zone"])
        if not found:
            return not_found(found, self.log)
        refusal = zones.delete(client, found.item, self.log)
        if refusal:
            return not_done(refusal, self.log)
        return {"success": True}
