"""Create Network Zone: a new ACTIVE IP zone with the given gateways (and proxies, POLICY zones only).

Every address is validated before any request, with the parser Update Blacklist Zones uses (a
single IP, a CIDR or an `a-b` range, IPv4 or IPv6); a single IP is sent as Okta stores it
(RANGE "a-a"), and an entry equal to an earlier one is sent once. Okta's caps (150 entries for
a POLICY zone, 1000 gateways for a BLOCKLIST zone) are checked before the POST, as is the
rule that a blocklist zone has no proxies. A zone of the same name already existing gives
`success: false` and a message, and nothing is created.
"""
from komand_okta.okta import zones
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError

FORMS = ("Give addresses as single IPs (198.51.100.1), CIDRs (198.51.100.0/24) or ranges "
         "(198.51.100.1-198.51.100.10), IPv4 or IPv6.")


class Action(Base):
    def run(self, params):
        name = params["name"].strip()
        usage = params.get("usage") or "POLICY"
        if usage not in ("POLICY", "BLOCKLIST"):
            raise ClientError("Usage (usage) must be POLICY or BLOCKLIST; got %r." % usage, "")
        gateways = addresses(params.get("gateways"), "gateways")
        proxies = addresses(params.get("proxies") or [], "proxies")
        if proxies and usage == "BLOCKLIST":
            raise ClientError("Proxies (proxies) are not allowed in a BLOCKLIST zone.",
                              "Leave proxies empty, or create the zone with usage POLICY.")
        check_caps(gateways, proxies, usage)

        client = self.connection.client
        if zones.zones_named(client, name):
            message = "An Okta network zone named %s already exists; nothing was created." % name
            self.log.info("%s", message)
            return {"success": False, "message": message}
        return {"success": True, "zone": zones.create_ip_zone(client, name, usage, gateways, proxies)}


def addresses(texts, field: str) -> list:
    """The distinct gateway entries of the addresses given in `field`, or ClientError naming the bad one."""
    try:
        return zones.distinct_gateways(zones.parse_addresses(texts or [], field))
    except ValueError as exc:
        raise ClientError("Invalid address in %s." % exc, FORMS) from None


def check_caps(gateways, proxies, usage, system=False):
    cap = zones.gateway_cap({"usage": usage, "system": system})
    for field, entries in (("gateways", gateways), ("proxies", proxies)):
        if entries is not None and len(entries) > cap:
            raise ClientError("%s (%s) would hold %d addresses; Okta allows at most %d in a %s zone."
                              % (field.capitalize(), field, len(entries), cap, "system" if system else usage),
                              "Merge neighbouring addresses into CIDRs or ranges, or split them across zones.")
