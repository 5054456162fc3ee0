"""Delete Group: resolve the group (id or exact name), DELETE /groups/{id}.

The BUILT_IN group (Everyone) can never be deleted: that is refused with a message and no
request. Other types are left to Okta (it deletes APP_GROUPs too, except those used by group
push, and explains its refusal). A group that does not exist, or is gone by the time of the
DELETE, gives success false and a message.
"""

from komand_okta.okta import groups
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = groups.resolve(client, params["group"])
        if not found:
            return not_found(found, self.log)
        group = found.item
        if group.get("type") == "BUILT_IN":
            return not_done(
                "Group %s is Okta's built-in group (type BUILT_IN) and cannot be deleted." % groups.label(group),
                self.log,
            )
        response = client.request("DELETE", client.path("groups", group["id"]), allow=(404,))
        if response.status == 404:
            return not_done("Okta group %s no longer exists." % groups.label(group), self.log)
        self.log.info("Deleted group %s.", groups.label(group))
        return {"success": True}
