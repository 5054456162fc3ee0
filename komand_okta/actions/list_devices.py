"""List Devices: the org's Identity Engine devices, all or those a search matches, up to the limit.

`search` is Okta's SCIM-style device search, sent as given (Okta's own error, explained with the
attributes and operators it takes, when Okta cannot read it). `expand` adds each device's users
(`user`: full records; `userSummary`: id, login, name and email) in `_embedded`, so "whose device
is DESKTOP-7QK2M9X" needs no second request. Pages are 200 devices, Okta's maximum.
"""

from komand_okta import inputs
from komand_okta.okta import devices
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        found = devices.list_devices(
            self.connection.client, inputs.text(params, "search"), inputs.text(params, "expand"), params.get("limit")
        )
        return {"devices": found, "count": len(found)}
