"""Deactivate Device: resolve the device (ID, display name or serial number) and deactivate it.

Destructive, as Okta documents: the factors and client certificates bound to the device (its
Okta Verify push and FastPass) and its user links are gone for good; the user must enroll the
device again to use it. It is the step Okta requires before Delete Device. An already-DEACTIVATED
device succeeds without a request; no such device gives `success: false`.
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
        refusal = devices.change(client, found.item, "deactivate", self.log)
        if refusal:
            return not_done(refusal, self.log)
        return {"success": True, "device_id": found.item["id"], "status": "DEACTIVATED"}
