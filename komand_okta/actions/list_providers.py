"""List Identity Providers: every IdP, or those matching a name query and/or a type, up to a limit.

Client secrets are removed from every IdP before output. The type is sent in upper case (Okta's
types are SAML2, OIDC, GOOGLE, …). A limit below 1 is refused before any request.
"""
from komand_okta.okta.idps import list_idps
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        if limit is not None and limit < 1:
            raise ClientError("limit must be at least 1 (it was %d)." % limit,
                              "Leave limit out to list every identity provider, or give a positive number.")
        query = (params.get("query") or "").strip() or None
        idp_type = (params.get("type") or "").strip().upper() or None
        providers = list_idps(self.connection.client, query, idp_type, limit)
        self.log.info("Found %d identity provider(s).", len(providers))
        return {"providers": providers, "count": len(providers)}
