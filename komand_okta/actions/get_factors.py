"""Get Okta User Factors: every MFA factor a user has enrolled.

The input is called user_id, but analysts paste logins and emails too, so it is resolved like
every other user input (an id costs the same single GET). A user that does not exist is the
not-found output every user lookup answers (`found: false` and a message naming the input), never
an empty factor list: that would read as "this user has no MFA" and hide a typo, exactly the
wrong conclusion for a security playbook. A found user's output is unchanged from 3.x.
"""
from komand_okta.okta.factors import enrolled_factors
from komand_okta.okta.users import user_or_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user, message = user_or_message(client, params["user_id"])
        if user is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        factors = enrolled_factors(client, user["id"])
        self.log.info("User %s has %d enrolled factor(s).", user["id"], len(factors))
        return {"factors": factors}
