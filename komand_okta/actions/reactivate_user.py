"""Reactivate User: a new activation for a PROVISIONED (or RECOVERY) user, e.g. after the link expired.

Every call issues a new activation, so there is no already-done case. Okta refuses other
statuses (403 E0000038); the error then names the user's status and what to run instead. With
send email false (the default), the activation URL and token go only to their outputs. No such
user is `success: false` and a message.
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
        return users.activate(client, found.item, "reactivate", params.get("send_email", False), self.log)
