"""Get Okta User Factors: every MFA factor a user has enrolled.

The input is called user_id, but analysts paste logins and emails too, so it is resolved like
every other user input; an Okta id costs one request, the factor list itself (its 404 is the miss). A user that does not exist is the
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
        found = users.read_for(client, params["user_id"], lambda user_id: (user_id, enrolled_factors(client, user_id)))
        if not found:
            return not_found(found, self.log, "found")
        user_id, factors = found.item
        self.log.info("User %s has %d enrolled factor(s).", user_id, len(factors))
        return {"factors": factors}
