"""Users: CRUD, search grammar, lifecycle state machine, credentials, sessions.

Why: the heart of a SOAR connector's work (suspend, clear sessions, reset
password...).  Status rules and errors follow api_facts §1.1, §3 and §4; the
JSON shape and status-dependent ``_links`` follow the recorded real users.
"""

import hashlib
import re

from .. import search
from ..errors import OktaError, not_found, validation
from ..paging import link_headers, page_sorted_ids, parse_limit
from ..store import User
from ..web import Response, no_content, ok
from . import grants, sessions

BASE_PROFILE = {
    "login",
    "email",
    "secondEmail",
    "firstName",
    "lastName",
    "middleName",
    "honorificPrefix",
    "honorificSuffix",
    "title",
    "displayName",
    "nickName",
    "profileUrl",
    "primaryPhone",
    "mobilePhone",
    "streetAddress",
    "city",
    "state",
    "zipCode",
    "countryCode",
    "postalAddress",
    "preferredLanguage",
    "locale",
    "timezone",
    "userType",
    "employeeNumber",
    "costCenter",
    "organization",
    "division",
    "department",
    "managerId",
    "manager",
}
REQUIRED_PROFILE = ("login", "email", "firstName", "lastName")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Link name -> (sub path, HTTP method) ; per status which links Okta shows.
_LINK_PATHS = {
    "activate": "lifecycle/activate",
    "reactivate": "lifecycle/reactivate",
    "deactivate": "lifecycle/deactivate",
    "suspend": "lifecycle/suspend",
    "unsuspend": "lifecycle/unsuspend",
    "unlock": "lifecycle/unlock",
    "resetPassword": "lifecycle/reset_password",
    "expirePassword": "lifecycle/expire_password",
    "resetFactors": "lifecycle/reset_factors",
    "forgotPassword": "credentials/forgot_password",
    "changePassword": "credentials/change_password",
    "changeRecoveryQuestion": "credentials/change_recovery_question",
}
STATUS_LINKS = {
    "STAGED": ("activate",),
    "PROVISIONED": ("suspend", "resetPassword", "reactivate", "deactivate"),
    "ACTIVE": (
        "suspend",
        "resetPassword",
        "forgotPassword",
        "expirePassword",
        "changeRecoveryQuestion",
        "changePassword",
        "deactivate",
    ),
    "RECOVERY": ("resetPassword", "reactivate", "expirePassword", "deactivate"),
    "PASSWORD_EXPIRED": ("resetPassword", "expirePassword", "changePassword", "deactivate"),
    "LOCKED_OUT": ("unlock", "resetPassword", "expirePassword", "deactivate"),
    "SUSPENDED": ("unsuspend", "resetPassword", "deactivate"),
    "DEPROVISIONED": ("activate", "delete"),
}


# ---------------------------------------------------------------- rendering
def render(store, u: User, base: str, full: bool = True) -> dict:
    self_href = f"{base}/api/v1/users/{u.id}"
    if full:
        links = {}
        for name in STATUS_LINKS.get(u.status, ()):
            if name == "delete":
                links["delete"] = {"href": self_href, "method": "DELETE"}
            else:
                links[name] = {"href": f"{self_href}/{_LINK_PATHS[name]}", "method": "POST"}
        # Recorded users of every status carry resetFactors, enrolled factors or not.
        links["resetFactors"] = {"href": f"{self_href}/lifecycle/reset_factors", "method": "POST"}
        tid = u.type_id or ""
        links["schema"] = {"href": f"{base}/api/v1/meta/schemas/user/osc{tid[3:]}"}
        links["self"] = {"href": self_href}
        links["type"] = {"href": f"{base}/api/v1/meta/types/user/{tid}"}
    else:
        links = {"self": {"href": self_href}}
    creds = {}
    if u.password is not None:
        creds["password"] = {}
    if u.recovery_question:
        creds["recovery_question"] = {"question": u.recovery_question}
    creds["provider"] = {"type": u.provider_type or "OKTA", "name": u.provider_name or "OKTA"}
    d = {
        "id": u.id,
        "status": u.status,
        "created": u.created,
        "activated": u.activated,
        "statusChanged": u.status_changed,
        "lastLogin": u.last_login,
        "lastUpdated": u.last_updated,
        "passwordChanged": u.password_changed,
    }
    if u.realm_id:
        d["realmId"] = u.realm_id
    d["type"] = {"id": u.type_id}
    if u.transitioning:
        d["transitioningToStatus"] = u.transitioning
    d["profile"] = dict(u.profile)
    d["credentials"] = creds
    d["_links"] = links
    return d


