"""Get User Groups: the groups a user is a member of; `found: false` when there is no such user.

GET /users/{id}/groups answers every group in one response (Okta documents no paging for it);
a next link, should Okta ever send one, is still followed. An email several users share is an
error, as in every action that takes one user.
"""
from komand_okta.okta.groups import group_fields
from komand_okta.okta.users import user_or_message
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        user, message = user_or_message(client, params["user"])
        if user is None:
            self.log.info("%s", message)
            return {"found": False, "message": message}
        groups = [group_fields(group) for group in client.pages(client.path("users", user["id"], "groups"))]
        return {"found": True, "groups": groups}
