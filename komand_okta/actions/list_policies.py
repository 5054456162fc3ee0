"""List Policies: the policies of one type (Okta requires it), optionally by status and name query.

The query is Okta's `q` on the policy name. Pages are 200 policies; a limit under a page asks
for exactly that many. A limit below 1 is refused before any request.
"""
from komand_okta.okta.directory import list_policies
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        policy_type = params["type"].strip()
        status = params.get("status") or None
        query = (params.get("query") or "").strip() or None
        limit = params.get("limit")
        if limit is not None and limit < 1:
            raise ClientError("Limit (limit) must be 1 or more; got %d." % limit,
                              "Leave the limit empty to list every policy.")
        policies = list_policies(self.connection.client, policy_type, status, query, limit)
        if not policies:
            self.log.info("No Okta %s policies match.", policy_type)
        return {"policies": policies, "count": len(policies)}