def etag(u: User) -> str:
    h = hashlib.md5(f"{u.id}|{u.last_updated}|{u.status}".encode()).hexdigest()
    return f'W/"{h}"'


# ---------------------------------------------------------------- helpers
def hash_password(value: str) -> str:
    return hashlib.sha256(("oktasim:" + value).encode()).hexdigest()


def check_password(value, login: str = "") -> None:
    if not isinstance(value, str) or not value:
        raise validation("password", "password: Password requirements were not met.")
    problems = []
    if len(value) < 8:
        problems.append("at least 8 characters")
    if not re.search(r"[a-z]", value):
        problems.append("a lowercase letter")
    if not re.search(r"[A-Z]", value):
        problems.append("an uppercase letter")
    if not re.search(r"\d", value):
        problems.append("a number")
    if login and login.split("@")[0].lower() in value.lower() and len(login.split("@")[0]) > 3:
        problems.append("no parts of your username")
    if problems:
        raise validation(
            "password",
            "password: Password requirements were not met. Password requirements: " + ", ".join(problems) + ".",
        )


def get_user(store, key: str) -> User:
    u = store.find_user(key)
    if u is None:
        raise not_found(key, "User")
    return u


def user_by_id(store, uid: str) -> User:
    u = store.users.get(uid)
    if u is None:
        raise not_found(uid, "User")
    return u


def _validate_profile(store, profile, current_id=None, partial=False) -> dict:
    if not isinstance(profile, dict):
        raise validation("profile", "profile: The field cannot be left blank")
    for key in profile:
        if key not in BASE_PROFILE and key not in store.custom_attributes:
            raise validation("newUser", f"Property name '{key}' is not defined in profile")
    if not partial:
        for key in REQUIRED_PROFILE:
            if not profile.get(key):
                raise validation(key, f"{key}: The field cannot be left blank")
    login = profile.get("login")
    if login is not None:
        if not isinstance(login, str) or not _EMAIL.match(login):
            raise validation("login", "login: Username must be in the form of an email address")
        other = store.logins.get(login.lower())
        if other is not None and other != current_id:
            raise validation("login", "login: An object with this field already exists in the current organization")
    email = profile.get("email")
    if email is not None and (not isinstance(email, str) or not _EMAIL.match(email)):
        raise validation("email", "email: Does not match required pattern")
    return profile


def _norm_profile(profile: dict) -> dict:
    out = {
        "firstName": profile.get("firstName"),
        "lastName": profile.get("lastName"),
        "mobilePhone": profile.get("mobilePhone"),
        "secondEmail": profile.get("secondEmail"),
        "login": profile.get("login"),
        "email": profile.get("email"),
    }
    for k, v in profile.items():
        if k not in out and v is not None:
            out[k] = v
    return out


def _apply_credentials(store, u: User, creds, now: str, req=None) -> bool:
    """Set password / recovery question / provider; return True if the password changed."""
    if not creds:
        return False
    if not isinstance(creds, dict):
        raise OktaError("E0000003")
    changed = False
    pw = creds.get("password")
    if isinstance(pw, dict):
        if pw.get("value") is not None:
            check_password(pw["value"], u.login)
            u.password = hash_password(pw["value"])
            u.password_changed = now
            changed = True
        elif isinstance(pw.get("hash"), dict):
            u.password = "hash:" + str(pw["hash"].get("value"))
            u.password_changed = now
            u.provider_type = u.provider_name = "IMPORT"
            changed = True
        elif pw.get("hook"):
            u.password = "hook"
            u.password_changed = now
            changed = True
    rq = creds.get("recovery_question")
    if isinstance(rq, dict) and rq.get("question"):
        if not rq.get("answer"):
            raise validation("recovery_question", "recovery_question.answer: The field cannot be left blank")
        u.recovery_question = rq["question"]
    prov = creds.get("provider")
    if isinstance(prov, dict) and prov.get("type"):
        u.provider_type = prov["type"]
        u.provider_name = prov.get("name") or prov["type"]
    return changed


