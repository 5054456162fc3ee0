"""Update Group: rename an OKTA_GROUP or change its description.

Okta's update is a full replace (PUT /groups/{id} with the whole profile), so the current
profile (including any custom attributes) is kept and only the given fields are changed. A name
or description left empty keeps its current value; with neither given there is nothing to do,
and the input is refused before any request. APP_GROUP and BUILT_IN groups cannot be changed:
that is said plainly (success false) without sending the PUT. A group that is gone by the time
of the PUT is reported like any group that is not found.
"""

from komand_okta.okta import groups
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        changes = {
            key: params[key].strip()
            for key in ("name", "description")
            if isinstance(params.get(key), str) and params[key].strip()
        }
        if not changes:
            raise ClientError(
                "Neither a new name (name) nor a new description (description) was given.",
                "Give the group's new name, its new description, or both.",
            )
        client = self.connection.client
        found = groups.resolve(client, params["group"])
        if not found:
            return not_found(found, self.log)
        group = found.item
        if group.get("type") != groups.EDITABLE_TYPE:
            return not_done(
                "Group %s is of type %s; Okta lets only groups of type OKTA_GROUP be renamed or have "
                "their description changed." % (groups.label(group), group.get("type")),
                self.log,
            )
        profile = dict(group.get("profile") or {}, **changes)
        response = client.request("PUT", client.path("groups", group["id"]), json={"profile": profile}, allow=(404,))
        if response.status == 404:
            return not_done("Okta group %s no longer exists." % groups.label(group), self.log)
        self.log.info("Updated group %s: %s.", group["id"], ", ".join(sorted(changes)))
        return {"success": True, "group": groups.shown(response.body)}
