"""Get Linked Objects: the users linked to a user by a relationship, such as their manager, so a
playbook can notify them. Okta answers links; the linked users are read and returned whole.

The relationship name is checked before any request. A user ID goes straight to the links (a
login or email is looked up first); Okta's 404 there means no such user or no such relationship,
and only then is the user read to say which. Either gives found false and a message.
"""

from komand_okta import inputs
from komand_okta.okta import linked_objects, users
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        relationship = inputs.text(params, "relationship_name")
        if not relationship or not linked_objects.NAME.match(relationship):
            raise ClientError(
                "Relationship Name (relationship_name) must be the API name of a linked object "
                "relationship: letters, digits and _, not starting with a digit.",
                "Give a relationship name such as manager or subordinate; an Okta admin finds them "
                "under Directory, Profile Editor, User (default), Linked Objects.",
            )
        client = self.connection.client
        found = users.read_for(
            client, params["user"], lambda user_id: (user_id, linked_objects.linked_ids(client, user_id, relationship))
        )
        if not found:
            return not_found(found, self.log, "found")
        user_id, ids = found.item
        if ids is None:
            user = users.resolve(client, user_id)
            return not_done(
                user.message if not user else "The Okta org has no linked object relationship named %s." % relationship,
                self.log,
                "found",
            )
        linked = linked_objects.users_by_id(client, ids)
        return {
            "found": True,
            "user_id": user_id,
            "relationship_name": relationship,
            "users": linked,
            "count": len(linked),
        }
