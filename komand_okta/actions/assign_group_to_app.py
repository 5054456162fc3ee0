"""Assign Group to Application: give every member of a group the application (scope GROUP), or
update the priority or app profile of a group already assigned.

IDs go straight to Okta (1 request); a label or group name is resolved first. A missing app or
group gives success false with Okta's words naming which.
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
        assignment, missing = apps.assign_group(
            client, app.item["id"], group.item["id"], params.get("priority"), params.get("profile")
        )
        if missing:
            return not_done("%s; nothing was assigned." % missing, self.log)
        self.log.info("Group %s now reaches application %s.", group.item["id"], apps.label(app.item))
        return {"success": True, "assignment": apps.shown_assignment(assignment)}
