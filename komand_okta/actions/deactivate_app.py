"""Deactivate Application: take a rogue or compromised application (ID or exact label) out of
service. Nobody can sign in to it, it leaves every user's dashboard, and Okta removes the
assignments its groups gave; the app and its settings stay, so Activate Application undoes it.

An ID goes straight to Okta (1 request; its 404 gives success false); a label is resolved first
and an app already INACTIVE is left alone (no request).
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
        if not apps.set_status(client, found.item, "INACTIVE", self.log):
            return not_done(apps.missing_message(found.item["id"]), self.log)
        return {"success": True, "app_id": found.item["id"]}
