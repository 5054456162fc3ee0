"""Delete Device: resolve the device (ID, display name or serial number) and delete its record.

Okta deletes only a DEACTIVATED device. Another status gives `success: false` and a message
saying to run Deactivate Device first (no request is made: deactivating destroys the device's
factors, a step an analyst must choose, never a side effect of a delete). No such device gives
`success: false`.
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
        refusal = devices.delete(client, found.item, self.log)
        if refusal:
            return not_done(refusal, self.log)
        return {"success": True, "device_id": found.item["id"]}
