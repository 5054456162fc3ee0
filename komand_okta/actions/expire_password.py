"""Expire Password: the user must change the password at the next sign-in.

Without a temporary password this is Okta's expire_password, which has no sessions flag, so
sessions are cleared with a separate request afterwards; a user whose password is already
expired needs no expire request. With a temporary password it is
expire_password_with_temp_password, where Okta clears sessions itself (`revokeSessions`), and
the temporary password goes only to the `temp_password` output, never to the log.
"""

from komand_okta.okta import users
from komand_okta.okta.http.errors import OktaError
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log)
        user = found.item
        revoke = bool(params.get("revoke_sessions"))
        if not params.get("temp_password"):
            users.change(client, user, "expire_password", self.log)
            self.log.info("The password of user %s is expired.", user["id"])
            if revoke:
                users.revoke_sessions_after(client, user, "The password of user %s was expired" % user["id"], self.log)
            return {"success": True}
        answer = users.change(
            client, user, "expire_password_with_temp_password", self.log, params={"revokeSessions": bool(revoke)}
        )
        temp = (answer or {}).get("tempPassword")
        if not temp:
            raise OktaError(
                "Okta expired the password of user %s but returned no temporary password." % user["id"],
                "Run the action again to get a new temporary password.",
            )
        self.log.info(
            "Expired the password of user %s and set a temporary password (in the output)%s.",
            user["id"],
            "; Okta cleared the user's sessions" if revoke else "",
        )
        return {"success": True, "temp_password": temp}
