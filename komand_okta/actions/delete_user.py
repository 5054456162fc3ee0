"""Delete User: Okta's two-step delete.

`DELETE /users/{id}` deprovisions a user who is not yet DEPROVISIONED; only a DELETE of a
DEPROVISIONED user removes it for good. Each step is a success, and the log says which one
happened. The DELETE is sent as non-idempotent: a blind retry after a dropped connection could
turn an intended deprovisioning into a permanent deletion.
"""

from komand_okta.okta import users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client, email = self.connection.client, params["user_email"]
        found = users.resolve(client, email)
        if not found:
            return not_found(found, self.log, with_message=False)
        user = found.item
        permanent = user.get("status") == "DEPROVISIONED"
        response = client.request(
            "DELETE",
            client.path("users", user["id"]),
            idempotent=False,
            allow=(404,),
            params={"sendEmail": bool(params.get("send_admin_email"))},
        )
        if response.status == 404:
            self.log.info("User %s disappeared before it could be deleted.", user["id"])
            return {"success": False}
        if permanent:
            self.log.info("User %s was deprovisioned and is now permanently deleted.", user["id"])
        else:
            self.log.info(
                "User %s was %s and is now deprovisioned; run the action again to delete it permanently.",
                user["id"],
                user.get("status"),
            )
        return {"success": True}
