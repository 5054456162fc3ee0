"""List Application Groups: which groups reach an application (ID or exact label), in priority
order, each with its group's name, to find a group that grants a rogue or sensitive app.

An app ID goes straight to the list (its 404 is the miss); a label is looked up first. One
request per 200 assignments, and the group of each comes embedded (`expand=group`), so naming the
groups costs nothing more. No app, or a label several apps share, gives found false and a message.
"""

from komand_okta import inputs
from komand_okta.okta import apps, direct
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        query, limit = inputs.text(params, "query"), params.get("limit")

        def assignments(app_id):
            return app_id, [apps.shown_assignment(row) for row in apps.group_assignments(client, app_id, query, limit)]

        found = direct.read_for(
            client, params["app"], apps.APP_ID, apps.resolve, assignments, "No Okta application has the ID or label %s."
        )
        if not found:
            return not_found(found, self.log, "found")
        app_id, groups = found.item
        return {"found": True, "app_id": app_id, "groups": groups, "count": len(groups)}
