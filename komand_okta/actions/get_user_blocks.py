"""Get User Blocks: why a user cannot sign in, as Okta's device-based blocks on the account: on
every device when it is locked out, or only on devices Okta has not seen (its defence against
password spraying, which leaves the user their own devices).

A user ID goes straight to the blocks (its 404 is the miss); a login or email is looked up
first. No such user gives found false and a message.
"""

from komand_okta.okta import user_blocks, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.read_for(client, params["user"], lambda user_id: (user_id, user_blocks.of(client, user_id)))
        if not found:
            return not_found(found, self.log, "found")
        user_id, blocks = found.item
        return {"found": True, "user_id": user_id, "blocked": bool(blocks), "blocks": blocks}
