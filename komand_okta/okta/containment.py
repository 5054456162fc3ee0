"""Containing a compromised identity in one run: each step idempotent, in a fixed order, reported.

The order (`STEPS`) closes the attacker's doors before it tells anyone:

1. suspend: first, so that no new sign-in (and so no new session or token) can start while the
   rest runs. Every later step relies on it, so when suspending fails the others are not run.
2. clear_sessions: ends the Okta sessions and revokes the OAuth tokens the attacker already holds.
3. universal_logout: reaches further, into the apps' own sessions (needs Identity Threat Protection).
4. revoke_grants: consent grants (consent phishing) outlive sessions and passwords.
5. remove_from_groups: standing access through group memberships, which can carry admin roles too;
6. remove_admin_roles: so this step sees only the roles the user still holds, and names those
   held through groups it cannot remove.
7. quarantine_group: the membership that puts the user under restrictive policies, once the
   access above is gone.
8. reset_factors: factors the attacker may have enrolled; it costs the real user a re-enrolment,
   hence off by default and after every step that cuts live access.
9. set_risk_high: last, because it tells: Okta's entity risk policy reacts to it, and admins and
   everything watching `user.risk.change` (SIEM, Workflows, an attacker holding an admin session)
   see it. Told earlier, a watching attacker would be warned while doors were still open.

Idempotence: each step reads what shows whether its goal already holds, and changes only when it
does not (`already` otherwise): the user's status (from the lookup), the grants, the user's
groups, role assignments and factors, the risk level. Okta cannot list a user's sessions, so
clear_sessions and universal_logout read the System Log: a `user.session.clear` (or a
`user.authentication.universal_logout.scheduled`) for the user at or after their `lastLogin`
means nothing they could have signed in with survives, since every session starts with a
sign-in; clear_sessions also needs no OAuth client to hold a live refresh token for them. The
log lags a few seconds and may be unreadable (scope, retention): then the step is simply done
again, which Okta accepts as often as asked, rather than wrongly reported as already done.

A dry run makes the same reads and no change: each step reports `would_do` instead. A failing
step is reported `failed` with Okta's explanation and the others go on; a step needing a
feature the org lacks is `skipped` with that said.
"""

from dataclasses import dataclass

from . import factors, features, grants, groups, logout, risk, roles, users
from .http.errors import Error, OktaError
from .search import quoted

DONE, ALREADY, SKIPPED, FAILED, WOULD_DO = "done", "already", "skipped", "failed", "would_do"
SESSION_CLEAR = "user.session.clear"
UNIVERSAL_LOGOUT = "user.authentication.universal_logout.scheduled"
HIGH = "HIGH"
RISK_REASON = "Identity contained by the SOC after a suspected compromise"
LOG_PAGE = 20  # one request: only whether such an event exists matters
WITHOUT_FEATURE = {  # what a skipped step leaves undone
    "universal_logout": " Okta sessions and OAuth tokens end with clear_sessions all the same; app sessions last "
    "until they expire.",
    "set_risk_high": " Okta's risk policies do not learn the SOC's verdict.",
}
NOT_RUN = (
    "Not run: the user could not be suspended, so they could sign in again at once. Fix the cause "
    "(see the suspend step) and run again, or set suspend to false to take the other steps without it."
)


@dataclass(frozen=True)
class Plan:
    """What to do; the defaults are the containment's defaults. Field names are step names."""

    suspend: bool = True
    clear_sessions: bool = True
    universal_logout: bool = True
    revoke_grants: bool = True
    remove_from_groups: tuple = ()
    remove_admin_roles: bool = False
    quarantine_group: str | None = None
    reset_factors: bool = False
    set_risk_high: bool = True
    dry_run: bool = False


@dataclass(frozen=True)
class Outcome:
    step: str
    status: str
    detail: str


class Run:
    """One containment: the client, the user, the plan, and the reads steps share (each made once)."""

    def __init__(self, client, user: dict, plan: Plan, log=None):
        self.client, self.user, self.plan, self.log = client, user, plan, log
        self.user_id = user["id"]
        self._groups = self._logged = self._risk = None

    def groups(self) -> dict:
        """{group id: group} of the user's groups, kept current as steps change them."""
        if self._groups is None:
            self._groups = {g["id"]: g for g in self.client.pages(self.client.path("users", self.user_id, "groups"))}
        return self._groups

    def since_sign_in(self, event_type: str) -> bool:
        """Whether the System Log records `event_type` for the user at or after their last sign-in
        (False when Okta shows no last sign-in to anchor the search on, or the log is unreadable)."""
        if self._logged is None:
            self._logged = self._read_log() if self.user.get("lastLogin") else set()
        return event_type in self._logged

    def _read_log(self) -> set:
        expression = "target.id eq %s and (eventType eq %s or eventType eq %s)" % (
            quoted(self.user_id),
            quoted(SESSION_CLEAR),
            quoted(UNIVERSAL_LOGOUT),
        )
        params = {"since": self.user["lastLogin"], "filter": expression, "sortOrder": "DESCENDING", "limit": LOG_PAGE}
        try:
            events = self.client.get(self.client.path("logs"), params=params, expect=list)
        except Error as exc:
            self.note("Could not read the System Log (%s); steps it would have shown done are done again.", exc.cause)
            return set()
        return {event.get("eventType") for event in events}

    def live_token_clients(self) -> list:
        """Names of the OAuth clients holding a live refresh token of the user."""
        live = []
        for app in grants.list_clients(self.client, self.user_id):
            path = self.client.path("users", self.user_id, "clients", app["client_id"], "tokens")
            if self.client.get(path, expect=list):
                live.append(app.get("client_name") or app["client_id"])
        return live

    def risk(self) -> dict:
        """The user's risk; FeatureUnavailable (every time, asked once) when the org lacks Identity
        Threat Protection."""
        if self._risk is None:
            try:
                self._risk = risk.get_risk(self.client, self.user_id)
            except features.FeatureUnavailable as exc:
                self._risk = exc
        if isinstance(self._risk, Exception):
            raise self._risk
        return self._risk

    def note(self, text, *args):
        if self.log is not None:
            self.log.info(text, *args)


