"""Create Event Hook: POST /eventHooks, then optionally verify, then optionally deactivate.

Inputs are checked before any request: name non-blank, url https (plain http only to this
machine, as for the connection), 1-300 event types (ClientError), headers an object of text
values. Event types that are not event hook eligible (the list shipped in
komand_okta/okta/data/hook_event_types.txt) give success false and a message naming each, with
close matches, as the spec says, and no request.

Okta creates the hook ACTIVE and UNVERIFIED. With verify, the challenge is sent while the hook
is still ACTIVE; a failed challenge (400) leaves a created, unverified hook: success true (the
hook exists), the hook in the output and a message with Okta's reason. With activate false the
hook is deactivated afterwards; if that fails, likewise success true with a message. The secret
goes only into Okta's body; it is never logged or returned.
"""

from komand_okta import inputs
from komand_okta.okta import hooks
from komand_okta.okta.http.errors import Error
from komand_okta.outputs import not_done
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        given = inputs.event_hook(params)
        problem = hooks.bad_event_types(given["event_types"])
        if problem:
            return not_done(problem, self.log)
        client = self.connection.client
        scheme = hooks.auth_scheme(given["auth_header"], given["secret"]) if "secret" in given else None
        body = hooks.body(
            given["name"],
            given["url"],
            given["event_types"],
            given.get("headers", []),
            scheme,
            given.get("description"),
        )
        hook = client.request("POST", client.path("eventHooks"), json=body, idempotent=False).body
        self.log.info("Created event hook %s (%s).", hook.get("id"), hook.get("name"))
        messages = []
        if params.get("verify") is True:
            verified, reason = hooks.verify(client, hook["id"])
            if verified is None:
                messages.append(
                    "The event hook was created, but Okta could not verify it: %s. Make the endpoint "
                    "answer Okta's challenge, then run Verify Event Hook." % reason
                )
            else:
                hook = verified
        if params.get("activate") is False:
            try:
                hook = hooks.lifecycle(client, hook["id"], "deactivate").body or dict(hook, status="INACTIVE")
            except Error as exc:
                messages.append("The event hook was created but could not be deactivated: %s" % exc.cause)
        output = {"success": True, "event_hook": hooks.shown(hook)}
        if messages:
            output["message"] = " ".join(messages)
            self.log.warning("%s", output["message"])
        return output
