"""The org's state: every object kind, indexes, the System Log, one lock.

Why: handlers and the control API read and mutate the same state from many
server threads; a single re-entrant lock keeps every request atomic (Okta is
strongly consistent for the calls we model).  Users use a slotted class and a
sorted id list so 100,000 users stay compact and pageable.
"""

import bisect
import threading
import uuid as _uuid

from . import events
from .clock import Clock
from .features import DEFAULTS as FEATURE_DEFAULTS
from .ids import IdGen

USER_STATUSES = (
    "STAGED",
    "PROVISIONED",
    "ACTIVE",
    "RECOVERY",
    "PASSWORD_EXPIRED",
    "LOCKED_OUT",
    "SUSPENDED",
    "DEPROVISIONED",
)


class User:
    """One user.  Timestamps are ISO strings (shared between bulk-made users)."""

    __slots__ = (
        "id",
        "status",
        "created",
        "activated",
        "status_changed",
        "last_login",
        "last_updated",
        "password_changed",
        "profile",
        "type_id",
        "realm_id",
        "provider_type",
        "provider_name",
        "password",
        "recovery_question",
        "transitioning",
        "sessions",
    )

    FIELDS = __slots__

    def __init__(self, **kw):
        for name in self.__slots__:
            setattr(self, name, kw.get(name))
        if self.sessions is None:
            self.sessions = 0

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}

    @property
    def login(self) -> str:
        return self.profile.get("login", "")

    @property
    def display_name(self) -> str:
        p = self.profile
        return f'{p.get("firstName") or ""} {p.get("lastName") or ""}'.strip()


