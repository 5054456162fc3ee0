"""Delete Trusted Origin: resolve the origin (ID, exact name or origin URL) and delete it (Okta
deletes an origin in any status). No origin (or a name several share) is `success: false` and a
message."""

from komand_okta.okta import trusted_origins
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        client = self.connection.client
        found = trusted_origins.resolve(client, params["trusted_origin"])
        if not found:
            return not_found(found, self.log)
        trusted_origins.delete(client, found.item, self.log)
        return {"success": True, "trusted_origin": found.item}
