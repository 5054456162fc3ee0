"""Activate Network Zone: by ID or exact name; an ACTIVE zone is left alone (no request) and counts as success."""
from komand_okta.okta.zone_lifecycle import set_status
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        return set_status(self.connection.client, self.log, params["zone"], activate=True)
