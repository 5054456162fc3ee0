"""List User Devices: every Identity Engine device a user has enrolled (with Okta Verify), with
when they enrolled it, so an analyst sees a computer or phone an attacker added.

A user that does not exist gives `found: false` and a message.
"""

from komand_okta.okta import devices, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.read_for(client, params["user"], lambda user_id: devices.user_devices(client, user_id))
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "devices": found.item, "count": len(found.item)}
