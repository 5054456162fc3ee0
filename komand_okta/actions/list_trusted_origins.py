"""List Trusted Origins: every trusted origin, or those whose name or origin starts with a query
and that match an Okta filter (on name, origin, status or scope type)."""

from komand_okta import inputs
from komand_okta.okta import trusted_origins
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        origins = trusted_origins.list_origins(
            self.connection.client, inputs.text(params, "query"), inputs.text(params, "filter"), params.get("limit")
        )
        if not origins:
            self.log.info("No Okta trusted origins match.")
        return {"trusted_origins": origins, "count": len(origins)}
