"""Create Network Zone: a new ACTIVE IP zone with the given gateways (and proxies, POLICY zones only).

Every address is validated before any request, with the parser Update Blacklist Zones uses (a
single IP, a CIDR or an `a-b` range, IPv4 or IPv6); a single IP is sent as Okta stores it
(RANGE "a-a"), and an entry equal to an earlier one is sent once. Okta's caps (150 entries for
a POLICY zone, 1000 gateways for a BLOCKLIST zone) are checked before the POST, as is the
rule that a blocklist zone has no proxies. A zone of the same name already existing gives
`success: false` and a message, and nothing is created.
"""

from komand_okta import inputs
from komand_okta.okta import zones
from komand_okta.okta import zones_addresses as addresses
from komand_okta.outputs import not_done
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        name = params["name"].strip()
        usage = params["usage"]
        gateways = addresses.distinct_gateways(inputs.address_list(params, "gateways"))
        proxies = addresses.distinct_gateways(inputs.address_list(params, "proxies") or [])
        if proxies and usage == "BLOCKLIST":
            raise ClientError(
                "Proxies (proxies) are not allowed in a BLOCKLIST zone.",
                "Leave proxies empty, or create the zone with usage POLICY.",
            )
        inputs.check_caps(gateways, proxies, usage)

        client = self.connection.client
        if zones.named(client, name):
            return not_done("An Okta network zone named %s already exists; nothing was created." % name, self.log)
        return {"success": True, "zone": zones.create_ip_zone(client, name, usage, gateways, proxies)}
