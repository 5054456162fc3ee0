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
from komand_okta.okta import hooks
from komand_okta.okta.http.errors import OktaError
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError

ASSIST = "Correct the input and run the action again."


def checked(params: dict, partial: bool = False) -> dict:
    """The validated inputs Okta needs; ClientError naming the field. `partial`: absent fields allowed."""
    out = {}
    if "name" in params and params["name"] is not None or not partial:
        name = (params.get("name") or "").strip()
        if not name:
            raise ClientError("Name (name) is blank.", "Give the event hook a name.")
        out["name"] = name
    try:
        if params.get("url") is not None or not partial:
            out["url"] = hooks.check_url(params.get("url"))
        if params.get("event_types") is not None or not partial:
            out["event_types"] = hooks.clean_event_types(params.get("event_types"))
        if params.get("headers") is not None:
            out["headers"] = hooks.header_list(params["headers"])
    except ValueError as exc:
        raise ClientError("Invalid input: %s." % exc, ASSIST) from None
    if params.get("auth_header") is not None or not partial:
        key = (params.get("auth_header") or "Authorization").strip()
        if not key or any(ch.isspace() or ch == ":" for ch in key):
            raise ClientError("Auth header (auth_header) must be a header name such as Authorization.", ASSIST)
        out["auth_header"] = key
    secret = params.get("secret")
    if secret is not None and secret != "":
        if not isinstance(secret, str) or not secret.strip():
            raise ClientError("Secret (secret) is blank.", "Give the shared secret, or leave secret out.")
        out["secret"] = secret
    if params.get("description") is not None:
        out["description"] = params["description"]
    return out


class Action(Base):
    def run(self, params):
        given = checked(params)
        problem = hooks.bad_event_types(given["event_types"])
        if problem:
            self.log.info("%s", problem)
            return {"success": False, "message": problem}
        client = self.connection.client
        scheme = hooks.auth_scheme(given["auth_header"], given["secret"]) if "secret" in given else None
        body = hooks.body(given["name"], given["url"], given["event_types"], given.get("headers", []), scheme,
                          given.get("description"))
        hook = client.request("POST", client.path("eventHooks"), json=body, idempotent=False).body
        self.log.info("Created event hook %s (%s).", hook.get("id"), hook.get("name"))
        messages = []
        if params.get("verify") is True:
            verified, reason = hooks.verify(client, hook["id"])
            if verified is None:
                messages.append("The event hook was created, but Okta could not verify it: %s. Make the endpoint "
                                "answer Okta's challenge, then run Verify Event Hook." % reason)
            else:
                hook = verified
        if params.get("activate") is False:
            try:
                hook = hooks.lifecycle(client, hook["id"], "deactivate").body or dict(hook, status="INACTIVE")
            except OktaError as exc:
                messages.append("The event hook was created but could not be deactivated: %s" % exc.cause)
        output = {"success": True, "event_hook": hooks.hook_fields(hook)}
        if messages:
            output["message"] = " ".join(messages)
            self.log.warning("%s", output["message"])
        return output
