"""Delete Event Hooks by URL: every hook delivering to the URL is deactivated (if ACTIVE) and deleted.

URLs compare with the scheme and host lower-cased and a trailing slash ignored; the rest must
match exactly. No match is not an error (count 0 and a message). A hook that cannot be deleted
does not stop the others: it is named in the message and left out of the output; when none of
the matching hooks could be deleted, the first Okta error is raised.
"""

from komand_okta.okta import hooks
from komand_okta.okta.http.errors import Error
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        url = params["url"].strip()
        wanted = hooks.normalize_url(url)
        client = self.connection.client
        matches = [
            hook
            for hook in hooks.list_hooks(client)
            if hooks.normalize_url(((hook.get("channel") or {}).get("config") or {}).get("uri")) == wanted
        ]
        if not matches:
            message = "No Okta event hook delivers to %s." % url
            self.log.info("%s", message)
            return {"event_hooks": [], "count": 0, "message": message}
        deleted, problems, first = [], [], None
        for hook in matches:
            try:
                gone = hooks.delete(client, hook)
            except Error as exc:
                first = first or exc
                problems.append("%s (%s): %s" % (hook.get("id"), hook.get("name"), exc.cause))
                continue
            if gone is None:
                self.log.info("Event hook %s was already deleted by someone else.", hook.get("id"))
                continue
            self.log.info("Deleted event hook %s (%s).", hook.get("id"), hook.get("name"))
            deleted.append(hooks.shown(gone))
        if first is not None and len(problems) == len(matches):
            raise first  # nothing deleted: an error envelope (e.g. a missing permission), not a quiet count 0
        output = {"event_hooks": deleted, "count": len(deleted)}
        if problems:
            output["message"] = "Could not delete %d of %d matching event hooks: %s" % (
                len(problems),
                len(matches),
                " | ".join(problems),
            )
            self.log.warning("%s", output["message"])
        return output
