"""Reset Factors: remove every MFA factor a user has enrolled, so they enroll again.

The factors are listed first: a user with none enrolled gets `success: false` (as the 3.5.1
interface promised) and no reset request, and the log says why.
"""
from komand_okta.okta.factors import enrolled_factors
from komand_okta.okta.users import find_user
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client, email = self.connection.client, params["email"]
        user = find_user(client, email)
        if user is None:
            self.log.info("No Okta user matches %s.", email)
            return {"success": False}
        factors = enrolled_factors(client, user["id"])
        if not factors:
            self.log.info("User %s has no enrolled MFA factors; nothing to reset.", user["id"])
            return {"success": False}
        client.post(client.path("users", user["id"], "lifecycle", "reset_factors"))
        self.log.info("Reset %d MFA factor(s) of user %s.", len(factors), user["id"])
        return {"email": email, "user_id": user["id"], "success": True}
