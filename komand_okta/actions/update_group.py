"""Update Group: rename an OKTA_GROUP or change its description.

Okta's update is a full replace (PUT /groups/{id} with the whole profile), so the current
profile (including any custom attributes) is kept and only the given fields are changed. A name
or description left empty keeps its current value; with neither given there is nothing to do,
and the input is refused before any request. APP_GROUP and BUILT_IN groups cannot be changed:
that is said plainly (success false) without sending the PUT. A group that is gone by the time
of the PUT is reported like any group that is not found.
"""
from komand_okta.okta.groups import EDITABLE_TYPE, group_fields, group_label, group_or_message
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        changes = {key: params[key].strip() for key in ("name", "description")
                   if isinstance(params.get(key), str) and params[key].strip()}
        if not changes:
            raise ClientError("Neither a new name (name) nor a new description (description) was given.",
                              "Give the group's new name, its new description, or both.")
        client = self.connection.client
        group, message = group_or_message(client, params["group"])
        if group is None:
            return self._failed(message)
        if group.get("type") != EDITABLE_TYPE:
            return self._failed("Group %s is of type %s; Okta lets only groups of type OKTA_GROUP be renamed or "
                                "have their description changed." % (group_label(group), group.get("type")))
        profile = dict(group.get("profile") or {}, **changes)
        response = client.request("PUT", client.path("groups", group["id"]), json={"profile": profile},
                                  allow=(404,))
        if response.status == 404:
            return self._failed("Okta group %s no longer exists." % group_label(group))
        self.log.info("Updated group %s: %s.", group["id"], ", ".join(sorted(changes)))
        return {"success": True, "group": group_fields(response.body)}

    def _failed(self, message):
        self.log.info("%s", message)
        return {"success": False, "message": message}