def getter(u: User, attr: str):
    if attr.startswith("profile."):
        return u.profile.get(attr[8:])
    return {
        "id": u.id,
        "status": u.status,
        "created": u.created,
        "activated": u.activated,
        "statusChanged": u.status_changed,
        "lastUpdated": u.last_updated,
        "passwordChanged": u.password_changed,
        "lastLogin": u.last_login,
        "type.id": u.type_id,
        "realmId": u.realm_id,
    }.get(attr)


def _sort_key_for(attr):
    def key(u):
        v = getter(u, attr)
        return (v is None, str(v).lower() if v is not None else "")

    return key


def compile_expression(text: str, rules):
    try:
        return search.build(text, rules, getter)
    except search.SearchError as exc:
        raise OktaError("E0000031", causes=[str(exc)]) from None


def _token(store) -> str:
    return store.ids.token(20)


# ---------------------------------------------------------------- handlers
def list_users(req, store):
    q, flt, srch = req.arg("q"), req.arg("filter"), req.arg("search")
    if flt is not None and srch is not None:
        raise OktaError("E0000033")
    after = req.arg("after") or None
    users = store.users
    if srch is not None:
        limit = parse_limit(req, 200, 200)
        pred = compile_expression(srch, search.USER_SEARCH)
        sort_by = req.arg("sortBy")
        if sort_by:
            desc = (req.arg("sortOrder") or "asc").lower() == "desc"
            matched = [u for u in (users[i] for i in store.user_ids) if pred(u)]
            matched.sort(key=_sort_key_for(sort_by), reverse=desc)
            start = 0
            if after and after.startswith("o") and after[1:].isdigit():
                start = int(after[1:])
            chunk = matched[start : start + limit]
            nxt = f"o{start + limit}" if start + limit < len(matched) and limit else None
            items = chunk
        else:
            items, nxt = page_sorted_ids(store.user_ids, after, limit, pred, users.get)
    elif flt is not None:
        limit = parse_limit(req, 200, 200)
        pred = compile_expression(flt, search.USER_FILTER)
        items, nxt = page_sorted_ids(store.user_ids, after, limit, pred, users.get)
    elif q is not None:
        limit = parse_limit(req, 10, 200)
        ql = q.lower()

        def qpred(u):
            if u.status == "DEPROVISIONED":
                return False
            p = u.profile
            return any(str(p.get(k) or "").lower().startswith(ql) for k in ("firstName", "lastName", "email"))

        items, _ = page_sorted_ids(store.user_ids, None, limit, qpred, users.get)
        nxt = None  # q does not page
    else:
        limit = parse_limit(req, 200, 200)
        items, nxt = page_sorted_ids(store.user_ids, after, limit, lambda u: u.status != "DEPROVISIONED", users.get)
    body = [render(store, u, req.base, full=False) for u in items]
    return ok(body, headers=link_headers(req, nxt))


def get_user_h(req, store):
    key = req.params["id"]
    if key == "me":
        u = store.users.get((req.principal or {}).get("user_id") or store.admin_id or "")
        if u is None:
            raise not_found("me", "User")
    else:
        u = get_user(store, key)
    return ok(render(store, u, req.base), headers=[("ETag", etag(u))])


