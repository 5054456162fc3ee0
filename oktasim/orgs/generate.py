"""Big generated orgs for benchmarks (e.g. 100,000 users, a 50,000-member group).

Why: paging, search and membership code must stay fast and compact at real
org sizes.  Users are built directly as slotted objects with shared timestamp
and name strings, bypassing per-call validation, so 100k users take seconds
and well under 500 MB.
"""

from ..store import User
from .loader import load_dict

FIRST = [
    "Ava",
    "Ben",
    "Cleo",
    "Dev",
    "Eva",
    "Finn",
    "Gia",
    "Hugo",
    "Isla",
    "Jack",
    "Kai",
    "Lily",
    "Max",
    "Nora",
    "Owen",
    "Pia",
    "Quinn",
    "Ray",
    "Sara",
    "Tom",
    "Una",
    "Vic",
    "Wes",
    "Yara",
    "Zoe",
]
LAST = [
    "Adams",
    "Baker",
    "Cruz",
    "Dunn",
    "Ellis",
    "Ford",
    "Gray",
    "Hart",
    "Irwin",
    "Jones",
    "King",
    "Lane",
    "Mills",
    "Nash",
    "Ortiz",
    "Price",
    "Reid",
    "Shaw",
    "Tate",
    "Vance",
    "Ward",
    "York",
]
STATUS_CYCLE = ["ACTIVE"] * 16 + ["SUSPENDED", "DEPROVISIONED", "PROVISIONED", "LOCKED_OUT"]


def generate(
    store, users: int = 1000, groups: int = 10, group_size: int | None = None, apps: int = 5, **_ignored
) -> None:
    load_dict(
        store,
        {
            "org": {"name": f"Generated org ({users} users)"},
            "groups": [{"name": f"Group {i:04d}", "description": "generated"} for i in range(groups)],
            "apps": [{"name": f"app{i}", "label": f"App {i}"} for i in range(apps)],
        },
    )
    with store.lock:
        clock = store.clock
        ts = [clock.iso(clock.now() - d * 86400.0) for d in range(1, 366)]
        type_id = store.default_type_id
        realm_id = store.org.get("default_realm_id")
        everyone = store.everyone_id
        firsts = [FIRST[i % len(FIRST)] for i in range(len(FIRST) * len(LAST))]
        everyone_members = store.members[everyone]
        new_id = store.ids.new
        add = store.users.__setitem__
        ids = store.user_ids
        logins = store.logins
        user_groups = store.user_groups
        statuses = STATUS_CYCLE
        ns = len(statuses)
        for i in range(users):
            uid = new_id("user")
            login = f"user{i:06d}@example.com"
            first = firsts[i % len(firsts)]
            last = LAST[(i // len(FIRST)) % len(LAST)]
            created = ts[364 - (i % 365)]
            status = statuses[i % ns]
            u = User(
                id=uid,
                status=status,
                created=created,
                activated=created,
                status_changed=created,
                last_login=None,
                last_updated=created,
                password_changed=created if status != "PROVISIONED" else None,
                profile={
                    "firstName": first,
                    "lastName": last,
                    "mobilePhone": None,
                    "secondEmail": None,
                    "login": login,
                    "email": login,
                },
                type_id=type_id,
                realm_id=realm_id,
                provider_type="OKTA",
                provider_name="OKTA",
                password="generated" if status != "PROVISIONED" else None,
            )
            add(uid, u)
            ids.append(uid)
            logins[login] = uid
            user_groups[uid] = {everyone}
            everyone_members[uid] = None
        ids.sort()
        store._members_sorted.pop(everyone, None)
        gids = [g for g, grp in store.groups.items() if grp["type"] == "OKTA_GROUP"]
        if gids and users:
            big = gids[0]
            size = min(group_size if group_size is not None else users // 2, users)
            members = store.members[big]
            for uid in ids[:size]:
                members[uid] = None
                user_groups[uid].add(big)
            # spread the rest over the other groups, a few members each
            for n, uid in enumerate(ids[: min(users, 50 * len(gids))]):
                g = gids[1 + n % (len(gids) - 1)] if len(gids) > 1 else big
                store.members[g][uid] = None
                user_groups[uid].add(g)
