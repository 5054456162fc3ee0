"""Set Password: an admin sets a user's password without the current one.

With `append_random_characters`, that many characters from `secrets` are appended, so a batch
run gives each user a different password; only then is the password returned, since the caller
already knows a password it gave. The password (given or built) is never logged and never part
of an error: see `komand_okta.okta.users_passwords`. Sessions are cleared after the password is set,
with a separate request, because Okta's password update has no such flag.
"""

from komand_okta.okta import users
from komand_okta.okta.users_passwords import random_characters, set_password
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        count = params["append_random_characters"]  # 0 to 64, as the spec bounds it
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log)
        user = found.item
        suffix = random_characters(count)
        password = params["new_password"] + suffix
        set_password(client, user, password, also_hide=(suffix, params["new_password"]))
        self.log.info(
            "Set a new password for user %s%s.",
            user["id"],
            " with %d random characters appended" % count if count else "",
        )
        if params.get("revoke_sessions"):
            users.revoke_sessions_after(
                client,
                user,
                "The password of user %s was set" % user["id"]
                + (
                    " (the generated password cannot be shown; run this action again to set another one)"
                    if count
                    else ""
                ),
                self.log,
            )
        output = {"success": True, "user_id": user["id"]}
        if count:
            output["new_password"] = password
        return output
