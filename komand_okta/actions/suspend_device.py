"""Suspend Device: resolve the device (ID, display name or serial number) and suspend it, so it
cannot be used to sign in while the incident is looked into; reversible with Unsuspend Device,
and it keeps the device's factors.

An already-SUSPENDED device succeeds without a request. A device Okta cannot suspend (only an
ACTIVE one can be) gives `success: false` and the reason; no such device gives `success: false`.
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
        refusal = devices.change(client, found.item, "suspend", self.log)
        if refusal:
            return not_done(refusal, self.log)
        return {"success": True, "device_id": found.item["id"], "status": "SUSPENDED"}