# -- the steps: each answers (status, detail) ----------------------------------------------------
def suspend(run: Run):
    status = run.user.get("status")
    if status == "DEPROVISIONED":
        return ALREADY, "The user is deactivated (DEPROVISIONED), which blocks sign-in more than suspending does."
    if users.already(run.user, "suspend"):
        return ALREADY, "The user was already suspended: no new sign-in can start."
    if run.plan.dry_run:
        return WOULD_DO, "Would suspend the user (now %s), so that no new sign-in can start." % status
    try:
        users.change(run.client, run.user, "suspend", run.log)
    except OktaError as exc:
        if exc.status == 400 and status != "ACTIVE":  # Okta suspends only ACTIVE users (400 E0000001)
            return FAILED, "Okta suspends only ACTIVE users, and this one is %s. Okta answered: %s" % (
                status,
                exc.cause,
            )
        raise
    return DONE, "Suspended the user (was %s): no new sign-in can start." % status


def clear_sessions(run: Run):
    live = run.live_token_clients() if run.since_sign_in(SESSION_CLEAR) else None
    if live == []:
        return ALREADY, (
            "No session or OAuth token survives: the System Log shows the user's sessions cleared "
            "since their last sign-in, and no OAuth client holds a live refresh token of theirs."
        )
    still = (
        " Sessions were cleared since the last sign-in, but %s still held a live refresh token." % (", ".join(live))
        if live
        else ""
    )
    if run.plan.dry_run:
        return WOULD_DO, (
            "Would end every Okta session of the user and revoke their OAuth access and refresh tokens." + still
        )
    users.revoke_sessions(run.client, run.user, run.log, oauth_tokens=True)
    return DONE, "Ended every Okta session of the user and revoked their OAuth access and refresh tokens." + still


def universal_logout(run: Run):
    if run.since_sign_in(UNIVERSAL_LOGOUT):
        return ALREADY, "The System Log shows a Universal Logout of the user since their last sign-in."
    if run.plan.dry_run:
        run.risk()  # both need Identity Threat Protection: this read tells whether the org has it
        return WOULD_DO, "Would sign the user out of Okta and of every app that supports Universal Logout."
    logout.universal_logout(run.client, run.user_id)
    return DONE, "Signed the user out of Okta and of every app that supports Universal Logout."


def revoke_grants(run: Run):
    active = grants.list_grants(run.client, run.user_id)
    if not active:
        return ALREADY, "The user has no active OAuth consent grant."
    what = "%d OAuth consent grant(s) (%s)" % (len(active), _per_client(active))
    if run.plan.dry_run:
        return WOULD_DO, "Would revoke %s." % what
    grants.revoke_grants(run.client, run.user_id)
    return DONE, "Revoked %s." % what


def remove_from_groups(run: Run):
    mine = run.groups()
    present = [gid for gid in run.plan.remove_from_groups if gid in mine]
    absent = [gid for gid in run.plan.remove_from_groups if gid not in mine]
    also = " Not a member of %s." % ", ".join(absent) if absent else ""
    if not present:
        return ALREADY, "The user is a member of none of the groups given (%s)." % ", ".join(absent)
    labels = {gid: groups.label(mine[gid]) for gid in present}
    names = ", ".join(labels.values())
    if run.plan.dry_run:
        return WOULD_DO, "Would remove the user from %s.%s" % (names, also)

    def remove(gid):
        groups.remove_member(run.client, gid, run.user_id)
        del mine[gid]

    stopped = _each(present, remove, lambda gid: "removing from " + labels[gid])
    return stopped or (DONE, "Removed the user from %s.%s" % (names, also))


