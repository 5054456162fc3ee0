"""Unassign Group from Application: stop a group from reaching an application; its members lose
the app unless they also hold it directly or through another group.

IDs go straight to Okta (1 request); a label or group name is resolved first. Okta answers the
same whether or not the group was assigned, so a second run succeeds too. A missing app or group
gives success false with Okta's words naming which.
"""

from komand_okta.okta import apps
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        app, group = apps.assignment_parties(client, params["app"], params["group"])
        for found in (app, group):
            if not found:
                return not_found(found, self.log)
        missing = apps.unassign_group(client, app.item["id"], group.item["id"])
        if missing:
            return not_done("%s; nothing was unassigned." % missing, self.log)
        self.log.info("Group %s no longer reaches application %s.", group.item["id"], apps.label(app.item))
        return {"success": True}
