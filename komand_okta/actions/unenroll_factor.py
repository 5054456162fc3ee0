"""Unenroll Factor: DELETE /users/{id}/factors/{factorId}?removeRecoveryEnrollment=true|false.

DELETE is idempotent, so it is retried safely. A user that does not exist, or a factor the user
does not have (never enrolled, or already unenrolled), gives success false and a message.
"""

from komand_okta.okta import users
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        factor_id = params["factor_id"].strip()
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log)
        user = found.item
        response = client.request(
            "DELETE",
            client.path("users", user["id"], "factors", factor_id),
            params={"removeRecoveryEnrollment": bool(params.get("remove_recovery_enrollment"))},
            allow=(404,),
        )
        if response.status == 404:
            return not_done(
                "User %s has no enrolled factor with the ID %s (already unenrolled, or never enrolled)."
                % (user["id"], factor_id),
                self.log,
            )
        self.log.info("Unenrolled factor %s of user %s.", factor_id, user["id"])
        return {"success": True}
