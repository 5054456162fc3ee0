"""Verify Event Hook: Okta challenges the hook's URL (POST …/lifecycle/verify).

The call is always made, even for a hook already VERIFIED: it re-tests the endpoint. A failed
challenge (Okta answers 400) is success false with Okta's reason and the hook as it now stands.
"""
from komand_okta.okta.hooks import hook_fields, locate, verify
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        hook, message = locate(client, params["event_hook"], self.log)
        if hook is None:
            return {"success": False, "message": message}
        verified, reason = verify(client, hook["id"])
        if verified is None:
            message = "Okta could not verify event hook %s at %s: %s" % (
                hook.get("name"), ((hook.get("channel") or {}).get("config") or {}).get("uri"), reason)
            self.log.info("%s", message)
            return {"success": False, "event_hook": hook_fields(dict(hook, verificationStatus="UNVERIFIED")),
                    "message": message}
        return {"success": True, "event_hook": hook_fields(verified)}
