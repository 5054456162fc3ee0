"""Activate User: Okta's activate lifecycle call.

An ACTIVE user, or one Okta answers is already activated (403 E0000016, e.g. a LOCKED_OUT or
PASSWORD_EXPIRED user), is a success without an activation, said in the log. With send email
false, the activation URL and token go only to their outputs, never to the log.
"""
from komand_okta.okta.activation import activate
from komand_okta.okta.lifecycle import user_or_not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    operation = "activate"
    default_send_email = True

    def run(self, params):
        client = self.connection.client
        user, missing = user_or_not_found(client, params["user"], self.log)
        if missing:
            return missing
        send_email = params.get("send_email", self.default_send_email)
        return activate(client, user, self.operation, send_email, self.log)
