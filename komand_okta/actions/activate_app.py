"""Activate Application: put an application (ID or exact label) back in service, for example one
deactivated by mistake during an incident.

An ID goes straight to Okta (1 request; its 404 gives success false); a label is resolved first
and an app already ACTIVE is left alone (no request).
"""

from komand_okta.okta import apps
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = apps.named(client, params["app"])
        if not found:
            return not_found(found, self.log)
        if not apps.set_status(client, found.item, "ACTIVE", self.log):
            return not_done(apps.missing_message(found.item["id"]), self.log)
        return {"success": True, "app_id": found.item["id"]}
