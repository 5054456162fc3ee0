"""List Realms: every realm, or those whose name contains the query (Okta's `co` search on profile.name).

Pages are 200 realms; a limit under a page asks for exactly that many. The spec refuses a
limit below 1.
"""

from komand_okta import inputs
from komand_okta.okta.realms import list_realms
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        query = inputs.text(params, "query")
        limit = params.get("limit")
        realms = list_realms(self.connection.client, query, limit)
        if not realms:
            self.log.info("No Okta realms%s.", " have a name containing %s" % query if query else " exist")
        return {"realms": realms, "count": len(realms)}
