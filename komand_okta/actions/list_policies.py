"""List Policies: the policies of one type (Okta requires it), optionally by status and name query.

The query is Okta's `q` on the policy name. Pages are 200 policies; a limit under a page asks
for exactly that many. The spec refuses a limit below 1.
"""

from komand_okta import inputs
from komand_okta.okta.policies import list_policies
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        policy_type = params["type"].strip()
        status = params.get("status")
        query = inputs.text(params, "query")
        limit = params.get("limit")
        policies = list_policies(self.connection.client, policy_type, status, query, limit)
        if not policies:
            self.log.info("No Okta %s policies match.", policy_type)
        return {"policies": policies, "count": len(policies)}