def create_user(req, store):
    body = req.json(required=True)
    activate = req.bool_arg("activate", True)
    provider = req.bool_arg("provider", False)
    next_login = req.arg("nextLogin")
    profile = _validate_profile(store, body.get("profile"))
    creds = body.get("credentials") or {}
    has_pw = (
        isinstance(creds, dict)
        and isinstance(creds.get("password"), dict)
        and (
            creds["password"].get("value") is not None or creds["password"].get("hash") or creds["password"].get("hook")
        )
    )
    if next_login == "changePassword":
        if not has_pw:
            raise OktaError("E0000124")
        if not activate:
            raise OktaError("E0000125")
    type_id = store.default_type_id
    if isinstance(body.get("type"), dict) and body["type"].get("id"):
        type_id = body["type"]["id"]
        if type_id not in store.user_types:
            raise validation("type", "type: Invalid user type")
    group_ids = body.get("groupIds") or []
    for gid in group_ids:
        if gid not in store.groups:
            raise not_found(gid, "UserGroup")
    now = store.now()
    u = User(
        id=store.ids.new("user"),
        status="STAGED",
        created=now,
        activated=None,
        status_changed=None,
        last_login=None,
        last_updated=now,
        password_changed=None,
        profile=_norm_profile(profile),
        type_id=type_id,
        realm_id=body.get("realmId") or store.org.get("default_realm_id"),
        provider_type="OKTA",
        provider_name="OKTA",
    )
    _apply_credentials(store, u, creds, now)
    if provider:
        u.provider_type = u.provider_type if u.provider_type not in (None, "OKTA") else "FEDERATION"
        u.provider_name = u.provider_name if u.provider_name not in (None, "OKTA") else "FEDERATION"
    if activate:
        if next_login == "changePassword":
            u.status = "PASSWORD_EXPIRED"
        elif has_pw or provider:
            u.status = "ACTIVE"
        else:
            u.status = "PROVISIONED"
        u.activated = u.status_changed = now
    elif has_pw:
        u.status_changed = now
    store.add_user(u)
    for gid in group_ids:
        store.add_member(gid, u.id)
    store.emit("user.lifecycle.create", [store.user_target(u)], req)
    if activate:
        store.emit("user.lifecycle.activate", [store.user_target(u)], req)
    for gid in group_ids:
        store.emit("group.user_membership.add", [store.user_target(u), store.group_target(store.groups[gid])], req)
    return ok(render(store, u, req.base))


def _update(req, store, replace: bool):
    u = get_user(store, req.params["id"])
    if u.status == "DEPROVISIONED":
        raise not_found(req.params["id"], "User")
    body = req.json(required=True)
    now = store.now()
    changed_profile = False
    # A PUT of credentials alone keeps the profile (recorded: 200, profile and lastUpdated unchanged).
    credentials_only = set(body) == {"credentials"}
    if "profile" in body or (replace and not credentials_only):
        prof = body.get("profile")
        if replace:
            _validate_profile(store, prof, current_id=u.id)
            new = _norm_profile(prof)
        else:
            _validate_profile(store, prof or {}, current_id=u.id, partial=True)
            new = dict(u.profile)
            for k, v in (prof or {}).items():
                new[k] = v
            for k in REQUIRED_PROFILE:
                if not new.get(k):
                    raise validation(k, f"{k}: The field cannot be left blank")
        if new.get("login") != u.login:
            store.rename_login(u, new["login"])
        changed_profile = new != u.profile
        u.profile = new
    if isinstance(body.get("type"), dict) and body["type"].get("id") and body["type"]["id"] != u.type_id:
        if not replace:
            raise validation("type", "type: The user type can only be changed with a full replace (PUT)")
        if body["type"]["id"] not in store.user_types:
            raise validation("type", "type: Invalid user type")
        u.type_id = body["type"]["id"]
    if body.get("realmId"):
        u.realm_id = body["realmId"]
    pw_changed = _apply_credentials(store, u, body.get("credentials"), now)
    if not credentials_only:
        u.last_updated = now
    if changed_profile or not pw_changed:
        store.emit("user.account.update_profile", [store.user_target(u)], req)
    if pw_changed:
        store.emit("user.account.update_password", [store.user_target(u)], req)
    return ok(render(store, u, req.base), headers=[("ETag", etag(u))])


def update_user(req, store):
    return _update(req, store, replace=False)


def replace_user(req, store):
    return _update(req, store, replace=True)


def _set_status(store, u: User, status: str, transition_time=None) -> None:
    now = transition_time or store.now()
    u.status = status
    u.status_changed = now
    u.last_updated = now


def _deactivate(req, store, u: User) -> None:
    _set_status(store, u, "DEPROVISIONED")
    sessions.end_all(store, u)
    for assigned in store.app_users.values():
        assigned.pop(u.id, None)
    for tx in store.transactions.values():
        if tx["user_id"] == u.id and tx["result"] == "WAITING":
            tx["result"] = "TIMEOUT"
    store.emit("user.lifecycle.deactivate", [store.user_target(u)], req)


def delete_user(req, store):
    u = get_user(store, req.params["id"])
    if u.status != "DEPROVISIONED":
        _deactivate(req, store, u)
        return no_content()
    store.emit("user.lifecycle.delete.initiated", [store.user_target(u)], req)
    store.remove_user(u.id)
    store.emit("user.lifecycle.delete.completed", [store.user_target(u)], req)
    return no_content()


