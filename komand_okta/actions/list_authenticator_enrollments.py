"""List Authenticator Enrollments: every Identity Engine authenticator a user has enrolled (Okta
Verify and FastPass, phone, email, WebAuthn security keys and biometrics, security question),
including those the factors list misses, such as Okta Verify on an attacker's computer.

Phone numbers are masked unless `disclose_phone` is true. A user that does not exist gives
`found: false` and a message.
"""

from komand_okta.okta import authenticators, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        disclose = bool(params.get("disclose_phone"))
        found = users.read_for(
            client, params["user"], lambda user_id: authenticators.list_enrollments(client, user_id, disclose)
        )
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "enrollments": found.item, "count": len(found.item)}