class Store:
    def __init__(self, seed: int = 0, clock: Clock | None = None):
        self.lock = threading.RLock()
        self.clock = clock or Clock()
        self.seed = seed
        self.hook_sink = None  # callable(event) set by the hook deliverer
        self.sim_token_ids: list = []  # ids of the accepted --token values; outlive an org reload
        self.clear()

    # ------------------------------------------------------------------ reset
    def clear(self) -> None:
        with self.lock:
            self.ids = IdGen(self.seed)
            self.org = {"id": "00o" + "sim0000000000001d7"[:17], "name": "oktasim", "subdomain": "oktasim"}
            self.users: dict[str, User] = {}
            self.user_ids: list[str] = []  # sorted
            self.logins: dict[str, str] = {}  # lower(login) -> id
            self.groups: dict[str, dict] = {}
            self.members: dict[str, dict] = {}  # gid -> {uid: None} (ordered)
            self._members_sorted: dict[str, list] = {}
            self.user_groups: dict[str, set] = {}
            self.everyone_id = None
            self.apps: dict[str, dict] = {}
            self.app_users: dict[str, dict] = {}  # app id -> {uid: appuser}
            self.app_groups: dict[str, dict] = {}  # app id -> {gid: assignment}
            self.factors: dict[str, dict] = {}  # uid -> {fid: factor}
            self.transactions: dict[str, dict] = {}
            self.roles: dict[str, dict] = {}  # uid -> {rid: role}
            self.zones: dict[str, dict] = {}
            self.idps: dict[str, dict] = {}
            self.hooks: dict[str, dict] = {}
            self.user_types: dict[str, dict] = {}
            self.realms: dict[str, dict] = {}
            self.policies: dict[str, dict] = {}
            # issue 13: what an attacker leaves behind, and the defences they turn off
            self.group_rules: dict[str, dict] = {}
            self.trusted_origins: dict[str, dict] = {}
            self.behaviors: dict[str, dict] = {}
            self.threat_insight: dict = {}
            self.user_blocks: dict[str, str] = {}  # uid -> appliesTo (UNKNOWN_DEVICES)
            self.linked_object_defs: dict[str, dict] = {}  # primary name -> definition
            self.links: dict[str, dict] = {}  # primary name -> {associated uid: primary uid}
            # issue 12: a compromised identity's footprint, and the org features that gate it
            self.features: dict[str, bool] = dict(FEATURE_DEFAULTS)
            self.api_tokens: dict[str, dict] = {}  # token id -> metadata (no secrets)
            self.sessions: dict[str, dict] = {}  # session id -> session
            self.devices: dict[str, dict] = {}  # device id -> device (user links, bound factors)
            self.enrollments: dict[str, dict] = {}  # uid -> {id: authenticator enrollment not a factor}
            self.grants: dict[str, dict] = {}  # grant id -> OAuth scope consent grant
            self.refresh_tokens: dict[str, dict] = {}  # token id -> OAuth refresh token
            self.risks: dict[str, dict] = {}  # uid -> ITP risk
            self.logs: list[dict] = []
            self.log_seq = 0
            self.custom_attributes: set[str] = set()
            self.admin_id = None
            self.default_type_id = None
            self.tokens_meta: dict[str, dict] = {}

    # ------------------------------------------------------------------ time
    def now(self) -> str:
        return self.clock.iso()

    # ------------------------------------------------------------------ users
    def add_user(self, user: User) -> User:
        self.users[user.id] = user
        ids = self.user_ids
        if not ids or ids[-1] < user.id:
            ids.append(user.id)
        else:
            bisect.insort(ids, user.id)
        self.logins[user.login.lower()] = user.id
        self.user_groups.setdefault(user.id, set())
        if self.everyone_id:
            self.add_member(self.everyone_id, user.id, touch=False)
        return user

    def remove_user(self, uid: str) -> None:
        user = self.users.pop(uid, None)
        if user is None:
            return
        i = bisect.bisect_left(self.user_ids, uid)
        if i < len(self.user_ids) and self.user_ids[i] == uid:
            del self.user_ids[i]
        self.logins.pop(user.login.lower(), None)
        for gid in list(self.user_groups.pop(uid, ())):
            self.members.get(gid, {}).pop(uid, None)
            self._members_sorted.pop(gid, None)
        for assigned in self.app_users.values():
            assigned.pop(uid, None)
        self.factors.pop(uid, None)
        self.roles.pop(uid, None)

    def rename_login(self, user: User, new_login: str) -> None:
        self.logins.pop(user.login.lower(), None)
        self.logins[new_login.lower()] = user.id

    def find_user(self, key: str):
        """By id, login, or login shortname (the part before '@'), like Okta."""
        u = self.users.get(key)
        if u is not None:
            return u
        low = key.lower()
        uid = self.logins.get(low)
        if uid is not None:
            return self.users.get(uid)
        if "@" not in low:
            for login, uid in self.logins.items():
                if login.split("@", 1)[0] == low:
                    return self.users.get(uid)
        return None

    # ------------------------------------------------------------------ groups
    def add_group(self, group: dict) -> dict:
        self.groups[group["id"]] = group
        self.members.setdefault(group["id"], {})
        if group.get("type") == "BUILT_IN" and group["profile"].get("name") == "Everyone":
            self.everyone_id = group["id"]
        return group

    def add_member(self, gid: str, uid: str, touch: bool = True) -> bool:
        m = self.members.setdefault(gid, {})
        if uid in m:
            return False
        m[uid] = None
        self.user_groups.setdefault(uid, set()).add(gid)
        self._members_sorted.pop(gid, None)
        if touch:
            self.groups[gid]["lastMembershipUpdated"] = self.now()
        return True

    def remove_member(self, gid: str, uid: str) -> bool:
        m = self.members.get(gid, {})
        if uid not in m:
            return False
        del m[uid]
        self.user_groups.get(uid, set()).discard(gid)
        self._members_sorted.pop(gid, None)
        self.groups[gid]["lastMembershipUpdated"] = self.now()
        return True

    def sorted_members(self, gid: str) -> list:
        s = self._members_sorted.get(gid)
        if s is None:
            s = sorted(self.members.get(gid, {}))
            self._members_sorted[gid] = s
        return s

    def delete_group(self, gid: str) -> None:
        self.groups.pop(gid, None)
        for uid in self.members.pop(gid, {}):
            self.user_groups.get(uid, set()).discard(gid)
        self._members_sorted.pop(gid, None)

    # ------------------------------------------------------------------ log
    def actor(self, principal=None) -> dict:
        uid = (principal or {}).get("user_id") if isinstance(principal, dict) else None
        u = self.users.get(uid or self.admin_id or "")
        if u is None:
            return {
                "id": "00usimadmin0000001d7",
                "type": "User",
                "alternateId": "admin@example.com",
                "displayName": "Sim Admin",
                "detailEntry": None,
            }
        return {"id": u.id, "type": "User", "alternateId": u.login, "displayName": u.display_name, "detailEntry": None}

    def emit(
        self,
        event_type: str,
        targets=(),
        req=None,
        outcome="SUCCESS",
        reason=None,
        severity="INFO",
        actor=None,
        message=None,
        published=None,
    ) -> dict:
        """Append a LogEvent; hand it to the hook deliverer.  Call under the lock."""
        ev = events.build(
            event_type,
            published or self.now(),
            actor or self.actor(getattr(req, "principal", None)),
            targets=targets,
            outcome=outcome,
            reason=reason,
            severity=severity,
            request_id=getattr(req, "request_id", None),
            request_uri=(req.path if req is not None else None),
            ip=(req.header("X-Forwarded-For") or req.environ.get("REMOTE_ADDR") or "127.0.0.1").split(",")[0].strip()
            if req is not None
            else "127.0.0.1",
            user_agent=(req.header("User-Agent") or "unknown") if req is not None else "oktasim",
            message=message,
            uuid=str(_uuid.UUID(int=self.ids._rng.getrandbits(128), version=4)),
        )
        self.log_seq += 1
        ev["_seq"] = self.log_seq
        self.logs.append(ev)
        sink = self.hook_sink
        if sink is not None:
            sink(ev)
        return ev

    def user_target(self, u: User) -> dict:
        return events.target(u.id, "User", u.login, u.display_name)

    def group_target(self, g: dict) -> dict:
        return events.target(g["id"], "UserGroup", g["profile"].get("name"), g["profile"].get("name"))

    def app_target(self, a: dict) -> dict:
        return events.target(a["id"], "AppInstance", a.get("name"), a.get("label"))
