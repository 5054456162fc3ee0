"""Unsuspend Device: resolve the device (ID, display name or serial number) and return a
SUSPENDED device to ACTIVE, for example once an incident is closed.

An already-ACTIVE device succeeds without a request. A DEACTIVATED device cannot be unsuspended
(its factors are gone): `success: false` and the reason; no such device gives `success: false`.
"""

from komand_okta.okta import devices
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = devices.resolve(client, params["device"])
        if not found:
            return not_found(found, self.log)
        refusal = devices.change(client, found.item, "unsuspend", self.log)
        if refusal:
            return not_done(refusal, self.log)
        return {"success": True, "device_id": found.item["id"], "status": "ACTIVE"}
