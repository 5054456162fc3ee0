"""Get User: resolve the user (email, login or id) and return its full record; `found: false` when there is none."""

from komand_okta.okta import users
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        found = users.resolve(self.connection.client, params["email"])
        if not found:
            return not_found(found, self.log, "found", with_message=False)
        return dict(found.item, found=True)
