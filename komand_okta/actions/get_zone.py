"""Get Network Zone: a zone by ID or exact name; `found: false` and a message when none (or several) match."""
from komand_okta.okta.zones import lookup_zone
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        found = lookup_zone(self.connection.client, params["zone"])
        if found.zone is None:
            self.log.info("%s", found.message)
            return {"found": False, "message": found.message}
        return {"found": True, "zone": found.zone}
