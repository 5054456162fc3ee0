"""Get User Groups: resolve the user, return the groups it is a member of; `found: false` when there is no such user.

GET /users/{id}/groups answers every group in one response (Okta documents no paging for it);
a next link, should Okta ever send one, is still followed. An email several users share is an
error, as in every action that takes one user.
"""

from komand_okta.okta import groups, users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = users.read_for(
            client, params["user"], lambda user_id: list(client.pages(client.path("users", user_id, "groups")))
        )
        if not found:
            return not_found(found, self.log, "found")
        return {"found": True, "groups": [groups.shown(group) for group in found.item]}