def remove_admin_roles(run: Run):
    held = roles.list_roles(run.client, run.user_id)
    direct = [a for a in held if roles.is_direct(a)]
    via_groups = sorted({str(a.get("type")) for a in held if not roles.is_direct(a)})
    also = (
        (
            " Held through groups, so not removable on the user: %s (remove the user from those groups, or the "
            "roles from the groups)." % ", ".join(via_groups)
        )
        if via_groups
        else ""
    )
    if not direct:
        return ALREADY, "The user holds no admin role directly." + also
    names = ", ".join("%s (%s)" % (a.get("type"), a.get("id")) for a in direct)
    if run.plan.dry_run:
        return WOULD_DO, "Would remove the admin role(s) %s.%s" % (names, also)
    stopped = _each(
        direct,
        lambda a: roles.unassign(run.client, run.user_id, a["id"], run.log),
        lambda a: "removing %s (%s)" % (a.get("type"), a.get("id")),
    )
    return stopped or (DONE, "Removed the admin role(s) %s.%s" % (names, also))


def quarantine_group(run: Run):
    found = groups.resolve(run.client, run.plan.quarantine_group)
    if not found:
        return FAILED, found.message + " The user was not added to a quarantine group."
    group, label = found.item, groups.label(found.item)
    mine = run.groups()
    if group["id"] in mine:
        return ALREADY, "The user is already in the quarantine group %s." % label
    if run.plan.dry_run:
        return WOULD_DO, "Would add the user to the quarantine group %s." % label
    groups.add_member(run.client, group["id"], run.user_id)
    mine[group["id"]] = group
    return DONE, "Added the user to the quarantine group %s." % label


def reset_factors(run: Run):
    enrolled = factors.enrolled_factors(run.client, run.user_id)
    if not enrolled:
        return ALREADY, "The user has no enrolled MFA factor."
    what = "%d MFA factor(s) (%s)" % (len(enrolled), ", ".join(sorted(str(f.get("factorType")) for f in enrolled)))
    if run.plan.dry_run:
        return WOULD_DO, "Would reset %s; the user would enrol again at their next sign-in." % what
    run.client.post(run.client.path("users", run.user_id, "lifecycle", "reset_factors"))
    return DONE, "Reset %s; the user enrols again at their next sign-in." % what


def set_risk_high(run: Run):
    level = run.risk().get("riskLevel") or "NONE"
    if level == HIGH:
        return ALREADY, "Okta already rates the user's risk HIGH."
    if run.plan.dry_run:
        return WOULD_DO, "Would raise the user's risk from %s to HIGH in Identity Threat Protection." % level
    risk.set_risk(run.client, run.user_id, HIGH, RISK_REASON)
    return DONE, (
        "Raised the user's risk from %s to HIGH: Okta's entity risk policy acts on it, and admins see it." % level
    )


# Order matters: see the module docstring. Each step runs when the plan's field of its name is set.
STEPS = (
    suspend,
    clear_sessions,
    universal_logout,
    revoke_grants,
    remove_from_groups,
    remove_admin_roles,
    quarantine_group,
    reset_factors,
    set_risk_high,
)


def contain(client, user: dict, plan: Plan, log=None) -> list:
    """The `Outcome` of every step, in order."""
    run = Run(client, user, plan, log)
    outcomes, suspend_failed = [], False
    for step in STEPS:
        name, asked = step.__name__, getattr(plan, step.__name__)
        if not asked:
            outcome = Outcome(name, SKIPPED, "Not asked (%s is %s)." % (name, "false" if asked is False else "empty"))
        elif suspend_failed:
            outcome = Outcome(name, SKIPPED, NOT_RUN)
        else:
            outcome = _attempt(step, run)
            suspend_failed = step is suspend and outcome.status == FAILED
        run.note("Step %s: %s. %s", name, outcome.status, outcome.detail)
        outcomes.append(outcome)
    return outcomes


def _attempt(step, run: Run) -> Outcome:
    """The step's outcome; an Okta refusal or error is this step's failure, not the run's."""
    try:
        status, detail = step(run)
    except features.FeatureUnavailable as exc:
        return Outcome(
            step.__name__,
            SKIPPED,
            "Skipped: this Okta org does not have %s, which this step needs "
            "(Okta answered %s E0000015).%s" % (exc.feature, exc.status, WITHOUT_FEATURE.get(step.__name__, "")),
        )
    except Error as exc:
        return Outcome(step.__name__, FAILED, "%s %s" % (exc.cause, exc.assistance))
    return Outcome(step.__name__, status, detail)


def _each(items, apply, doing):
    """Apply to each item in turn; at the first failure, (FAILED, what was done and why it stopped)."""
    done = []
    for item in items:
        try:
            apply(item)
        except Error as exc:
            before = "Done before: %s. " % "; ".join(done) if done else ""
            what = doing(item)
            return FAILED, "%s%s failed: %s %s" % (before, what[:1].upper() + what[1:], exc.cause, exc.assistance)
        done.append(doing(item))
    return None


def _per_client(active: list) -> str:
    """`5 to Mail Sync Pro, 3 to GitHub Enterprise`: grants counted per client, most first."""
    counts = {}
    for grant in active:
        title = ((grant.get("_links") or {}).get("app") or {}).get("title") or grant.get("clientId") or "?"
        counts[title] = counts.get(title, 0) + 1
    return ", ".join("%d to %s" % (n, title) for title, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
