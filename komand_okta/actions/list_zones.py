"""List Network Zones: every zone, or those matching an Okta filter (on id, usage or system).

Okta answers every zone in one page by default; a limit asks for just that many (one request
when it is below a page). The spec refuses a limit below 1.
"""

from komand_okta import inputs
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        expression = inputs.text(params, "filter")
        limit = params.get("limit")
        client = self.connection.client
        zones = list(client.pages(client.path("zones"), {"filter": expression} if expression else None, limit=limit))
        if not zones:
            self.log.info("No Okta network zones%s.", " match %s" % expression if expression else " exist")
        return {"zones": zones, "count": len(zones)}
