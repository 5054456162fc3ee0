"""Restrict API Token: pin an API token, given by ID or exact name, to network zones.

The token then works only from the included zones (none given: from anywhere) and never from
the excluded ones, so a leaked token is useless outside the corporate network without breaking
the integration that owns it. Zones are given by ID, exact name, or ALL_IP_ZONES; a name no
zone (or several zones) has is `success: false` and a message, and nothing is changed.
Running it again with the same zones changes nothing.
"""

from komand_okta.okta import api_tokens
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        include, exclude = params.get("include_zones") or [], params.get("exclude_zones") or []
        if not any(str(zone).strip() for zone in include + exclude):
            raise ClientError(
                "Neither include_zones nor exclude_zones names a network zone.",
                "Give the zones the token may be used from (include_zones), or may not "
                "(exclude_zones), by ID or exact name.",
            )
        client = self.connection.client
        found = api_tokens.resolve(client, params["token"])
        if not found:
            return not_found(found, self.log)
        (included, excluded), problems = api_tokens.zone_ids(client, include, exclude)
        if problems:
            return not_done("The API token was not changed: %s." % "; ".join(problems), self.log)
        token = api_tokens.restrict(client, found.item["id"], included, excluded, token=found.item)
        self.log.info(
            "API token %s now works only from zones %s%s.",
            token.get("id"),
            included or "anywhere",
            " except %s" % excluded if excluded else "",
        )
        return {"success": True, "token": token}
