"""Get Group: a group by id or exact name; `found: false` and a message when none (or several) match."""
from komand_okta.okta.groups import AmbiguousGroup, find_group, group_fields
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        try:
            group = find_group(self.connection.client, params["group"])
        except AmbiguousGroup as exc:
            self.log.info("%s", exc.cause)
            return {"found": False, "message": "%s %s" % (exc.cause, exc.assistance)}
        if group is None:
            message = "No Okta group has the ID or name %s." % params["group"].strip()
            self.log.info("%s", message)
            return {"found": False, "message": message}
        return {"found": True, "group": group_fields(group)}
