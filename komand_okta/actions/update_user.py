"""Update User: change a user's Okta profile, partially (default) or as a full replace.

- replace false: POST /users/{id} {"profile": {...}}. Okta changes only the attributes sent;
  a null value clears one.
- replace true: PUT /users/{id} {"profile": {...}, "type": {"id": <current>}}. Okta deletes every
  profile attribute left out, so login, email, firstName and lastName must be given (checked
  before any request). Credentials are not sent, so the password and recovery question stay.
  The user's current type is sent back so a replace never moves the user to another type.

A user that does not exist, or that is deactivated (Okta answers 404 for updates of a
DEPROVISIONED user), gives success false and a message. Both calls set values, so repeating
them is harmless: POST is retried like an idempotent call.
"""

from komand_okta.okta import users
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError

REQUIRED_FOR_REPLACE = ("login", "email", "firstName", "lastName")


class Action(Base):
    def run(self, params):
        profile, replace = params.get("profile"), bool(params.get("replace"))
        if not isinstance(profile, dict) or not profile:
            raise ClientError(
                "Profile (profile) is empty.", 'Give the attributes to set, such as {"department": "Security"}.'
            )
        if replace:
            missing = [
                key for key in REQUIRED_FOR_REPLACE if not isinstance(profile.get(key), str) or not profile[key].strip()
            ]
            if missing:
                raise ClientError(
                    "Profile (profile) lacks %s, which a full replace needs." % ", ".join(missing),
                    "Give every required attribute (login, email, firstName, lastName), or set "
                    "replace to false to change only the given attributes.",
                )
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log)
        user = found.item
        if user.get("status") == "DEPROVISIONED":
            return not_done(
                "User %s is deactivated (DEPROVISIONED); Okta does not update deactivated users." % user["id"], self.log
            )
        path = client.path("users", user["id"])
        if replace:
            body = {"profile": profile}
            if isinstance(user.get("type"), dict) and user["type"].get("id"):
                body["type"] = {"id": user["type"]["id"]}
            response = client.request("PUT", path, json=body, allow=(404,))
        else:
            response = client.request("POST", path, json={"profile": profile}, idempotent=True, allow=(404,))
        if response.status == 404:
            return not_done("Okta user %s no longer exists or was deactivated." % user["id"], self.log)
        self.log.info("%s the profile of user %s.", "Replaced" if replace else "Updated", user["id"])
        return {"success": True, "user": response.body}
