"""Update Event Hook: GET the hook, merge the given inputs, PUT the whole object back.

Absent inputs keep their current value; inputs are checked as in Create Event Hook before any
request (ineligible event types: success false and a message, no request). When no input
changes anything, no PUT is made and the hook is returned as it is.

The secret: Okta never returns it, so the PUT carries the authScheme's type and key, plus a
value only when `secret` is given. Per the plugin spec, a hook that had a secret loses it when
updated without one (a warning is logged); giving `auth_header` without `secret` renames the
header the same way. A hook without an authScheme gets one only when `secret` is given.
"""

from komand_okta import inputs
from komand_okta.okta import hooks
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base

CHANGING = ("name", "url", "event_types", "auth_header", "secret", "headers", "description")


class Action(Base):
    def run(self, params):
        given = inputs.event_hook(params, partial=True)
        if "event_types" in given:
            problem = hooks.bad_event_types(given["event_types"])
            if problem:
                return not_done(problem, self.log)
        client = self.connection.client
        found = hooks.resolve(client, params["event_hook"])
        if not found:
            return not_found(found, self.log)
        hook = found.item
        if not any(key in given for key in CHANGING):
            self.log.info("No change was given for event hook %s; nothing to update.", hook.get("id"))
            return {"success": True, "event_hook": hooks.shown(hook)}
        body = self._merged(hook, given)
        updated = client.request("PUT", client.path("eventHooks", hook["id"]), json=body).body
        return {"success": True, "event_hook": hooks.shown(updated)}

    def _merged(self, hook, given) -> dict:
        config = (hook.get("channel") or {}).get("config") or {}
        events = hook.get("events") or {}
        current = config.get("authScheme") if isinstance(config.get("authScheme"), dict) else None
        scheme = None
        if "secret" in given:
            key = given.get("auth_header") or (current or {}).get("key") or "Authorization"
            scheme = hooks.auth_scheme(key, given["secret"])
        elif current is not None:
            scheme = hooks.auth_scheme(given.get("auth_header") or current.get("key") or "Authorization")
            scheme["type"] = current.get("type") or "HEADER"
            self.log.warning(
                "No secret was given: Okta never returns the current one, so event hook %s is "
                "saved without a secret in its %s header. Give the secret to keep one.",
                hook.get("id"),
                scheme["key"],
            )
        elif "auth_header" in given:
            self.log.info("auth_header is ignored without a secret: event hook %s has no auth header.", hook.get("id"))
        return hooks.body(
            given.get("name", hook.get("name")),
            given.get("url", config.get("uri")),
            given.get("event_types", events.get("items") or []),
            given.get("headers", config.get("headers") or []),
            scheme,
            given.get("description", hook.get("description")),
            events.get("filter"),
        )
