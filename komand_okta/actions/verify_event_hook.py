"""Verify Event Hook: resolve the hook, have Okta challenge its URL (POST …/lifecycle/verify), return it.

The call is always made, even for a hook already VERIFIED: it re-tests the endpoint. A failed
challenge (Okta answers 400) is success false with Okta's reason and the hook as it now stands.
"""

from komand_okta.okta import hooks
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = hooks.resolve(client, params["event_hook"])
        if not found:
            return not_found(found, self.log)
        hook = found.item
        verified, reason = hooks.verify(client, hook["id"])
        if verified is None:
            output = not_done(
                "Okta could not verify event hook %s at %s: %s"
                % (hook.get("name"), ((hook.get("channel") or {}).get("config") or {}).get("uri"), reason),
                self.log,
            )
            return dict(output, event_hook=hooks.shown(dict(hook, verificationStatus="UNVERIFIED")))
        return {"success": True, "event_hook": hooks.shown(verified)}
