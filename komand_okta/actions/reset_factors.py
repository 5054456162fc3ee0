"""Reset Factors: remove every MFA factor a user has enrolled, so they enroll again.

The factors are listed first: a user with none enrolled gets `success: false` (as the 3.5.1
interface promised) and no reset request, and the log says why.
"""

from komand_okta.okta import users
from komand_okta.okta.factors import enrolled_factors
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client, email = self.connection.client, params["email"]
        found = users.resolve(client, email)
        if not found:
            return not_found(found, self.log, with_message=False)
        user = found.item
        factors = enrolled_factors(client, user["id"])
        if not factors:
            self.log.info("User %s has no enrolled MFA factors; nothing to reset.", user["id"])
            return {"success": False}
        client.post(client.path("users", user["id"], "lifecycle", "reset_factors"))
        self.log.info("Reset %d MFA factor(s) of user %s.", len(factors), user["id"])
        return {"email": email, "user_id": user["id"], "success": True}
