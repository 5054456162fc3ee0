"""Set ThreatInsight: change its action and edit its excluded zones, keeping whatever was not asked.

Okta replaces the whole configuration on update, so the current one is read first and every
field not asked to change goes back as it was. Zones are named by ID or exact name; one that
names no single zone is `success: false` with a message, and nothing is changed. A configuration
that already is what was asked succeeds without an update.
"""

from komand_okta.okta import threat_insight
from komand_okta.outputs import not_done
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        action = params.get("action")
        add = [ref.strip() for ref in params.get("add_excluded_zones") or []]
        remove = [ref.strip() for ref in params.get("remove_excluded_zones") or []]
        if not (action or add or remove):
            raise ClientError(
                "Nothing to change: no Action (action), Add Excluded Zones (add_excluded_zones) or "
                "Remove Excluded Zones (remove_excluded_zones) was given.",
                "Give the ThreatInsight action (none, audit or block), zones to exclude, or both.",
            )
        if not all(add + remove):
            raise ClientError(
                "A zone in Add Excluded Zones (add_excluded_zones) or Remove Excluded Zones "
                "(remove_excluded_zones) is blank.",
                "Give each zone's ID or exact name.",
            )
        threat_insight.check_disjoint(add, remove)
        client = self.connection.client
        if add or remove:
            ids, problem = threat_insight.zone_ids(client, add + remove)
            if problem:
                return not_done(problem, self.log)
            add, remove = ids[: len(add)], ids[len(add) :]
            threat_insight.check_disjoint(add, remove)  # one zone named once by name, once by ID
        config = threat_insight.get(client)
        body = threat_insight.changed(config, action, add, remove)
        if body is None:
            self.log.info("ThreatInsight already has %s; nothing to change.", threat_insight.summary(config))
            return {"success": True, "threat_insight": config}
        updated = threat_insight.replace(client, body)
        self.log.info(
            "ThreatInsight changed from %s to %s.", threat_insight.summary(config), threat_insight.summary(updated)
        )
        return {"success": True, "threat_insight": updated}
