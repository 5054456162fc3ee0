"""Activate User: resolve the user, run Okta's activate lifecycle call, return the outcome.

An ACTIVE user, or one Okta answers is already activated (403 E0000016, e.g. a LOCKED_OUT or
PASSWORD_EXPIRED user), is a success without an activation, said in the log. With send email
false (the default is true), the activation URL and token go only to their outputs, never to
the log. No such user is `success: false` and a message.
"""

from komand_okta.okta import users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log)
        return users.activate(client, found.item, "activate", params.get("send_email", True), self.log)
