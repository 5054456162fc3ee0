"""Reset Password: Okta's reset_password lifecycle call; the user's status becomes RECOVERY.

With send email false, Okta returns the one-time reset link instead of emailing it; the link
goes only to the `reset_password_url` output, never to the log. Okta clears the sessions itself
when `revokeSessions` is true.
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
        send_email = params.get("send_email", True)
        answer = users.change(
            client,
            user,
            "reset_password",
            self.log,
            params={"sendEmail": bool(send_email), "revokeSessions": bool(params.get("revoke_sessions"))},
        )
        output = {"success": True}
        if not send_email:
            url = (answer or {}).get("resetPasswordUrl")
            if not url:
                raise OktaError(
                    "Okta started the password reset of user %s but returned no reset link." % user["id"],
                    "Run the action again, or with send email true so Okta emails the link.",
                )
            output["reset_password_url"] = url
        self.log.info(
            "Started a password reset for user %s%s.",
            user["id"],
            "; Okta emails the link" if send_email else "; the link is in the output",
        )
        return output
