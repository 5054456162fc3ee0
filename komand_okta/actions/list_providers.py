"""List Identity Providers: every IdP, or those matching a name query and/or a type, up to a limit.

Client secrets are removed from every IdP before output. The type is sent in upper case (Okta's
types are SAML2, OIDC, GOOGLE, …). The spec refuses a limit below 1.
"""

from komand_okta import inputs
from komand_okta.okta.idps import list_idps
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        query = inputs.text(params, "query")
        idp_type = (inputs.text(params, "type") or "").upper() or None
        providers = list_idps(self.connection.client, query, idp_type, limit)
        self.log.info("Found %d identity provider(s).", len(providers))
        return {"providers": providers, "count": len(providers)}
