"""Get Okta User Factors: every MFA factor a user has enrolled.

The input is called user_id, but analysts paste logins and emails too, so it is resolved like
every other user input (an id costs the same single GET). A user that does not exist is an
error naming the input: an empty factor list would look like "this user has no MFA" and hide
a typo, which is exactly the wrong conclusion for a security playbook.
"""
from komand_okta.okta.errors import OktaError
from komand_okta.okta.factors import enrolled_factors
from komand_okta.okta.users import find_user
from komand_okta.runtime.components import Action as Base


def resolve_user(client, identifier: str) -> dict:
    """The user for an id, login or email; an error naming the input when there is none."""
    user = find_user(client, identifier)
    if user is None:
        raise OktaError("No Okta user matches %s." % identifier.strip(),
                        "Check the user ID, login or email, and that the connection points at the right Okta org.",
                        status=404)
    return user


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user = resolve_user(client, params["user_id"])
        factors = enrolled_factors(client, user["id"])
        self.log.info("User %s has %d enrolled factor(s).", user["id"], len(factors))
        return {"factors": factors}
