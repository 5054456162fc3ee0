"""Update Blacklist Zones: block or unblock an address in the IP network zone of that name.

Block adds the address to the zone's gateways; unblock removes it. The address may be a single
IP, a CIDR or an `a-b` range, IPv4 or IPv6; it is validated before any request. Equivalent forms
are one address (1.1.1.1 == 1.1.1.1/32 == 1.1.1.1-1.1.1.1), so:

- blocking an address the zone already covers (exactly, or inside wider entries) changes nothing
  and makes no PUT;
- unblocking removes every entry lying inside the address; unblocking an address the zone does
  not hold changes nothing and makes no PUT; when a wider or partly overlapping entry would keep
  it blocked, the action fails naming that entry rather than splitting an admin's entry.

Changes are written with a whole-object PUT of the zone as fetched (every other field kept).
Okta offers no ETag for zones, so a concurrent edit between our read and our PUT can be lost.

The zone is found by exact name among all zones. Blocking with no such zone creates an ACTIVE
IP zone with usage BLOCKLIST of that name. Unblocking with no such zone is an error: there is
no zone to return, and a misspelt name should not look like success. DYNAMIC zones hold
locations and ASNs, not addresses, and are refused.
"""

from komand_okta.okta import zones
from komand_okta.okta import zones_addresses as addresses
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        name, block = params["name"], params.get("blacklist_state", True) is not False
        try:
            address = addresses.parse_address(params["address"])
        except ValueError as exc:
            raise ClientError(
                "Invalid address: %s." % exc,
                "Give 'address' as a single IP (198.51.100.1), a CIDR (198.51.100.0/24) or a "
                "range (198.51.100.1-198.51.100.10), IPv4 or IPv6.",
            ) from None
        client = self.connection.client
        found = zones.resolve(client, name, by_id=False)
        if found.shared:
            raise ClientError(
                "%d Okta network zones are named %s, so the name does not identify one zone."
                % (len(found.shared), name),
                "Rename the duplicates in the Okta Admin Console (Security > Networks) and try again.",
            )
        zone = found.item
        if zone is None:
            if not block:
                raise ClientError(
                    "No Okta network zone is named %s." % name,
                    "Check the zone name (it must match exactly, including case) in the Okta Admin "
                    "Console under Security > Networks.",
                )
            self.log.info("No network zone is named %s; creating it as an IP blocklist zone.", name)
            return {"zone_list": zones.create_ip_zone(client, name, "BLOCKLIST", [address.gateway], None)}

        self._check_kind(zone)
        gateways = self._new_gateways(zone, address, block)
        if gateways is None:
            return {"zone_list": zone}
        cap = zones.gateway_cap(zone)
        if len(gateways) > cap:
            raise ClientError(
                "The network zone %s already holds %d addresses, the most Okta allows in a %s zone "
                "(%d)."
                % (
                    name,
                    len(zone.get("gateways") or []),
                    "system" if zone.get("system") else (zone.get("usage") or "POLICY").lower(),
                    cap,
                ),
                "Unblock addresses no longer needed, merge neighbouring addresses into a CIDR or "
                "range, or use another blocklist zone.",
            )
        return {"zone_list": zones.replace_gateways(client, zone, gateways)}

    def _check_kind(self, zone):
        if zone.get("type") != "IP":
            raise ClientError(
                "The network zone %s is a %s zone, which holds locations or ASNs, not IP addresses."
                % (zone.get("name"), zone.get("type")),
                "Name an IP network zone (Security > Networks in the Okta Admin Console).",
            )
        if zone.get("usage") != "BLOCKLIST":
            self.log.info(
                "The network zone %s has usage %s: its addresses are blocked only where a policy uses the zone.",
                zone.get("name"),
                zone.get("usage"),
            )

    def _new_gateways(self, zone, address, block):
        shown, name = address.gateway["value"], zone.get("name")
        if block:
            gateways = addresses.block(zone.get("gateways"), address)
            if gateways is None:
                self.log.info("%s is already blocked by the network zone %s; nothing to change.", shown, name)
            return gateways
        try:
            gateways = addresses.unblock(zone.get("gateways"), address)
        except addresses.StillBlocked as exc:
            raise ClientError(
                "%s stays blocked by the network zone %s through the wider or overlapping entries %s."
                % (shown, name, exc),
                "Unblock those entries exactly as they are written, or edit the zone in the Okta Admin Console.",
            ) from None
        if gateways is None:
            self.log.info("%s is not in the network zone %s; nothing to change.", shown, name)
        return gateways
