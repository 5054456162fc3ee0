"""Monitor User Groups: an event whenever users join or leave any of the watched groups.

The first sight of a group is its baseline and sends nothing; after that every poll reads all
pages of every group's members (no 1,000 cap) and diffs them by user id against the saved
snapshot. An event is sent only when something changed, with [] for the side without changes.

The snapshot is replaced only after every request of the poll succeeded (the state is updated at
the very end, and the runtime persists it only when the poll succeeded), so a failed request
never turns into phantom additions or removals: the next good poll reports the real change once.

A poll without changes, the baseline included, costs exactly ceil(members / page) requests per
group. Describing a change costs a little more: the group's current name (read only when an
event is about to name the group) and the users who left, fetched in batches (they are no longer
in the member list, and keeping every member's profile in the state would not scale). A deleted
or mistyped group id is a clear error from its member list.
"""

from komand_okta.okta import groups
from komand_okta.runtime.components import Trigger as Base

STATE_VERSION = 1
DEFAULT_INTERVAL = 300


class Trigger(Base):
    def interval(self, params):
        return float(params.get("interval") or DEFAULT_INTERVAL)

    def poll(self, params, state):
        client = self.connection.client
        saved = state.get("groups") if state.get("version") == STATE_VERSION else None
        saved = saved or {}
        snapshots, added, removed = {}, [], []
        for group_id in _unique(params.get("group_ids") or []):
            previous = saved.get(group_id) if isinstance(saved.get(group_id), dict) else {}
            known = set(previous.get("members") or []) if previous else None
            ids, newcomers = groups.read_members(client, group_id, known)
            gone = sorted(known.difference(ids)) if known is not None else []
            name = previous.get("name")
            if newcomers or gone:  # an event will name the group: use its current name
                name = groups.name_of(groups.get(client, group_id))
            snapshots[group_id] = {"name": name, "members": ids}
            if known is None:
                self.log.info(
                    "Group %s: baseline of %d member(s); changes are reported from the next check.", group_id, len(ids)
                )
                continue
            if newcomers:
                added.append(_user_group(name, group_id, [newcomers[i] for i in sorted(newcomers)]))
            if gone:
                removed.append(_user_group(name, group_id, groups.removed_users(client, gone)))
            if newcomers or gone:
                self.log.info("Group %s (%s): %d added, %d removed.", group_id, name, len(newcomers), len(gone))
        state.clear()
        state.update({"version": STATE_VERSION, "groups": snapshots})
        if not added and not removed:
            return []
        return [{"users_added_from_groups": added, "users_removed_from_groups": removed}]


def _user_group(name, group_id, users) -> dict:
    return {"group_name": name, "group_id": group_id, "users": users}


def _unique(group_ids) -> list:
    """The ids in input order, blanks and repeats dropped (a repeated id would be reported twice)."""
    seen, result = set(), []
    for group_id in (str(g).strip() for g in group_ids):
        if group_id and group_id not in seen:
            seen.add(group_id)
            result.append(group_id)
    return result
