"""Deactivate Network Zone: resolve the zone (ID or exact name), deactivate it, return it.

An INACTIVE zone is left alone (no request) and counts as success; no zone (or a name several
share) is `success: false` and a message.
"""

from komand_okta.okta import zones
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = zones.resolve(client, params["zone"])
        if not found:
            return not_found(found, self.log)
        zone = zones.set_status(client, found.item, False, self.log)
        return {"success": zone.get("status") == "INACTIVE", "zone": zone}