def _activation_token(req, store, u: User, send_email: bool) -> Response:
    if send_email:
        return ok({})
    tok = _token(store)
    return ok({"activationUrl": f"{req.base}/welcome/{tok}", "activationToken": tok})


def lifecycle(req, store):
    action = req.params["action"]
    handler = _LIFECYCLE.get(action)
    if handler is None:
        raise OktaError("E0000008")
    u = get_user(store, req.params["id"])
    return handler(req, store, u)


def _activate(req, store, u):
    send_email = req.bool_arg("sendEmail", True)
    if u.status not in ("STAGED", "DEPROVISIONED"):
        raise OktaError("E0000016")
    now = store.now()
    _set_status(store, u, "ACTIVE" if u.password is not None else "PROVISIONED", now)
    u.activated = now
    store.emit("user.lifecycle.activate", [store.user_target(u)], req)
    return _activation_token(req, store, u, send_email)


def _reactivate(req, store, u):
    send_email = req.bool_arg("sendEmail", False)
    if u.status not in ("PROVISIONED", "RECOVERY"):
        raise OktaError("E0000038")
    u.last_updated = store.now()
    store.emit("user.lifecycle.reactivate", [store.user_target(u)], req)
    return _activation_token(req, store, u, send_email)


def _deactivate_h(req, store, u):
    req.bool_arg("sendEmail", False)
    if u.status == "DEPROVISIONED":
        raise not_found(u.id, "User")
    _deactivate(req, store, u)
    return ok({})


def _suspend(req, store, u):
    if u.status != "ACTIVE":
        raise validation("suspendUser", "Cannot suspend a user that is not active")
    _set_status(store, u, "SUSPENDED")
    sessions.end_all(store, u)
    store.emit("user.lifecycle.suspend", [store.user_target(u)], req)
    return ok({})


def _unsuspend(req, store, u):
    if u.status != "SUSPENDED":
        raise validation("unsuspendUser", "Cannot unsuspend a user that is not suspended")
    _set_status(store, u, "ACTIVE")
    store.emit("user.lifecycle.unsuspend", [store.user_target(u)], req)
    return ok({})


def _unlock(req, store, u):
    if u.status != "LOCKED_OUT":
        raise OktaError("E0000032")
    _set_status(store, u, "ACTIVE")
    store.emit("user.account.unlock", [store.user_target(u)], req)
    return ok({})


def _reset_factors(req, store, u):
    store.factors.pop(u.id, None)
    u.last_updated = store.now()
    store.emit("user.mfa.factor.reset_all", [store.user_target(u)], req)
    return ok({})


def _expire_check(u):
    if u.status not in ("ACTIVE", "PASSWORD_EXPIRED", "LOCKED_OUT", "RECOVERY") or u.password is None:
        raise OktaError("E0000038")


def _expire_password(req, store, u):
    _expire_check(u)
    _set_status(store, u, "PASSWORD_EXPIRED")
    store.emit("user.account.expire_password", [store.user_target(u)], req)
    return ok(render(store, u, req.base))


def _expire_temp(req, store, u):
    revoke = req.bool_arg("revokeSessions", False)
    _expire_check(u)
    temp = store.ids.token(10)
    u.password = hash_password(temp)
    u.password_changed = store.now()
    _set_status(store, u, "PASSWORD_EXPIRED")
    if revoke:
        sessions.end_all(store, u)
    store.emit("user.account.expire_password", [store.user_target(u)], req)
    return ok({"tempPassword": temp})


def _reset_password(req, store, u):
    send_email = req.bool_arg("sendEmail", True)
    revoke = req.bool_arg("revokeSessions", False)
    if u.status not in ("ACTIVE", "PASSWORD_EXPIRED", "LOCKED_OUT", "RECOVERY", "PROVISIONED"):
        raise OktaError("E0000038")
    _set_status(store, u, "RECOVERY")
    if revoke:
        sessions.end_all(store, u)
    store.emit("user.account.reset_password", [store.user_target(u)], req)
    if send_email:
        return ok({})
    return ok({"resetPasswordUrl": f"{req.base}/signin/reset-password/{_token(store)}"})


_LIFECYCLE = {
    "activate": _activate,
    "reactivate": _reactivate,
    "deactivate": _deactivate_h,
    "suspend": _suspend,
    "unsuspend": _unsuspend,
    "unlock": _unlock,
    "reset_factors": _reset_factors,
    "expire_password": _expire_password,
    "expire_password_with_temp_password": _expire_temp,
    "reset_password": _reset_password,
}


