"""Unenroll Factor: DELETE /users/{id}/factors/{factorId}?removeRecoveryEnrollment=true|false.

DELETE is idempotent, so it is retried safely. A user that does not exist, or a factor the user
does not have (never enrolled, or already unenrolled), gives success false and a message.
"""
from komand_okta.okta.lifecycle import user_or_not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        factor_id = params["factor_id"].strip()
        client = self.connection.client
        user, missing = user_or_not_found(client, params["user"], self.log)
        if missing:
            return missing
        response = client.request("DELETE", client.path("users", user["id"], "factors", factor_id),
                                  params={"removeRecoveryEnrollment": bool(params.get("remove_recovery_enrollment"))},
                                  allow=(404,))
        if response.status == 404:
            message = "User %s has no enrolled factor with the ID %s (already unenrolled, or never enrolled)." % (
                user["id"], factor_id)
            self.log.info("%s", message)
            return {"success": False, "message": message}
        self.log.info("Unenrolled factor %s of user %s.", factor_id, user["id"])
        return {"success": True}
