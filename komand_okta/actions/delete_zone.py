"""Delete Network Zone: by ID or exact name; an ACTIVE zone is deactivated first, as Okta requires.

System zones are refused without a request. A zone Okta will not delete (one a policy rule
uses) gives `success: false` with Okta's reason, and is activated again if we deactivated it.
"""
from komand_okta.okta.zone_lifecycle import delete
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        return delete(self.connection.client, self.log, params["zone"])
