"""Get Okta User Factors: every MFA factor a user has enrolled.

The input is called user_id, but analysts paste logins and emails too, so it is resolved like
every other user input (an id costs the same single GET). A user that does not exist is the
not-found output every user lookup answers (`found: false` and a message naming the input), never
an empty factor list: that would read as "this user has no MFA" and hide a typo, exactly the
wrong conclusion for a security playbook. A found user's output is unchanged from 3.x.
"""
from komand_okta.okta import users
from komand_okta.okta.factors import enrolled_factors
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["user_id"])
        if not found:
            return not_found(found, self.log, "found")
        factors = enrolled_factors(client, found.item["id"])
        self.log.info("User %s has %d enrolled factor(s).", found.item["id"], len(factors))
        return {"factors": factors}
