"""Delete Authenticator Enrollment: remove one authenticator a user enrolled (an ID from List
Authenticator Enrollments), such as Okta Verify on an attacker's computer; the user can enroll
it again.

A user that does not exist, or an enrollment the user does not have (never enrolled, or already
deleted), gives `success: false` and a message.
"""

from komand_okta.okta import authenticators, users
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        enrollment_id = params["enrollment_id"].strip()
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log)
        user_id = found.item["id"]
        if not authenticators.delete_enrollment(client, user_id, enrollment_id):
            return not_done(
                "User %s has no authenticator enrollment with the ID %s (already deleted, or never "
                "enrolled)." % (user_id, enrollment_id),
                self.log,
            )
        self.log.info("Deleted authenticator enrollment %s of user %s.", enrollment_id, user_id)
        return {"success": True}