def clear_sessions(req, store):
    u = get_user(store, req.params["id"])
    oauth_tokens = req.bool_arg("oauthTokens", False)
    req.bool_arg("forgetDevices", True)
    sessions.end_all(store, u)
    if oauth_tokens:
        grants.revoke_tokens(store, u, req)
    store.emit("user.session.clear", [store.user_target(u)], req)
    return no_content()


def _creds_body(u: User) -> dict:
    creds = {}
    if u.password is not None:
        creds["password"] = {}
    if u.recovery_question:
        creds["recovery_question"] = {"question": u.recovery_question}
    creds["provider"] = {"type": u.provider_type or "OKTA", "name": u.provider_name or "OKTA"}
    return creds


def change_password(req, store):
    u = get_user(store, req.params["id"])
    body = req.json(required=True)
    if u.status not in ("ACTIVE", "PASSWORD_EXPIRED", "RECOVERY"):
        raise OktaError("E0000038")
    old = (body.get("oldPassword") or {}).get("value")
    new = (body.get("newPassword") or {}).get("value")
    if u.password is None or old is None or hash_password(old) != u.password:
        raise OktaError("E0000014", causes=["oldPassword: The credentials provided were incorrect."])
    try:
        check_password(new, u.login)
    except OktaError as exc:
        raise OktaError("E0000080", causes=exc.causes) from None
    now = store.now()
    u.password = hash_password(new)
    u.password_changed = now
    if u.status in ("PASSWORD_EXPIRED", "RECOVERY"):
        _set_status(store, u, "ACTIVE", now)
    u.last_updated = now
    if body.get("revokeSessions"):
        sessions.end_all(store, u)
    store.emit("user.account.update_password", [store.user_target(u)], req)
    return ok(_creds_body(u))


def change_recovery_question(req, store):
    u = get_user(store, req.params["id"])
    body = req.json(required=True)
    pw = (body.get("password") or {}).get("value")
    if u.password is None or pw is None or hash_password(pw) != u.password:
        raise OktaError("E0000036")
    rq = body.get("recovery_question") or {}
    if not rq.get("question") or not rq.get("answer"):
        raise validation("recovery_question", "recovery_question: The field cannot be left blank")
    u.recovery_question = rq["question"]
    u.last_updated = store.now()
    store.emit("user.account.update_profile", [store.user_target(u)], req)
    return ok(_creds_body(u))


def forgot_password(req, store):
    u = get_user(store, req.params["id"])
    send_email = req.bool_arg("sendEmail", True)
    if u.status not in ("ACTIVE", "PASSWORD_EXPIRED", "LOCKED_OUT", "RECOVERY"):
        raise OktaError("E0000038")
    _set_status(store, u, "RECOVERY")
    store.emit("user.account.reset_password", [store.user_target(u)], req)
    if send_email:
        return ok({})
    return ok({"resetPasswordUrl": f"{req.base}/signin/reset-password/{_token(store)}"})


def user_groups(req, store):
    from .groups import render as render_group

    u = get_user(store, req.params["id"])
    gids = sorted(store.user_groups.get(u.id, ()))
    return ok([render_group(store, store.groups[g], req.base) for g in gids if g in store.groups])


def register(r) -> None:
    r.add("GET", "/api/v1/users", list_users)
    r.add("POST", "/api/v1/users", create_user)
    r.add("GET", "/api/v1/users/{id}", get_user_h)
    r.add("POST", "/api/v1/users/{id}", update_user)
    r.add("PUT", "/api/v1/users/{id}", replace_user)
    r.add("DELETE", "/api/v1/users/{id}", delete_user)
    r.add("POST", "/api/v1/users/{id}/lifecycle/{action}", lifecycle)
    r.add("DELETE", "/api/v1/users/{id}/sessions", clear_sessions)
    r.add("POST", "/api/v1/users/{id}/credentials/change_password", change_password)
    r.add("POST", "/api/v1/users/{id}/credentials/change_recovery_question", change_recovery_question)
    r.add("POST", "/api/v1/users/{id}/credentials/forgot_password", forgot_password)
    r.add("GET", "/api/v1/users/{id}/groups", user_groups)
