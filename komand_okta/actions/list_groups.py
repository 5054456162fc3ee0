"""List Groups: every group, or those whose name starts with the query.

Without a query every page is read, in Okta's largest pages (10,000 groups; a page Okta times
out on is asked for again at half the size). With one, Okta's
`q` prefix match is used; it answers at most 300 groups and cannot page, so the limit is 300.
Each group carries `name` and `description` at the top level, as in the 3.x output. No match
gives `success: false` and an empty list.
"""

from komand_okta import inputs
from komand_okta.okta.groups import list_groups, shown
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        query = inputs.text(params, "query")
        groups = [shown(group) for group in list_groups(self.connection.client, query)]
        if not groups:
            self.log.info("No Okta groups%s.", " have a name starting with %s" % query if query else " exist")
        return {"success": bool(groups), "groups": groups}
