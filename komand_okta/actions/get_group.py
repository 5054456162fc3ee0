"""Get Group: a group by id or exact name; `found: false` and a message when none (or several) match."""
from komand_okta.okta.groups import group_fields, group_or_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        group, message = group_or_message(self.connection.client, params["group"])
        if group is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        return {"found": True, "group": group_fields(group)}
