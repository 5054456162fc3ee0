"""Contain User: resolve the user, run the containment (`okta.containment`), return its report.

Every step's outcome is in `steps`, in the order run; `success` is false when a step failed (the
report says which and why) or when no Okta user matches (then `message` says so). Group IDs are
checked before any request, so a group name given by mistake reaches no endpoint.
"""

from komand_okta import inputs
from komand_okta.okta import containment, users
from komand_okta.okta.groups import GROUP_ID
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        plan = containment.Plan(
            suspend=params["suspend"],
            clear_sessions=params["clear_sessions"],
            universal_logout=params["universal_logout"],
            revoke_grants=params["revoke_grants"],
            remove_from_groups=group_ids(params.get("remove_from_groups") or []),
            remove_admin_roles=params["remove_admin_roles"],
            quarantine_group=inputs.text(params, "quarantine_group"),
            reset_factors=params["reset_factors"],
            set_risk_high=params["set_risk_high"],
            dry_run=params["dry_run"],
        )
        client = self.connection.client
        found = users.resolve(client, params["user"], "nothing was contained")
        if not found:
            return not_found(found, self.log)
        outcomes = containment.contain(client, found.item, plan, self.log)
        return {
            "success": all(o.status != containment.FAILED for o in outcomes),
            "user_id": found.item["id"],
            "steps": [{"step": o.step, "status": o.status, "detail": o.detail} for o in outcomes],
        }


def group_ids(values) -> tuple:
    """The group IDs, trimmed, each once, in order; a value that is not a group ID is refused by name."""
    ids = []
    for value in values:
        text = str(value).strip()
        if not GROUP_ID.match(text):
            raise ClientError(
                "Remove From Groups (remove_from_groups) holds %r, which is not an Okta group ID." % value,
                "Give group IDs (00g followed by 17 letters or digits); List Groups shows them.",
            )
        if text not in ids:
            ids.append(text)
    return tuple(ids)
