"""Create Group: a new OKTA_GROUP; `success: false` and a message when the name is taken.

The name is checked first with an exact-name search (Okta compares it case-insensitively, so
"staff" is taken when "Staff" exists). Okta's search index lags a little behind, so a group
created moments ago can slip past the check; Okta then refuses the POST (400 E0000001, "already
exists"), which is reported the same way. The POST is not retried on an ambiguous failure, so a
group is never created twice.
"""

from komand_okta.okta import groups
from komand_okta.okta.http.errors import OktaError
from komand_okta.outputs import not_done
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        name = params["name"].strip()
        description = params.get("description")
        client = self.connection.client
        existing = groups.named(client, name)
        if existing:
            found = existing[0]
            return not_done(
                "An Okta group named %s already exists (ID %s)."
                % ((found.get("profile") or {}).get("name") or name, found.get("id")),
                self.log,
            )
        profile = {"name": name}
        if description:
            profile["description"] = description
        try:
            group = client.post(client.path("groups"), json={"profile": profile})
        except OktaError as exc:
            if exc.status == 400 and "already exists" in exc.cause:
                message = "An Okta group named %s already exists." % name
                self.log.info("%s (%s)", message, exc.cause)
                return {"success": False, "message": message}
            raise
        return {"success": True, "group": groups.shown(group)}
