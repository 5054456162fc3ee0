"""Get Network Zone: a zone by ID or exact name; `found: false` and a message when none (or several) match."""
from komand_okta.okta.zones import lookup_zone
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        ref = params["zone"].strip()
        if not ref:
            raise ClientError("Zone (zone) is blank.", "Give the network zone's ID (nzo…) or exact name.")
        found = lookup_zone(self.connection.client, ref)
        if found.zone is None:
            self.log.info("%s", found.message)
            return {"found": False, "message": found.message}
        return {"found": True, "zone": found.zone}
