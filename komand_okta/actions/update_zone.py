"""Update Network Zone: rename a zone, or change the gateways or proxies of an IP zone.

Every input is checked before any request: addresses with the parser Update Blacklist Zones
uses, and at least one of name, gateways and proxies must be given. The zone (ID or exact name)
is read, changed, and written back with a whole-object PUT of the zone as fetched, so every
other field is kept. Okta offers no ETag for zones: an edit made between our read and our PUT
can be lost.

- APPEND adds each address the zone does not already cover (1.1.1.1 is skipped when 1.1.1.0/24
  is there), so running the same update twice changes nothing the second time.
- OVERRIDE replaces the list with the given addresses (an empty list clears it). An override
  holding the same addresses as the zone, however written, is no change.
- An absent list is kept as it is. When nothing would change, no PUT is sent.

DYNAMIC zones hold locations and ASNs: only their name can be changed here. Blocklist zones
cannot hold proxies, system zones cannot be renamed, and Okta's caps are enforced before the
PUT. Renaming to the name of another zone gives `success: false` and a message.
"""

from komand_okta import inputs
from komand_okta.okta import zones
from komand_okta.okta import zones_addresses as addresses
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        name = params.get("name")
        if name is not None and not name.strip():
            raise ClientError("Name (name) is blank.", "Give the new name, or leave name out to keep it.")
        name = name.strip() if name is not None else None
        mode = params["mode"]
        gateways, proxies = inputs.address_list(params, "gateways"), inputs.address_list(params, "proxies")
        if name is None and gateways is None and proxies is None:
            raise ClientError(
                "Nothing to change: give a new name, gateways or proxies.",
                "Leave out only the fields to keep as they are.",
            )

        client = self.connection.client
        found = zones.resolve(client, params["zone"])
        if not found:
            return not_found(found, self.log)
        zone = found.item
        label = zones.label(zone)
        if zone.get("type") != "IP" and (gateways is not None or proxies is not None):
            raise ClientError(
                "The network zone %s is a %s zone, which holds locations or ASNs, not gateways or "
                "proxies; only its name can be changed here." % (label, zone.get("type")),
                "Leave gateways and proxies out, or edit the zone in the Okta Admin Console.",
            )

        new_name = name if name is not None and name != zone.get("name") else None
        new_gateways = self._merge(zone.get("gateways"), gateways, mode)
        new_proxies = self._merge(zone.get("proxies"), proxies, mode)
        if new_gateways is not None and addresses.same_addresses(new_gateways, zone.get("gateways")):
            new_gateways = None
        if new_proxies is not None and addresses.same_addresses(new_proxies, zone.get("proxies")):
            new_proxies = None
        if new_name is None and new_gateways is None and new_proxies is None:
            self.log.info("The network zone %s already has what was asked; nothing to change.", label)
            return {"success": True, "zone": zone}

        if new_name is not None and zone.get("system"):
            raise ClientError(
                "The network zone %s is a system zone, whose name Okta does not let change." % label, "Leave name out."
            )
        if new_proxies and zone.get("usage") == "BLOCKLIST":
            raise ClientError(
                "Proxies (proxies) are not allowed in the BLOCKLIST zone %s." % label, "Leave proxies out."
            )
        inputs.check_caps(new_gateways, new_proxies, zone.get("usage") or "POLICY", bool(zone.get("system")))
        if new_name is not None and [z for z in zones.named(client, new_name) if z.get("id") != zone.get("id")]:
            return not_done(
                "Another Okta network zone is already named %s; %s was not changed." % (new_name, label), self.log
            )

        body = zones.changed_body(
            zone, name=new_name, gateways=new_gateways, proxies=new_proxies or None, clear_proxies=new_proxies == []
        )
        return {"success": True, "zone": zones.put_zone(client, zone, body)}

    @staticmethod
    def _merge(current, given, mode):
        """The new list for one field, or None when the field was not given."""
        if given is None:
            return None
        if mode == "OVERRIDE":
            return addresses.distinct_gateways(given)
        return addresses.append_addresses(current, given)
