"""Delete Group: DELETE /groups/{id} for a group given by id or exact name.

The BUILT_IN group (Everyone) can never be deleted: that is refused with a message and no
request. Other types are left to Okta (it deletes APP_GROUPs too, except those used by group
push, and explains its refusal). A group that does not exist, or is gone by the time of the
DELETE, gives success false and a message.
"""
from komand_okta.okta.groups import group_label, group_or_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        group, message = group_or_message(client, params["group"])
        if group is None:
            return self._failed(message)
        if group.get("type") == "BUILT_IN":
            return self._failed("Group %s is Okta's built-in group (type BUILT_IN) and cannot be deleted."
                                % group_label(group))
        response = client.request("DELETE", client.path("groups", group["id"]), allow=(404,))
        if response.status == 404:
            return self._failed("Okta group %s no longer exists." % group_label(group))
        self.log.info("Deleted group %s.", group_label(group))
        return {"success": True}

    def _failed(self, message):
        self.log.info("%s", message)
        return {"success": False, "message": message}
