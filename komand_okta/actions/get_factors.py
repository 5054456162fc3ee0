"""Get Okta User Factors: every MFA factor a user has enrolled.

The input is called user_id, but analysts paste logins and emails too, so it is resolved like
every other user input (an id costs the same single GET). A user that does not exist is an
error naming the input: an empty factor list would look like "this user has no MFA" and hide
a typo, which is exactly the wrong conclusion for a security playbook.
"""
from komand_okta.okta.factors import enrolled_factors
from komand_okta.okta.users import require_user
from komand_okta.runtime.components import Action as Base



class Action(Base):
    def run(self, params):
        client = self.connection.client
        user = require_user(client, params["user_id"])
        factors = enrolled_factors(client, user["id"])
        self.log.info("User %s has %d enrolled factor(s).", user["id"], len(factors))
        return {"factors": factors}
