"""Create Group Rule: resolve the groups (ID or exact name) and the users to exclude (ID, login or
email), create the rule, and activate it when asked.

Okta creates rules INACTIVE; `activate` makes it assign users at once. A group or user that
cannot be found is `success: false` with a message, and no rule is created.
"""

from komand_okta.okta import group_rules, groups, users
from komand_okta.outputs import not_done
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        name = group_rules.check_name(params["name"])
        expression = params["expression"].strip()
        if not params["groups"]:
            raise ClientError("Groups (groups) is empty.", "Give at least one group the rule assigns users to.")
        client = self.connection.client
        names = {}
        for ref in params["groups"]:
            found = groups.resolve(client, ref)
            if not found:
                return not_done(found.message + " The group rule was not created.", self.log)
            names[found.item["id"]] = groups.name_of(found.item)
        excluded = []
        for ref in params.get("exclude_users") or []:
            found = users.resolve(client, ref, "the group rule was not created")
            if not found:
                return not_done(found.message, self.log)
            excluded.append(found.item["id"])
        rule = group_rules.create(client, name, expression, list(names), excluded)
        self.log.info("Created the group rule %s (INACTIVE).", group_rules.label(rule))
        if params.get("activate"):
            rule = group_rules.set_status(client, rule, "ACTIVE", self.log)
        return {"success": True, "rule": group_rules.shown(rule, names)}
